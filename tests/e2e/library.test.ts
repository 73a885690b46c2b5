import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Article } from '@/lib/model/article';
import { missingFields } from '@/lib/model/completeness';
import { displayName } from '@/lib/text/names';
import { describeInBrowsers, launchExtension, type ExtensionSession, type TestPage } from './harness';
import { readStore, tabIdOf, waitFor } from './library-db';
import { GOVERNANCE_DOI, GOVERNANCE_PAGE, GOVERNANCE_TITLE, GOVERNANCE_URL } from './governance-page';
import { servePages, type PageServer } from './page-server';

const SHARED_PAGES = resolve(import.meta.dirname, '../../../shared/pages');

/** A new reader's first week: the seed list, a Qinyun article, a CNKI result page, Nature, PubMed, arXiv, and a governance article. */
const PAGES = [
  { url: 'http://ggglxb.cnjournals.com/ch/reader/search_similar.aspx?file_no=20230001', file: resolve(SHARED_PAGES, 'qinyun-similar.html') },
  { url: 'http://ggglxb.cnjournals.com/ch/reader/view_abstract.aspx?file_no=20230502&flag=1', file: resolve(SHARED_PAGES, 'qinyun-article.html') },
  { url: 'http://kns.cnki.net/kns8s/defaultresult/index?kw=WAAM', file: resolve(SHARED_PAGES, 'cnki-search-result.html') },
  { url: 'http://www.nature.com/nature/journal/v512/n7512/full/nature13322.html', file: resolve(SHARED_PAGES, 'nature-article-2014.html') },
  { url: 'http://www.ncbi.nlm.nih.gov/pubmed/25817406', file: resolve(SHARED_PAGES, 'pubmed-article-2015.html') },
  { url: 'http://arxiv.org/abs/1902.02534', file: resolve(SHARED_PAGES, 'arxiv-abs.html') },
  { url: GOVERNANCE_URL, html: GOVERNANCE_PAGE },
];

/** A page served but not opened at first: captured while a library page is open. */
const LATE_TITLE = '开着文献库时采集的文献';
const LATE_PAGE = {
  url: 'http://late.cnjournals.com/ch/reader/view_abstract.aspx?file_no=1',
  html: `<!doctype html><html><head><meta charset="utf-8"><meta name="citation_title" content="${LATE_TITLE}"><meta name="citation_doi" content="10.1000/late.1"></head><body></body></html>`,
};

/** Every text of an article the library's search reads. */
function searchableText(article: Article): string {
  return [
    article.title, article.altTitle, article.abstract, article.altAbstract, article.keyword, article['container-title'],
    article.note, article.DOI, ...(article.author ?? []).map(displayName), ...article.tags,
  ].join('\n');
}

async function openLibrary(ext: ExtensionSession, width: number, height = 1000): Promise<TestPage> {
  const page = await ext.openExtensionPage('library.html');
  await page.setViewportSize(width, height);
  // Once the page has taken the size (it is set after the page opens).
  await expect.poll(() => page.evaluate(() => [window.innerWidth, window.innerHeight])).toEqual([width, height]);
  await page.getByRole('list', { name: /^(Articles|文献列表)$/ }).waitFor();
  return page;
}

const rowIds = async (page: TestPage) => (await page.locator('.library-row').allAttributes('data-article-id')) as string[];

