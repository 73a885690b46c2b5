/**
 * The reader's library is theirs, in the real browser with the production build: a page on a
 * matched host cannot rewrite a saved article (its version is kept aside for the reader), a DOI
 * crafted to break out of BibTeX exports as one entry, a flooding page stops at the reader's cap
 * with their saved articles intact, a page listening for Simlit hears nothing, and a crafted
 * backup restores nothing unsafe and says what it left out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Article } from '@/lib/model/article';
import { EXTENSION_DIR } from './chromium';
import { FIREFOX_EXTENSION_DIR } from './firefox';
import { describeInBrowsers, launchExtension, type ExtensionSession, type TestPage } from './harness';
import { putRow, readStore, tabIdOf, waitFor } from './library-db';
import { servePages, type PageServer } from './page-server';
import { listItem } from '../lib/fuzz/hostile-pages';

const LEGIT_URL = 'http://www.nature.com/articles/legit';
const EVIL_URL = 'http://evil.cnjournals.com/articles/legit-copy';
const INJECT_URL = 'http://inject.cnjournals.com/articles/injected';
const LISTEN_URL = 'http://listen.cnjournals.com/ch/reader/search_similar.aspx?file_no=1';
const PAUSED_URL = 'http://quiet.cnjournals.com/ch/reader/search_similar.aspx?file_no=1';
const FLOOD_URL = 'http://flood.cnjournals.com/ch/reader/search_similar.aspx?file_no=1';
const LEGIT_TITLE = 'Deep learning for protein folding';
const ATTACK_TITLE = 'Deep learning for protein folding - RETRACTED, download the corrected version at http://evil.example/phish';
const INJECTED_DOI = '10.1234/a}}@misc{injected,title={INJECTED},howpublished={https://evil.example},note={x';
/** The reader's cap for the flood: small, so that the page passes it within seconds. */
const CAP = 100;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function metaPage(tags: Record<string, string | string[]>): string {
  const meta = Object.entries(tags)
    .flatMap(([name, values]) => [values].flat().map((value) => `<meta name="${name}" content="${escape(value)}">`))
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>article</title>${meta}</head><body><h1>article</h1></body></html>`;
}

const LEGIT_PAGE = metaPage({
  citation_title: LEGIT_TITLE,
  citation_author: ['Jumper, John', 'Evans, Richard'],
  citation_journal_title: 'Nature',
  citation_publication_date: '2021/07/15',
  citation_doi: '10.1000/legit.1',
  citation_abstract: 'We present a method that predicts protein structures from the amino acid sequence alone, with atomic accuracy.',
});

/** The issue's attack: another matched host claims the same DOI with its own title, abstract and five authors. */
const EVIL_PAGE = metaPage({
  citation_title: ATTACK_TITLE,
  citation_author: ['Evil, A', 'Evil, B', 'Evil, C', 'Evil, D', 'Evil, E'],
  citation_journal_title: 'Nature',
  citation_doi: '10.1000/legit.1',
  citation_abstract: 'This article was retracted. Download the corrected version at http://evil.example/phish before citing it, and enter your institutional password there.',
});

const INJECT_PAGE = metaPage({
  citation_title: 'A page whose DOI and URL try to open another BibTeX entry',
  citation_doi: INJECTED_DOI,
  citation_abstract_html_url: 'http://inject.cnjournals.com/articles/injected?q=}}@misc{injected2,title={INJECTED2}}',
});

/**
 * A list page that keeps showing 300 new articles with long abstracts every 2.5 s, for a while:
 * the issue's flood. Each re-render is a new set of items (new titles and DOIs).
 */
const FLOOD_SCRIPT = `
let round = 1;
const list = document.querySelector('ul.similar_list');
const long = '蛋白质结构预测'.repeat(300);
const timer = setInterval(() => {
  list.innerHTML = Array.from({ length: 300 }, (_, k) => {
    const n = round * 300 + k;
    return '<li class="item"><div class="title"><a href="/ch/reader/view_abstract.aspx?file_no=' + n + '">Flooded article ' + n + '</a></div>' +
      '<div class="author">张三, 李四</div><div class="abstract">' + long + n + '</div><p>2023, 44(5): 12-19. DOI: 10.1000/flood.' + n + '</p></li>';
  }).join('');
  if (++round > 12) clearInterval(timer);
}, 2500);`;
const FLOOD_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>flood</title></head><body><ul class="similar_list">${Array.from({ length: 300 }, (_, i) => listItem(i, `Flooded article ${i}`, '10.1000/flood')).join('')}</ul><script>${FLOOD_SCRIPT}</script></body></html>`;

const LIST_PAGE = (prefix: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>list</title></head><body><ul class="similar_list">${[1, 2, 3].map((i) => listItem(i, `Quiet list article ${prefix} ${i}`, `10.1000/${prefix}`)).join('')}</ul></body></html>`;

/**
 * What a page could notice of an extension, recorded from before the page's own first script:
 * window messages, DOM events named after the extension's id, changes to its DOM, new globals.
 */
function recordTraces(extensionId: string) {
  return (id: string) => {
    const traces = { messages: [] as string[], events: [] as string[], mutations: 0, globals: [] as string[] };
    (window as unknown as { __traces: typeof traces }).__traces = traces;
    const before = new Set(Object.getOwnPropertyNames(window));
    window.addEventListener('message', (event) => traces.messages.push(JSON.stringify(event.data)), true);
    for (const name of ['content-script-started', 'locationchange']) {
      document.addEventListener(`${id}:content:wxt:${name}`, () => traces.events.push(name), true);
      window.addEventListener(`${id}:content:wxt:${name}`, () => traces.events.push(name), true);
    }
    document.addEventListener('DOMContentLoaded', () => {
      new MutationObserver((records) => (traces.mutations += records.length)).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    (window as unknown as { __newGlobals: () => string[] }).__newGlobals = () =>
      Object.getOwnPropertyNames(window).filter((name) => !before.has(name) && !name.startsWith('__'));
    void extensionId;
  };
}

async function traces(page: TestPage) {
  return page.evaluate(() => {
    const recorded = (window as unknown as { __traces: { messages: string[]; events: string[]; mutations: number } }).__traces;
    return { ...recorded, globals: (window as unknown as { __newGlobals: () => string[] }).__newGlobals() };
  });
}

const articles = (ext: ExtensionSession) => readStore<Article>(ext.background, 'articles');
const byDoi = (rows: Article[], doi: string) => rows.find((article) => article.DOI === doi);

describeInBrowsers('what pages and files can and cannot do to the library', (browserName) => {
  let server: PageServer;
  let ext: ExtensionSession;
  const figures: Record<string, unknown> = {};

  beforeAll(async () => {
    server = await servePages([
      { url: LEGIT_URL, html: LEGIT_PAGE },
      { url: EVIL_URL, html: EVIL_PAGE },
      { url: INJECT_URL, html: INJECT_PAGE },
      { url: LISTEN_URL, html: LIST_PAGE('listen') },
      { url: PAUSED_URL, html: LIST_PAGE('quiet') },
      { url: FLOOD_URL, html: FLOOD_PAGE },
    ]);
    ext = await launchExtension(browserName, { port: server.port });
  });

  afterAll(async () => {
    console.info(`simlit security figures [${browserName}]`, JSON.stringify(figures));
    await ext?.close();
    await server?.close();
  });

  it('a page on another matched host cannot rewrite a saved article; its version is kept aside for the reader', async () => {
    const page = await ext.newPage();
    await page.goto(LEGIT_URL);
    const captured = await waitFor(() => articles(ext), (rows) => Boolean(byDoi(rows, '10.1000/legit.1')));
    const legit = byDoi(captured, '10.1000/legit.1')!;
    // Saved in the popup, then annotated and tagged as the library page would.
    const popup = await ext.openExtensionPage(`popup.html?tabId=${await tabIdOf(ext.background, LEGIT_URL)}`);
    await popup.getByRole('button', { name: /^Save/ }).first().click();
    const saved = await waitFor(() => articles(ext), (rows) => byDoi(rows, '10.1000/legit.1')?.savedAt !== undefined);
    await putRow(ext.background, 'articles', { ...byDoi(saved, '10.1000/legit.1'), note: '第三章引用', tags: ['folding'] });
    await popup.close();
    await page.close();

    const evil = await ext.newPage();
    await evil.goto(EVIL_URL);
    await tabIdOf(ext.background, EVIL_URL);
    const after = byDoi(await waitFor(() => articles(ext), (rows) => Boolean(byDoi(rows, '10.1000/legit.1')?.alternatives?.length)), '10.1000/legit.1')!;
    await evil.close();
    expect(after.id).toBe(legit.id);
    expect(after.title).toBe(LEGIT_TITLE);
    expect(after.abstract).toBe(legit.abstract);
    expect(after.author).toEqual(legit.author);
    expect(after).toMatchObject({ note: '第三章引用', tags: ['folding'], savedAt: expect.any(Number) });
    expect(after.sightings.map((s) => s.pageUrl)).toEqual([LEGIT_URL, EVIL_URL]);
    expect(after.alternatives).toEqual([
      { source: { pageUrl: EVIL_URL, platform: expect.any(String), capturedAt: expect.any(Number) }, fields: expect.objectContaining({ title: ATTACK_TITLE }) },
    ]);
    expect(after.alternatives![0].fields.author).toHaveLength(5);

    // The library shows the reader's record, and the page's version beside it, as text.
    const library = await ext.openExtensionPage('library.html');
    await library.getByRole('list', { name: 'Articles' }).getByRole('listitem').filter({ hasText: LEGIT_TITLE }).locator('.row-open').click();
    const versions = library.getByRole('region', { name: 'Other versions (1)' });
    await versions.waitFor();
    expect(await library.locator('#detail-title').textContent()).toBe(LEGIT_TITLE);
    expect(await versions.getByText(ATTACK_TITLE).count()).toBe(1);
    expect(await versions.getByRole('link', { name: 'evil.cnjournals.com' }).getAttribute('href')).toBe(EVIL_URL);
    await library.close();
  });

  it('a DOI and a URL crafted to open another entry export to one BibTeX entry', async () => {
    const page = await ext.newPage();
    await page.goto(INJECT_URL);
    const stored = await waitFor(() => articles(ext), (rows) => rows.some((a) => a.sightings.some((s) => s.pageUrl === INJECT_URL)));
    await page.close();
    const injected = stored.find((a) => a.sightings.some((s) => s.pageUrl === INJECT_URL))!;
    expect(injected.DOI).toBeUndefined(); // not in a DOI's character set: no DOI at all
    expect(injected.URL).toContain('}}@misc{injected2');

    const library = await ext.openExtensionPage('library.html');
    await library.getByRole('button', { name: 'Export…' }).click();
    await library.getByRole('radio', { name: /^Whole library/ }).check();
    await library.getByRole('combobox', { name: 'Format' }).selectOption('bibtex');
    await library.getByRole('button', { name: 'Download' }).click();
    // The crafted page names no author and no year: export says so first, and the reader goes on.
    const anyway = library.getByRole('button', { name: /^Export all \d+ anyway$/ });
    const { text } = await library.download(() => anyway.click());
    await library.close();
    const parsed = parseBibtex(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(stored.length);
    expect(parsed.entries.filter((entry) => /INJECTED/.test(JSON.stringify(entry.fields.title ?? '')))).toEqual([]);
    expect(parsed.entries.filter((entry) => entry.type === 'misc')).toEqual([]);
  });

  it('a listening page hears nothing from Simlit, and a paused site not even that it asked', async () => {
    const build = browserName === 'firefox' ? FIREFOX_EXTENSION_DIR : EXTENSION_DIR;
    const source = readFileSync(join(build, 'content-scripts/content.js'), 'utf8');
    expect(source).not.toMatch(/\bpostMessage\b|\bdispatchEvent\b|performance\.(measure|mark)\b|content-script-started/);
    await putRow(ext.background, 'settings', { key: 'pausedSites', value: ['quiet.cnjournals.com'] });
    // The id WXT would name its events after: Chromium's extension id, Firefox's add-on id.
    const extensionId = await ext.background.evaluate(() => chrome.runtime.id);
    const recorded = async () => {
      const page = await ext.newPage();
      await page.addInitScript(recordTraces(extensionId), extensionId);
      return page;
    };
    // The paused page first: by the time the later page is captured, its script has long asked and stopped.
    const paused = await recorded();
    await paused.goto(PAUSED_URL);
    const listening = await recorded();
    await listening.goto(LISTEN_URL);
    await waitFor(() => articles(ext), (rows) => rows.filter((a) => a.DOI?.startsWith('10.1000/listen')).length === 3);
    for (const page of [listening, paused]) expect(await traces(page)).toEqual({ messages: [], events: [], mutations: 0, globals: [] });
    expect((await articles(ext)).some((a) => a.DOI?.startsWith('10.1000/quiet'))).toBe(false);
    expect((await readStore<{ pageUrl: string }>(ext.background, 'captures')).some((c) => c.pageUrl === PAUSED_URL)).toBe(false);
    await listening.close();
    await paused.close();
  });

  it('a crafted backup restores nothing unsafe, and the options page lists what it left out', async () => {
    const backup = {
      format: 'simlit-backup',
      version: 1,
      articles: [
        {
          id: 'restored-links',
          type: 'article-journal',
          title: 'Restored with links that run code',
          URL: 'javascript:alert(document.cookie)',
          pdfUrl: 'javascript:alert(1)',
          ids: [],
          titleKey: '',
          fingerprint: '',
          sightings: [{ pageUrl: 'javascript:alert(2)', platform: 'meta', capturedAt: 1 }],
          capturedAt: 1,
          updatedAt: 1,
          collections: [],
          tags: [],
        },
        { id: 'restored-types', type: 'article-journal', title: { toString: 'x' }, author: 'not a list', abstract: 42, ids: [], sightings: [], capturedAt: 1, updatedAt: 1, collections: [], tags: [] },
        { id: 'restored-fine', type: 'article-journal', title: 'A restored article that is fine', savedAt: 2, ids: [], sightings: [], capturedAt: 1, updatedAt: 1, collections: [], tags: [] },
      ],
      collections: [],
      settings: [{ key: 'pausedSites', value: 'nope' }, { key: 'exfiltrateTo', value: 'https://evil.example' }],
      captures: [],
    };
    const options = await ext.openExtensionPage('options.html');
    await options.getByLabel('Backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    await options.getByRole('button', { name: 'Restore from a backup' }).click();
    const dropped = options.getByRole('table', { name: /^Left out of the backup \(\d+\)$/ });
    await dropped.waitFor({ timeout: 30_000 });
    const rows = await dropped.getByRole('row').allTextContents();
    for (const expected of ['article restored-linksURL (not an http(s) address)', 'article restored-linkspdfUrl (not an http(s) address)', 'article restored-typestitle (not text)', 'setting exfiltrateTothe setting (Simlit has no such setting)', 'setting pausedSitesthe setting (not a valid value)']) {
      expect(rows).toContain(expected);
    }
    // Read and written in a worker, off the page.
    expect((await options.workersSeen()).some((url) => url.includes('file-worker'))).toBe(true);
    await options.close();

    const stored = await articles(ext);
    expect(stored.some((a) => a.id === 'restored-types')).toBe(false);
    expect(stored.find((a) => a.id === 'restored-links')).toMatchObject({ title: 'Restored with links that run code', sightings: [] });
    for (const table of ['articles', 'captures', 'settings']) expect(JSON.stringify(await readStore(ext.background, table))).not.toMatch(/javascript:|evil\.example"/);
    // Every stored article is listed: none disappears for a field of the wrong type.
    const library = await ext.openExtensionPage('library.html');
    await expect.poll(() => library.getByRole('button', { name: /^All articles/ }).textContent()).toContain(String(stored.length));
    await library.close();
  });

  it('a large import runs in a worker with its progress shown, and a cancel late in its writing takes back all it wrote', async () => {
    // Large enough that its progress shows for seconds on a busy machine, in one stage or the next.
    const entries = Array.from({ length: 20_000 }, (_, i) => `@article{big${i},\n  title = {Imported article number ${i} on protein folding},\n  author = {Lee, Kim and Park, Min},\n  journal = {Journal ${i % 40}},\n  year = {${1990 + (i % 35)}},\n  doi = {10.5555/big.${i}}\n}\n`).join('\n');
    const before = (await articles(ext)).length;
    const library = await ext.openExtensionPage('library.html');
    await library.getByRole('button', { name: 'Import…' }).click();
    await library.getByLabel('File to import').setInputFiles({ name: 'big.bib', mimeType: 'application/x-bibtex', buffer: Buffer.from(entries) });
    // The worker starts while the reader is still to click Import, and that worker runs the import.
    const fileWorkers = async () => (await library.workersSeen()).filter((url) => url.includes('file-worker')).length;
    await expect.poll(fileWorkers, { timeout: 15_000 }).toBe(1);
    await library.getByRole('button', { name: 'Import', exact: true }).click();
    // Ten thousand written, a chunk a transaction: taking them back takes the worker seconds, and
    // ended during that (as it was a second after the cancel) it left most of them in the library.
    await library.getByText(/^Writing to the library: 1\d,\d{3} of 20,000$/).waitFor({ timeout: 180_000 });
    expect(await fileWorkers()).toBe(1);
    const cancelled = Date.now();
    await library.getByRole('button', { name: 'Cancel' }).click();
    await library.getByText('Import cancelled: nothing was imported.').waitFor({ timeout: 180_000 });
    figures.importCancelMs = Date.now() - cancelled;
    expect(await articles(ext)).toHaveLength(before);
    await library.close();
  }, 420_000);

  it('a flooding page stops at the reader\'s cap, is slowed with a note in the popup, and the saved articles stay', async () => {
    await putRow(ext.background, 'settings', { key: 'storageCap', value: { articles: CAP, megabytes: 500 } });
    const savedBefore = (await articles(ext)).filter((a) => a.savedAt !== undefined);
    expect(savedBefore.length).toBeGreaterThanOrEqual(2);
    const started = Date.now();
    const page = await ext.newPage();
    await page.goto(FLOOD_URL);
    // The site is slowed once its burst is spent: a capture of the page records the new articles it dropped.
    const captures = await waitFor(
      () => readStore<{ pageUrl: string; dropped?: number }>(ext.background, 'captures'),
      (rows) => rows.some((c) => c.pageUrl === FLOOD_URL && (c.dropped ?? 0) > 0),
      90_000,
    );
    figures.floodSlowedAfterMs = Date.now() - started;
    figures.floodDroppedInLatestCapture = captures.find((c) => c.pageUrl === FLOOD_URL)!.dropped;
    const unsaved = (rows: Article[]) => rows.filter((a) => a.savedAt === undefined && !a.tags.length && !a.note && !a.collections.length && !a.readerFields?.length);
    const settled = await waitFor(() => articles(ext), (rows) => unsaved(rows).length <= CAP, 60_000);
    figures.floodStoredUnsavedVsCap = `${unsaved(settled).length} / ${CAP}`;
    const log = (await readStore<{ key: string; value: { articles: number }[] }>(ext.background, 'settings')).find((row) => row.key === 'storagePrunes')?.value ?? [];
    figures.floodPrunedArticles = log.reduce((total, record) => total + record.articles, 0);
    expect(unsaved(settled).length).toBeLessThanOrEqual(CAP);
    expect(figures.floodPrunedArticles).toBeGreaterThan(0);
    for (const article of savedBefore) expect(settled.find((a) => a.id === article.id)).toMatchObject({ savedAt: article.savedAt, title: article.title });

    const popup = await ext.openExtensionPage(`popup.html?tabId=${await tabIdOf(ext.background, FLOOD_URL)}`);
    const note = popup.getByText(/^This site showed a great many new articles in a short time/);
    await note.waitFor();
    expect(await note.textContent()).toMatch(/: [\d,]+ new articles of this page were not kept\.$/);
    await popup.close();
    await page.close();

    // The options page shows the cap and what was removed to keep to it.
    const options = await ext.openExtensionPage('options.html');
    const section = options.getByRole('region', { name: 'Captured articles kept' });
    await expect.poll(() => section.getByLabel(/^At most this many articles/).inputValue()).toBe(String(CAP));
    expect(await section.getByRole('listitem').first().textContent()).toMatch(/articles .*first seen on .*flood\.cnjournals\.com/);
    await options.close();
  }, 180_000);
});
