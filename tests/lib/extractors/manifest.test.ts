import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scrapeHtml } from '@/lib/cli/commands/scrape';
import type { CslItem } from '@/lib/model/article';
import { scrape, sharedPages } from './fixtures';

/** Every page of ../shared/pages yields what MANIFEST.json says, by both paths a page takes. */
interface Expect {
  items?: number;
  unique?: number;
  doi?: string;
  language?: string;
  title?: string;
  first_title?: string;
}
interface ManifestPage {
  file: string;
  url: string;
  expect: Expect;
}

const manifestPath = path.join(sharedPages, 'MANIFEST.json');
const pages: ManifestPage[] = JSON.parse(readFileSync(manifestPath, 'utf8')).pages;

/** "10.13000/j.cnki.sample.*" → a prefix match; DOIs are compared case-insensitively. */
function doiMatches(doi: string | undefined, expected: string): boolean {
  if (!doi) return false;
  const want = expected.toLowerCase();
  return want.endsWith('*') ? doi.startsWith(want.slice(0, -1)) : doi === want;
}

function checkItems(items: Pick<CslItem, 'title' | 'DOI' | 'language'>[], expected: Expect): void {
  if (expected.unique !== undefined) expect(items).toHaveLength(expected.unique);
  if (expected.first_title !== undefined) expect(items[0]?.title).toBe(expected.first_title);
  if (expected.title !== undefined) expect(items.map((item) => item.title)).toContain(expected.title);
  if (expected.doi !== undefined) expect(items.some((item) => doiMatches(item.DOI, expected.doi as string))).toBe(true);
  if (expected.language !== undefined) expect(items.every((item) => item.language === expected.language)).toBe(true);
}

describe('shared journal pages (MANIFEST.json)', () => {
  it('lists pages that exist', () => {
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(existsSync(path.join(sharedPages, page.file))).toBe(true);
  });

  for (const page of pages) {
    describe(page.file, () => {
      const html = readFileSync(path.join(sharedPages, page.file), 'utf8');

      it('yields the expected articles through extractPage and pageArticles', () => {
        const { extraction, articles } = scrape(html, page.url);
        expect(extraction.errors).toEqual([]);
        if (page.expect.items !== undefined) expect(extraction.items).toHaveLength(page.expect.items);
        checkItems(articles, page.expect);
        for (const article of articles) {
          expect(article.title || article.abstract).toBeTruthy();
          expect(article.URL).toMatch(/^https?:\/\//);
        }
      });

      it('prints the same articles as CSL-JSON through the scrape command', () => {
        const items = scrapeHtml(html, page.url);
        checkItems(items, page.expect);
        for (const item of items) {
          expect(item.id).toMatch(/^sl-/);
          expect(item.type).toBeTruthy();
          // CSL-JSON only: Simlit's own fields stay out of the export.
          expect(Object.keys(item)).not.toContain('sightings');
          expect(Object.keys(item)).not.toContain('platform');
        }
      });
    });
  }
});

describe('facts the manifest notes', () => {
  const read = (file: string) => readFileSync(path.join(sharedPages, file), 'utf8');

  it('keeps the seed list positions and merges the article listed twice', () => {
    const { extraction, articles } = scrape(read('qinyun-similar.html'), pages.find((p) => p.file === 'qinyun-similar.html')!.url);
    expect(extraction.platform).toBe('qinyun');
    expect(extraction.items.map((item) => item.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(extraction.items[4].abstract?.trim()).toBeTruthy();
    const merged = articles.find((article) => article.sightings[0].position === 5);
    expect(merged).toBeDefined();
    expect(articles.some((article) => article.sightings[0].position === 6)).toBe(false);
  });

  it('reads CNKI results with authors, source, date and database but no abstract', () => {
    const url = pages.find((p) => p.file === 'cnki-search-result.html')!.url;
    const { extraction, articles } = scrape(read('cnki-search-result.html'), url);
    expect(extraction.platform).toBe('cnki');
    expect(extraction.kind).toBe('list');
    expect(articles[0]).toMatchObject({
      'container-title': '焊接学报',
      issued: { 'date-parts': [[2026, 6, 24]] },
      type: 'article-journal',
      ids: expect.arrayContaining(['cnki:HJXB20260618001']),
    });
    expect(articles[0].author?.slice(0, 2)).toEqual([{ literal: '刘莉' }, { literal: '冯宇晨' }]);
    expect(articles.every((article) => article.abstract === undefined)).toBe(true);
    expect(articles.every((article) => article.URL?.startsWith('https://kns.cnki.net/kcms2/article/abstract?'))).toBe(true);
  });

  it('strips the "doi:" prefix of Nature\'s citation_doi and keeps Flemish particles in family names', () => {
    const url = pages.find((p) => p.file === 'nature-article-2014.html')!.url;
    const [item] = scrapeHtml(read('nature-article-2014.html'), url);
    expect(item.DOI).toBe('10.1038/nature13322');
    expect(item.author?.[0]).toEqual({ family: 'Vande Walle', given: 'Lieselotte' });
    expect(item.author?.[9]).toEqual({ family: 'van Loo', given: 'Geert' });
  });

  it('reads the 2015 PubMed layout without meta tags: authors, journal, date, abstract without copyright', () => {
    const url = pages.find((p) => p.file === 'pubmed-article-2015.html')!.url;
    const [item] = scrapeHtml(read('pubmed-article-2015.html'), url);
    expect(item).toMatchObject({
      'container-title': 'Psychoneuroendocrinology',
      issued: { 'date-parts': [[2015, 3, 12]] },
      volume: '56',
      page: '120-131',
      URL: 'https://pubmed.ncbi.nlm.nih.gov/25817406/',
      keyword: 'Cortisol; Fatigue; Hypothalamic–pituitary–adrenal axis; Multiple sclerosis',
    });
    expect(item.author?.[0]).toEqual({ family: 'Powell', given: 'D. J.' });
    expect(item.abstract).toMatch(/^Cortisol is a key regulator/);
    expect(item.abstract).not.toMatch(/Copyright/);
  });
});