describeInBrowsers('the library page in the real browser', (browserName) => {
  let server: PageServer;
  let ext: ExtensionSession;
  let articles: Article[];
  /** The tabs the pages were captured in, by URL: a test reloads one. */
  const tabs = new Map<string, TestPage>();

  beforeAll(async () => {
    server = await servePages([...PAGES, LATE_PAGE]);
    ext = await launchExtension(browserName, { port: server.port });
    for (const { url } of PAGES) {
      const page = await ext.newPage();
      await page.goto(url);
      tabs.set(url, page);
    }
    await waitFor(() => readStore<{ pageUrl: string }>(ext.background, 'captures'), (rows) => rows.length === PAGES.length, 60_000);
    articles = await readStore<Article>(ext.background, 'articles');
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('finds every stored article that holds 问责, wherever it holds it, counted and marked', async () => {
    const expected = articles.filter((article) => searchableText(article).includes('问责')).map((article) => article.id);
    // Most of them hold it only in their abstract (the seed list has no titles).
    expect(expected.length).toBeGreaterThanOrEqual(8);
    const library = await openLibrary(ext, 1280, 2400);
    await library.getByRole('searchbox', { name: 'Search the library' }).fill('问责');
    await library.getByText(`${expected.length} articles match “问责”`).waitFor();
    expect((await rowIds(library)).sort()).toEqual(expected.sort());
    // Each row marks the term where the reader can see it: in the title, or in the stretch of text shown under it.
    for (const row of await library.locator('.library-row').all()) expect(await row.locator('mark').first().textContent()).toBe('问责');
    // The index was built and searched off the page, in the search worker.
    expect((await library.workerUrls()).some((url) => url.includes('search-worker'))).toBe(true);
    // Typed in the English interface, an English word with a typo finds the Nature article.
    await library.getByRole('searchbox', { name: 'Search the library' }).fill('inflamasome');
    await expect.poll(async () => (await library.locator('.row-title').allTextContents()).join('\n')).toContain('NLRP3 inflammasome');
    await library.close();
  });

  it('keeps a title the reader corrected when the same page is captured again, and re-indexes it', async () => {
    const newTitle = '基层干部避责行为的生成机制：以网格化治理为例';
    const library = await openLibrary(ext, 1280);
    await library.getByRole('searchbox', { name: 'Search the library' }).fill(GOVERNANCE_TITLE);
    await library.getByRole('button', { name: new RegExp(`^${GOVERNANCE_TITLE}`) }).click();
    // Not by its name: the detail is named by the title, which is about to change.
    const detail = library.locator('aside.detail');
    await detail.getByRole('heading', { name: GOVERNANCE_TITLE }).waitFor();
    await detail.getByRole('button', { name: 'Edit' }).click();
    await detail.getByLabel('Title').fill(newTitle);
    await detail.getByRole('button', { name: 'Save changes' }).click();
    await detail.getByText(/^Changes saved\./).waitFor();

    const page = tabs.get(GOVERNANCE_URL)!;
    const before = (await readStore<{ pageUrl: string; capturedAt: number }>(ext.background, 'captures')).find((c) => c.pageUrl === GOVERNANCE_URL)!;
    await page.reload();
    await waitFor(
      () => readStore<{ pageUrl: string; capturedAt: number }>(ext.background, 'captures'),
      (rows) => rows.some((c) => c.pageUrl === GOVERNANCE_URL && c.capturedAt > before.capturedAt),
    );
    const stored = (await readStore<Article>(ext.background, 'articles')).find((a) => a.DOI === GOVERNANCE_DOI)!;
    expect(stored.title).toBe(newTitle);
    expect(stored.readerFields).toContain('title');
    expect(stored.sightings.length).toBeGreaterThanOrEqual(1);
    await library.getByRole('heading', { name: newTitle }).waitFor();
    // The page's own search, in its worker, catches up with the edit from the list's versions.
    await library.getByRole('searchbox', { name: 'Search the library' }).fill('网格化');
    await library.locator('.library-row .row-title').filter({ hasText: '网格化' }).first().waitFor();

    // The background's index was told: the popup's quick search finds the article by a word only the new title has.
    const popup = await ext.openExtensionPage(`popup.html?tabId=${await tabIdOf(ext.background, GOVERNANCE_URL)}`);
    await popup.getByRole('searchbox', { name: 'Search your library' }).fill('网格化');
    const results = popup.getByRole('list', { name: 'Search results' });
    await results.waitFor();
    expect(await results.textContent()).toContain(newTitle);
    await popup.close();
    await library.close();
  });

  it('says how many exported records are incomplete before writing them, so no reference comes out as "[J]."', async () => {
    const all = await readStore<Article>(ext.background, 'articles');
    const incomplete = all.filter((article) => missingFields(article).length > 0).length;
    expect(incomplete).toBeGreaterThanOrEqual(19); // the seed list's items have no titles
    const library = await openLibrary(ext, 1280);
    await library.getByRole('button', { name: 'Export…' }).click();
    await library.getByRole('radio', { name: /^Whole library/ }).check();
    await library.getByRole('combobox', { name: 'Format' }).selectOption('gbt7714');
    await library.getByRole('button', { name: 'Download' }).click();
    const warning = library.getByRole('alertdialog');
    await warning.getByText(`${incomplete} of the ${all.length} articles to export are incomplete: their references lack a title, authors or year.`).waitFor();
    await library.screenshot('library-export-warning-en.png');
    await warning.getByRole('button', { name: 'Cancel' }).click();
    await warning.waitFor({ state: 'detached' });
    expect(await library.downloadsStarted()).toBe(0);

    await library.getByRole('button', { name: 'Download' }).click();
    const { text } = await library.download(() => library.getByRole('button', { name: `Export only the ${all.length - incomplete} complete` }).click());
    expect(await library.downloadsStarted()).toBe(1); // the count above could have seen one
    expect(text.trim().split('\n')).toHaveLength(all.length - incomplete);
    expect(text).not.toMatch(/^\[\d+\] \[J\]/m);
    await library.close();
  });

  it('lays the library out at 800 and 1280 px in both languages (screenshots in test-results/)', async () => {
    const seedItem = articles.find((article) => !article.title && article.abstract?.includes('问责'))!;
    for (const language of ['en', 'zh_CN'] as const) {
      for (const width of [800, 1280]) {
        const library = await openLibrary(ext, width);
        await library.getByRole('combobox', { name: /^(Interface language|界面语言)$/ }).selectOption(language);
        const listName = language === 'en' ? 'Articles' : '文献列表';
        await library.getByRole('list', { name: listName }).waitFor();
        const name = `library-${language === 'en' ? 'en' : 'zh'}-${width}`;
        // Every row gives its title most of the width, and shows its year beside author and journal.
        for (const row of await library.locator('.library-row').all()) {
          const text = await row.locator('.row-open').boundingBox();
          expect(text.width).toBeGreaterThan(width * 0.6);
        }
        const cnkiRow = library.locator('.library-row').filter({ hasText: 'Al-Mg合金电弧-搅拌摩擦加工复合增材制造组织性能研究' });
        const year = await cnkiRow.locator('.row-year').boundingBox();
        const rowBox = await cnkiRow.boundingBox();
        expect(year.x + year.width).toBeLessThan(rowBox.x + rowBox.width);
        await library.screenshot(`${name}-list.png`);

        // The incomplete records, by the status filter; on a narrow window the filters fold behind a button.
        const toggle = library.getByRole('button', { name: language === 'en' ? 'Collections and filters' : '文献集与筛选' });
        if (width < 900) {
          expect(await library.locator('nav.sidebar').isVisible()).toBe(false);
          await toggle.click();
        }
        await library.getByRole('combobox', { name: language === 'en' ? 'Status' : '状态' }).selectOption('incomplete');
        if (width < 900) {
          await library.screenshot(`${name}-filters.png`);
          await library.getByRole('button', { name: language === 'en' ? 'Close the filters' : '收起筛选' }).click();
          await library.locator('nav.sidebar').waitFor({ state: 'hidden' });
        }
        await library.locator(`.library-row[data-article-id="${seedItem.id}"] .row-open`).click();
        const detail = library.locator('aside.detail');
        await detail.locator('.incomplete-notice').waitFor();
        // The detail opens beside the list on a wide window, over it on a narrow one; the list keeps its width.
        const list = await library.locator('.virtual-viewport').boundingBox();
        expect(list.width).toBeGreaterThan(width >= 1200 ? 400 : width * 0.6);
        await library.screenshot(`${name}-detail.png`);
        await detail.getByRole('button', { name: language === 'en' ? 'Close' : '关闭' }).first().click();

        await library.getByRole('searchbox').fill('问责');
        await library.locator('.search-status').filter({ hasText: /问责/ }).waitFor();
        await library.screenshot(`${name}-search.png`);
        await library.close();
      }
    }
    const library = await openLibrary(ext, 1280);
    await library.getByRole('combobox', { name: '界面语言' }).selectOption('auto');
    await library.close();
  });

  it('shows the right first rows and counts for a library imported through the page, first from the indexes, then whole', async () => {
    // More articles than the first read through the indexes takes (100), several years and two with the same title.
    const items = Array.from({ length: 260 }, (_, i) => ({
      id: `bulk-${i}`,
      type: 'article-journal',
      title: `批量导入的文献 ${i % 259}`,
      author: [{ family: '王', given: '伟' }],
      issued: { 'date-parts': [[2000 + (i % 5)]] },
      DOI: `10.5555/bulk.${i % 259}`,
    }));
    const importer = await openLibrary(ext, 1280);
    await importer.getByRole('button', { name: 'Import…' }).click();
    await importer.getByLabel('File to import').setInputFiles({ name: 'bulk.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(items)) });
    await importer.getByRole('button', { name: 'Import', exact: true }).click();
    await importer.locator('.report-summary').filter({ hasText: '259 added, 1 merged' }).waitFor({ timeout: 60_000 });
    await importer.close();

    const stored = await readStore<Article>(ext.background, 'articles');
    const newestFirst = [...stored].sort((a, b) => b.capturedAt - a.capturedAt || (a.id < b.id ? 1 : -1));
    const library = await openLibrary(ext, 1280);
    await library.locator(`.list-count`).filter({ hasText: `${stored.length.toLocaleString('en-US')} articles` }).waitFor();
    const shownIds = await rowIds(library);
    expect(shownIds.length).toBeGreaterThan(5);
    expect(shownIds).toEqual(newestFirst.slice(0, shownIds.length).map((article) => article.id));
    // The whole list is read after the first rows: then the list is as long as the library.
    await library.locator('[role="list"][aria-busy="false"]').waitFor();
    const height = await library.getByRole('list', { name: 'Articles' }).evaluate((list) => list.style.height);
    expect(height).toBe(`${stored.length * 64}px`);
    // A filter counts what a full read counts.
    const year2002 = stored.filter((article) => article.issued?.['date-parts']?.[0]?.[0] === 2002).length;
    expect(year2002).toBeGreaterThanOrEqual(52);
    await library.getByRole('combobox', { name: 'Year' }).selectOption('2002');
    await library.locator('.list-count').filter({ hasText: `${year2002} of ${stored.length.toLocaleString('en-US')} articles` }).waitFor();
    await library.close();
  });

  it('shows a page captured in another tab in a library page left open', async () => {
    const library = await openLibrary(ext, 1280);
    await library.locator('[role="list"][aria-busy="false"]').waitFor();
    const count = (await readStore<Article>(ext.background, 'articles')).length;
    const tab = await ext.newPage();
    await tab.goto(LATE_PAGE.url);
    // Told by the background's write (Dexie's change events, across contexts), not by a reload.
    await library.locator('.library-row .row-title').filter({ hasText: LATE_TITLE }).waitFor();
    await library.locator('.list-count').filter({ hasText: `${(count + 1).toLocaleString('en-US')} articles` }).waitFor();
    await tab.close();
    await library.close();
  });
});
