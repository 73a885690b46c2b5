import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Article } from '@/lib/model/article';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { readStore, tabIdOf, waitFor } from './library-db';
import { GOVERNANCE_PAGE, GOVERNANCE_TITLE, GOVERNANCE_URL } from './governance-page';
import { servePages, type PageServer } from './page-server';

const SHARED_PAGES = resolve(import.meta.dirname, '../../../shared/pages');
const ARTIFACTS = resolve(import.meta.dirname, '../../test-results');
const SEED_URL = 'http://ggglxb.cnjournals.com/ch/reader/search_similar.aspx?file_no=20230001';
const MEDICINE_URL = 'http://ggglxb.cnjournals.com/ch/reader/view_abstract.aspx?file_no=20230502&flag=1';

/** The similar list once it holds the background's fresh answer, not the one kept with the capture. */
function currentSimilar(popup: Page, name = 'Similar in your library') {
  return popup.getByRole('list', { name }).and(popup.locator('[aria-busy="false"]'));
}

async function openPopupFor(browser: ExtensionBrowser, pageUrl: string): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 480, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${await tabIdOf(browser.worker, pageUrl)}`);
  return popup;
}

describe('the reader\'s workflow in the real browser', () => {
  let server: PageServer;
  let browser: ExtensionBrowser;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await servePages([
      { url: SEED_URL, file: resolve(SHARED_PAGES, 'qinyun-similar.html') },
      { url: MEDICINE_URL, file: resolve(SHARED_PAGES, 'qinyun-article.html') },
      { url: GOVERNANCE_URL, html: GOVERNANCE_PAGE },
    ]);
    browser = await launchWithExtension({ port: server.port });
    for (const url of [SEED_URL, MEDICINE_URL, GOVERNANCE_URL]) {
      const page = await browser.context.newPage();
      await page.goto(url);
    }
    await waitFor(() => readStore<Article>(browser.worker, 'articles'), (rows) => rows.length === 21);
  });

  afterAll(async () => {
    writeFileSync(resolve(ARTIFACTS, 'workflow-timings.json'), JSON.stringify(timings, null, 2));
    await browser?.close();
    await server?.close();
  });

  it('shows, for an article page, the library articles on its topic with the shared terms marked', async () => {
    const started = Date.now();
    const popup = await openPopupFor(browser, GOVERNANCE_URL);
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
    await popup.screenshot({ path: resolve(ARTIFACTS, 'popup-article-en.png'), fullPage: true });
    await popup.close();
  });

  it('shows, for a list page, library articles similar to the page\'s articles together', async () => {
    const popup = await openPopupFor(browser, SEED_URL);
    const similar = currentSimilar(popup);
    await similar.waitFor();
    const texts = await similar.getByRole('listitem').allTextContents();
    expect(texts[0]).toContain(GOVERNANCE_TITLE); // the page's own articles are never their own neighbours
    expect(texts.join('\n')).not.toContain('补肾活血汤');
    await popup.close();
  });

  it('saves an article into a new collection from the popup, and finds it there in the library page', async () => {
    const popup = await openPopupFor(browser, GOVERNANCE_URL);
    await popup.getByRole('combobox', { name: 'Add to a collection' }).first().selectOption('__new__');
    await popup.getByRole('textbox', { name: 'Name of the new collection' }).fill('问责研究');
    await popup.getByRole('button', { name: 'Create' }).click();
    await popup.getByText('Added to “问责研究”.').waitFor();
    const stored = await waitFor(
      () => readStore<Article>(browser.worker, 'articles'),
      (rows) => rows.some((a) => a.title === GOVERNANCE_TITLE && a.collections.length === 1),
    );
    expect(stored.find((a) => a.title === GOVERNANCE_TITLE)?.savedAt).toBeGreaterThan(0);
    await popup.close();

    const library = await browser.context.newPage();
    await library.goto(`chrome-extension://${browser.extensionId}/library.html`);
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
    await library.screenshot({ path: resolve(ARTIFACTS, 'library-en.png') });

    // Switch to Chinese: the library page and the popup follow.
    await library.getByRole('combobox', { name: 'Interface language' }).selectOption('zh_CN');
    await library.getByRole('combobox', { name: '界面语言' }).waitFor();
    expect(await library.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await library.screenshot({ path: resolve(ARTIFACTS, 'library-zh.png') });
    const popupZh = await openPopupFor(browser, GOVERNANCE_URL);
    await currentSimilar(popupZh, '文献库中的相似文献').waitFor();
    await popupZh.screenshot({ path: resolve(ARTIFACTS, 'popup-article-zh.png'), fullPage: true });
    await popupZh.close();
    await library.getByRole('combobox', { name: '界面语言' }).selectOption('en');
    await library.close();
  });

  it('finds articles with the popup\'s quick search', async () => {
    const popup = await openPopupFor(browser, MEDICINE_URL);
    await popup.getByRole('searchbox', { name: 'Search your library' }).fill('形式主义');
    const results = popup.getByRole('list', { name: 'Search results' });
    await results.waitFor();
    expect(await results.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await results.locator('mark').first().textContent()).toBe('形式主义');
    await popup.close();
  });
});
