/**
 * Fuzzing every extractor, the registry and normalization with generated and mutated pages:
 * nothing throws, work stays proportional to the page (counted, not timed), and what comes out
 * is plain, capped text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageArticles } from '@/lib/capture/page-articles';
import { LIMITS } from '@/lib/capture/limits';
import { EXTRACTORS, MAX_ITEMS_PER_PAGE, extractPage } from '@/lib/extractors/registry';
import type { Extractor } from '@/lib/extractors/types';
import { PAGE_URLS, generatedPage, mutatedPage, realPages } from './html-arbitraries';
import { deepPage, longFieldPage, manyItemsPage, MARKUP_LIKE_TITLE } from './hostile-pages';
import { meteredDocument, type WorkMeter } from './work-meter';
import { readFixture, readRealPage } from '../extractors/fixtures';

const RUNS = { generated: 100, mutated: 40 };
/** Real journal pages cost under one unit of DOM work per character of HTML; allow 20. */
const WORK_PER_CHAR = 20;
const WORK_FLOOR = 20_000;

interface Outcome {
  extractor: string;
  threw?: string;
  work: number;
}

/** Runs one extractor as the registry would (detect, then extract), counting its DOM work. */
function runExtractor(extractor: Extractor, document: Document, meter: WorkMeter, url: string): Outcome {
  meter.reset();
  try {
    const parsed = new URL(url);
    if (extractor.canExtract(document, parsed)) {
      const items = extractor.extract(document, parsed);
      if (!Array.isArray(items)) return { extractor: extractor.id, threw: 'extract did not return an array', work: meter.count };
      extractor.kind(document, parsed, items);
    }
    return { extractor: extractor.id, work: meter.count };
  } catch (error) {
    return { extractor: extractor.id, threw: error instanceof Error ? `${error.name}: ${error.message}` : String(error), work: meter.count };
  }
}

/** Every extractor on one parsed page (extractors only read the DOM, so one parse serves all). */
function runAll(html: string, url: string): Outcome[] {
  const { document, meter, close } = meteredDocument(html, url);
  try {
    return EXTRACTORS.map((extractor) => runExtractor(extractor, document, meter, url));
  } finally {
    close();
  }
}

