import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Article } from '@/lib/model/article';
import { describeInBrowsers, launchExtension, type ExtensionSession, type TestPage } from './harness';
import { readStore, tabIdOf, waitFor } from './library-db';
import { servePages, type PageServer } from './page-server';
import { GOVERNANCE_PAGE, GOVERNANCE_TITLE, GOVERNANCE_URL } from './governance-page';

const SHARED_PAGES = resolve(import.meta.dirname, '../../../shared/pages');
const SEED_URL = 'http://ggglxb.cnjournals.com/ch/reader/search_similar.aspx?file_no=20230001';
const MEDICINE_URL = 'http://ggglxb.cnjournals.com/ch/reader/view_abstract.aspx?file_no=20230502&flag=1';

/** The similar list once it is the current answer and every row shows its shared words (found after the rows show). */
function currentSimilar(popup: TestPage, name = 'Similar in your library') {
  return popup.getByRole('list', { name }).and(popup.locator('[aria-busy="false"]:not(:has([data-shared-words="finding"]))'));
}

async function openPopupFor(ext: ExtensionSession, pageUrl: string): Promise<TestPage> {
  const popup = await ext.openExtensionPage(`popup.html?tabId=${await tabIdOf(ext.background, pageUrl)}`);
  await popup.setViewportSize(480, 600);
  return popup;
}

describeInBrowsers('the reader\'s workflow in the real browser', (browserName) => {
  let server: PageServer;
  let ext: ExtensionSession;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    server = await servePages([
      { url: SEED_URL, file: resolve(SHARED_PAGES, 'qinyun-similar.html') },
      { url: MEDICINE_URL, file: resolve(SHARED_PAGES, 'qinyun-article.html') },
      { url: GOVERNANCE_URL, html: GOVERNANCE_PAGE },
    ]);
    ext = await launchExtension(browserName, { port: server.port });
    for (const url of [SEED_URL, MEDICINE_URL, GOVERNANCE_URL]) {
      const page = await ext.newPage();
      await page.goto(url);
    }
    await waitFor(() => readStore<Article>(ext.background, 'articles'), (rows) => rows.length === 21);
  });

  afterAll(async () => {
    if (ext) writeFileSync(resolve(ext.artifacts, 'workflow-timings.json'), JSON.stringify(timings, null, 2));
    await ext?.close();
    await server?.close();
  });

  it('shows, for an article page, the library articles on its topic with the shared terms marked', async () => {
    const started = Date.now();
    const popup = await openPopupFor(ext, GOVERNANCE_URL);
    const similar = currentSimilar(popup);
    await similar.waitFor();
    timings.articlePopupFirstResultMs = Date.now() - started;
    const rows = similar.getByRole('listitem');
    expect(await rows.count()).toBeGreaterThanOrEqual(5);
    const texts = await rows.allTextContents();
    expect(texts.join('\n')).not.toContain('补肾活血汤'); // the medicine article shares nothing with it
    // What is marked in the best match is text it shares with the page's article.
    const marked = await rows.first().locator('mark').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    for (const phrase of marked) expect(GOVERNANCE_PAGE).toContain(phrase);
    await rows.first().getByRole('button', { name: /^Show the abstract/ }).click();
    expect(await rows.first().locator('.abstract').textContent()).toMatch(/责/);
    await popup.screenshot('popup-article-en.png', { fullPage: true });
    await popup.close();
  });

  it('shows, for a list page, library articles similar to the page\'s articles together', async () => {
    const popup = await openPopupFor(ext, SEED_URL);
    const similar = currentSimilar(popup, 'Similar to this page');
    await similar.waitFor();
    const texts = await similar.getByRole('listitem').allTextContents();
    expect(texts[0]).toContain(GOVERNANCE_TITLE); // the page's own articles are never their own neighbours
    expect(texts.join('\n')).not.toContain('补肾活血汤');
    await popup.close();
  });

  it('saves an article into a new collection from the popup, and finds it there in the library page', async () => {
    const popup = await openPopupFor(ext, GOVERNANCE_URL);
    await popup.getByRole('combobox', { name: 'Add to a collection' }).first().selectOption('__new__');
    await popup.getByRole('textbox', { name: 'Name of the new collection' }).fill('问责研究');
    await popup.getByRole('button', { name: 'Create' }).click();
    await popup.getByText('Added to “问责研究”.').waitFor();
    const stored = await waitFor(
      () => readStore<Article>(ext.background, 'articles'),
      (rows) => rows.some((a) => a.title === GOVERNANCE_TITLE && a.collections.length === 1),
    );
    expect(stored.find((a) => a.title === GOVERNANCE_TITLE)?.savedAt).toBeGreaterThan(0);
    await popup.close();

    const library = await ext.openExtensionPage('library.html');
    await library.getByRole('list', { name: 'Articles' }).waitFor();
    await library.getByRole('button', { name: /^问责研究/ }).click();
    const rows = library.getByRole('list', { name: 'Articles' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(GOVERNANCE_TITLE);
    // Its detail lists its neighbours in the library, from the background's index.
    await rows.first().locator('.row-open').click();
    const neighbours = library.getByRole('list', { name: 'Similar articles' });
    await neighbours.waitFor();
    expect(await neighbours.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await neighbours.textContent()).not.toContain('补肾活血汤');
    await library.screenshot('library-en.png');

    // Switch to Chinese: the library page and the popup follow.
    await library.getByRole('combobox', { name: 'Interface language' }).selectOption('zh_CN');
    await library.getByRole('combobox', { name: '界面语言' }).waitFor();
    expect(await library.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await library.screenshot('library-zh.png');
    const popupZh = await openPopupFor(ext, GOVERNANCE_URL);
    await currentSimilar(popupZh, '文献库中的相似文献').waitFor();
    await popupZh.screenshot('popup-article-zh.png', { fullPage: true });
    await popupZh.close();
    await library.getByRole('combobox', { name: '界面语言' }).selectOption('en');
    await library.close();
  });

  it('finds articles with the popup\'s quick search', async () => {
    const popup = await openPopupFor(ext, MEDICINE_URL);
    await popup.getByRole('searchbox', { name: 'Search your library' }).fill('形式主义');
    const results = popup.getByRole('list', { name: 'Search results' });
    await results.waitFor();
    expect(await results.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await results.locator('mark').first().textContent()).toBe('形式主义');
    await popup.close();
  });

  it('searches the library page by Chinese words', async () => {
    const library = await ext.openExtensionPage('library.html');
    const rows = library.getByRole('list', { name: 'Articles' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    await library.getByRole('searchbox', { name: 'Search the library' }).fill('补肾活血汤');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('补肾活血汤对老年单纯收缩期高血压');
    await library.getByRole('searchbox', { name: 'Search the library' }).fill('基层干部 避责');
    await expect.poll(async () => (await rows.allTextContents())[0] ?? '').toContain(GOVERNANCE_TITLE);
    expect((await rows.allTextContents()).join('\n')).not.toContain('补肾活血汤');
    await library.screenshot('library-search-zh.png');
    await library.close();
  });

  it('shows what is stored in the options page, pauses a site and chooses where capture runs there, and clears the articles not kept', async () => {
    const settings = async () => Object.fromEntries((await readStore<{ key: string; value: unknown }>(ext.background, 'settings')).map((row) => [row.key, row.value]));
    const options = await ext.openExtensionPage('options.html');
    await options.getByText('21 articles (1 saved), 1 collection, 3 page records.').waitFor();

    await options.getByRole('radio', { name: /^Only when I click the Simlit button/ }).click();
    await waitFor(settings, (values) => values.captureMode === 'on-click');
    await expect.poll(() => options.evaluate(() => document.querySelector<HTMLInputElement>('input[value="on-click"]')!.checked)).toBe(true);
    await options.getByRole('radio', { name: /^On known journal sites/ }).click();
    await waitFor(settings, (values) => values.captureMode === 'known-sites');

    await options.getByRole('textbox', { name: 'Site to pause' }).fill('http://paused.cnjournals.com/ch/index.aspx');
    await options.getByRole('button', { name: 'Pause', exact: true }).click();
    await options.getByRole('button', { name: 'Resume capture on paused.cnjournals.com' }).waitFor();
    expect((await settings()).pausedSites).toEqual(['paused.cnjournals.com']);
    await options.screenshot('options-en.png', { fullPage: true });
    await options.getByRole('button', { name: 'Resume capture on paused.cnjournals.com' }).click();
    await options.getByText('No paused sites.').waitFor();
    expect((await settings()).pausedSites).toEqual([]);

    // The saved article stays; the 20 captured and never touched go, from the library and from the index.
    await options.getByRole('button', { name: 'Clear captured articles you have not kept (20)' }).click();
    await options.getByRole('button', { name: 'Yes, delete' }).click();
    await options.getByText('Deleted 20 articles.').waitFor();
    const left = await readStore<Article>(ext.background, 'articles');
    expect(left.map((article) => article.title)).toEqual([GOVERNANCE_TITLE]);
    const search = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'ui/search', text: '问责 避责', limit: 50 }) as Promise<{ results: { id: string }[] }>);
    expect(search.results.map((hit) => hit.id)).toEqual([left[0].id]);
    await options.close();
  });
});