function checkAllExtractors(html: string, url: string): void {
  const budget = WORK_FLOOR + WORK_PER_CHAR * html.length;
  for (const outcome of runAll(html, url)) {
    expect(outcome.threw, `${outcome.extractor} on ${url}`).toBeUndefined();
    expect(outcome.work, `${outcome.extractor} DOM work on ${url} (${html.length} chars)`).toBeLessThanOrEqual(budget);
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The page through the registry and normalization, as the content script and background do; how many articles came out. */
function checkCapturePath(html: string, url: string): number {
  const { document, close } = meteredDocument(html, url);
  try {
    const extraction = extractPage(document, url);
    expect(extraction.errors).toEqual([]);
    expect(extraction.items.length).toBeLessThanOrEqual(MAX_ITEMS_PER_PAGE);
    const articles = pageArticles(extraction, url, 1_700_000_000_000);
    for (const article of articles) {
      expect(article.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
      expect(article.abstract?.length ?? 0).toBeLessThanOrEqual(LIMITS.abstract);
      expect(article.author?.length ?? 0).toBeLessThanOrEqual(LIMITS.authors);
      for (const text of [article.title, article.abstract, article['container-title']]) {
        if (text) expect(LONE_SURROGATE.test(text), JSON.stringify(text.slice(0, 80))).toBe(false);
      }
      if (article.URL) expect(new URL(article.URL).protocol).toMatch(/^https?:$/);
    }
    return articles.length;
  } finally {
    close();
  }
}

describe('extractors on generated pages', () => {
  it('no extractor throws or does more than linear DOM work', () => {
    fc.assert(
      fc.property(generatedPage, fc.constantFrom(...PAGE_URLS), (html, url) => checkAllExtractors(html, url)),
      { numRuns: RUNS.generated },
    );
  }, 120_000);

  it('the registry and normalization turn any page into capped, clean articles', () => {
    let yielding = 0;
    fc.assert(
      fc.property(generatedPage, fc.constantFrom(...PAGE_URLS), (html, url) => {
        if (checkCapturePath(html, url) > 0) yielding++;
      }),
      { numRuns: RUNS.generated },
    );
    // The generated pages reach extraction, not only detection.
    expect(yielding).toBeGreaterThan(0);
  }, 120_000);
});

describe('extractors on mutated journal pages', () => {
  const pages = realPages();

  it('no extractor throws or does more than linear DOM work on cut and spliced real pages', () => {
    fc.assert(fc.property(mutatedPage(pages), ({ html, url }) => checkAllExtractors(html, url)), { numRuns: RUNS.mutated });
  }, 180_000);

  it('the capture path survives cut and spliced real pages', () => {
    let yielding = 0;
    fc.assert(
      fc.property(mutatedPage(pages), ({ html, url }) => {
        if (checkCapturePath(html, url) > 0) yielding++;
      }),
      { numRuns: RUNS.mutated },
    );
    expect(yielding).toBeGreaterThan(RUNS.mutated / 2);
  }, 180_000);
});

describe('pages the mutated-pages property found', () => {
  // A Qinyun similar-articles page spliced into itself: each copy's list opened inside the previous
  // copy's first row, and reading each row searched every list nested in it (497,306 units of DOM
  // work for 23,598 characters; 16 million with three more copies).
  it('replays seed -1795176414 within the linear budget', () => {
    const pages = realPages();
    fc.assert(fc.property(mutatedPage(pages), ({ html, url }) => checkAllExtractors(html, url)), {
      seed: -1795176414,
      path: '24:2:3:3:2:1:1:3:6:4:4:3:3:3:3:4:8:3:8:3:5:3:4:4:4:4:4:4:4:4:4:12:5',
      endOnFailure: true,
    });
  }, 60_000);
});

describe('real pages spliced into themselves', () => {
  // A slice of the page repeated 4 and 16 times at one place: its unclosed tags nest each copy in
  // the one before, so list entries end up inside list entries. Reading each entry's fields then
  // searched every entry nested in it, and reading every entry read the nested ones again: work
  // grew with the square of the copies (16 copies of a CNKI result page cost 79 units a
  // character, 64 copies 150). Found by sweeping every saved page with such splices.
  const cases: { name: string; page: () => { html: string; url: string }; at: number; length: number }[] = [
    { name: 'a CNKI result table (cnki)', page: () => realPages().find((page) => page.url.includes('kns8s'))!, at: 0.45, length: 3000 },
    { name: 'a CNKI result table (the generic list)', page: () => readFixture('cnki--search-result.html'), at: 0.05, length: 3000 },
    { name: 'Scopus results', page: () => readFixture('scopus--search-results.html'), at: 0.05, length: 3000 },
    { name: 'a Taylor & Francis article with links left open', page: () => readRealPage('tandfonline--article-2019-molphys.html'), at: 0.3, length: 3000 },
    { name: 'Wanfang results', page: () => readRealPage('wanfang--search-results-2020.html'), at: 0.3, length: 3000 },
    { name: 'an arXiv listing', page: () => readFixture('arxiv--list.html'), at: 0.05, length: 800 },
    { name: 'Semantic Scholar results', page: () => readFixture('semantic-scholar--search-results.html'), at: 0.05, length: 800 },
    { name: 'an OJS issue', page: () => readFixture('ojs--issue-toc.html'), at: 0.25, length: 800 },
    { name: 'ScienceDirect results', page: () => readFixture('sciencedirect--search-results.html'), at: 0.45, length: 800 },
    { name: 'an article page with a heading left open (embedded metadata)', page: () => readFixture('meta--markup-json-authors.html'), at: 0.15, length: 800 },
  ];
  for (const { name, page, at, length } of cases) {
    it(`grows with the page, not its square: ${name}`, () => {
      const { html, url } = page();
      const from = Math.floor(at * html.length);
      const spliced = (copies: number) => html.slice(0, from + length) + html.slice(from, from + length).repeat(copies) + html.slice(from + length);
      const [small, large] = [spliced(4), spliced(16)];
      const [smallRuns, largeRuns] = [runAll(small, url), runAll(large, url)];
      const growth = large.length / small.length;
      for (const [index, a] of smallRuns.entries()) {
        const b = largeRuns[index];
        expect(a.threw ?? b.threw, a.extractor).toBeUndefined();
        expect(b.work, `${a.extractor}: work ${a.work} at 4 copies, ${b.work} at 16 (page ${growth.toFixed(2)} times larger)`).toBeLessThanOrEqual(2 * growth * a.work + 20_000);
      }
    }, 60_000);
  }
});

describe('the work meter', () => {
  it('tells a quadratic extractor from a linear one', () => {
    const quadratic: Extractor = {
      id: 'quadratic',
      hosts: [],
      seenOn: [],
      canExtract: () => true,
      kind: () => 'list',
      extract: (doc) => [...doc.querySelectorAll('li')].map((li) => ({ title: `${li.textContent}${doc.querySelectorAll('li').length}` })),
    };
    const work = (size: number) => {
      const { document, meter, close } = meteredDocument(`<ul>${'<li>an item</li>'.repeat(size)}</ul>`, PAGE_URLS[12]);
      const outcome = runExtractor(quadratic, document, meter, PAGE_URLS[12]);
      close();
      return outcome.work;
    };
    expect(work(400)).toBeGreaterThan(6 * work(100) + 5_000);
  }, 60_000);
});

describe('extractor work on growing hostile pages', () => {
  // Work at size n and 4n: a linear extractor does about 4 times the work, a quadratic one 16.
  const shapes = [
    { name: 'list items', build: manyItemsPage, small: 250, large: 1000 },
    { name: 'nesting depth', build: deepPage, small: 250, large: 1000 },
    { name: 'field length', build: longFieldPage, small: 50_000, large: 200_000 },
  ];
  for (const shape of shapes) {
    for (const url of [PAGE_URLS[0], PAGE_URLS[9], PAGE_URLS[11], PAGE_URLS[12]]) {
      it(`grows linearly with ${shape.name} on ${new URL(url).hostname}`, () => {
        const smallRuns = runAll(shape.build(shape.small), url);
        const largeRuns = runAll(shape.build(shape.large), url);
        for (const [index, a] of smallRuns.entries()) {
          const b = largeRuns[index];
          expect(a.threw ?? b.threw, a.extractor).toBeUndefined();
          expect(b.work, `${a.extractor}: work ${a.work} at ${shape.small}, ${b.work} at ${shape.large}`).toBeLessThanOrEqual(6 * a.work + 5_000);
        }
      }, 60_000);
    }
  }

  it('takes at most MAX_ITEMS_PER_PAGE items from a page of a thousand', () => {
    const { document, close } = meteredDocument(manyItemsPage(1000), PAGE_URLS[9]);
    try {
      const extraction = extractPage(document, PAGE_URLS[9]);
      expect(extraction.items.length).toBe(MAX_ITEMS_PER_PAGE);
      const articles = pageArticles(extraction, PAGE_URLS[9], 1);
      expect(articles.length).toBeGreaterThan(0);
      // Markup in a title is reduced to its text; markup-like text is kept as text.
      expect(articles[0].title).toBe('第0篇 形式主义的成因研究');
      expect(articles[1].title).toBe(`${MARKUP_LIKE_TITLE} 第1篇 形式主义的成因研究`);
    } finally {
      close();
    }
  }, 60_000);
});
