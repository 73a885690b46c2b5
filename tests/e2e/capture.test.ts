import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Article } from '@/lib/model/article';
import { describeInBrowsers, launchExtension, type ExtensionSession } from './harness';
import { putRow, readStore, tabIdOf, waitFor } from './library-db';
import { servePages, type PageServer } from './page-server';

const SHARED_PAGES = resolve(import.meta.dirname, '../../../shared/pages');
const SIMILAR_URL = 'http://jnxb.cnjournals.com/ch/reader/search_similar.aspx?file_no=20230001';
const EMPTY_URL = 'http://jnxb.cnjournals.com/ch/about.aspx';
const PAUSED_URL = 'http://paused.cnjournals.com/ch/reader/search_similar.aspx?file_no=20230001';
const ARTICLE_URL = 'http://jnxb.cnjournals.com/ch/reader/view_abstract.aspx?file_no=20230502&flag=1';

describeInBrowsers('capturing a journal page in the real browser', (browserName) => {
  let server: PageServer;
  let ext: ExtensionSession;

  beforeAll(async () => {
    server = await servePages([
      { url: SIMILAR_URL, file: resolve(SHARED_PAGES, 'qinyun-similar.html') },
      { url: PAUSED_URL, file: resolve(SHARED_PAGES, 'qinyun-similar.html') },
      { url: ARTICLE_URL, file: resolve(SHARED_PAGES, 'qinyun-article.html') },
      { url: EMPTY_URL, html: '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>关于本刊</title></head><body><h1>关于本刊</h1><p>本刊创刊于1980年。</p></body></html>' },
    ]);
    ext = await launchExtension(browserName, { port: server.port });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('stores the 19 unique articles of the seed page and lists them in the popup', async () => {
    const page = await ext.newPage();
    await page.goto(SIMILAR_URL);
    const articles = await waitFor(() => readStore<Article>(ext.background, 'articles'), (rows) => rows.length >= 19);
    expect(articles).toHaveLength(19);
    expect(articles.every((article) => article.platform === 'qinyun' && article.abstract && article.abstract.length > 100)).toBe(true);
    const duplicate = articles.find((article) => article.ids.includes('qinyun:20230005'));
    expect(duplicate?.ids).toContain('qinyun:20230006');

    const badge = await ext.background.evaluate(async (tabId) => chrome.action.getBadgeText({ tabId }), await tabIdOf(ext.background, SIMILAR_URL));
    expect(badge).toBe('19');

    const popup = await ext.openExtensionPage(`popup.html?tabId=${await tabIdOf(ext.background, SIMILAR_URL)}`);
    // A list page opens on its similar articles; its own are on the second tab.
    await popup.getByRole('tab', { name: 'On this page (19, 19 new)' }).click();
    const rows = popup.getByRole('list', { name: 'This page' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(19);
    await expect.poll(() => popup.locator('.badge-new').count()).toBe(19);
    // Without titles on the page, each row shows the start of its abstract.
    expect(await rows.first().locator('.excerpt-text').textContent()).toMatch(/^问责与避责间的关系/);

    await rows.first().getByRole('button', { name: /^Save/ }).click();
    await expect.poll(async () => (await readStore<Article>(ext.background, 'articles')).filter((a) => a.savedAt).length).toBe(1);
    await expect.poll(() => rows.first().getByRole('button', { name: 'Saved' }).count()).toBe(1);
    await popup.screenshot('popup-seed-en.png', { fullPage: true });
    await popup.close();
    await page.close();
  });

  it('adds nothing new when the same page is captured again', async () => {
    const before = await readStore<Article>(ext.background, 'articles');
    const page = await ext.newPage();
    await page.goto(SIMILAR_URL);
    const captures = await waitFor(
      () => readStore<{ pageUrl: string; capturedAt: number; items: { status: string }[] }>(ext.background, 'captures'),
      (rows) => rows.some((row) => row.pageUrl === SIMILAR_URL && row.items.every((item) => item.status === 'known')),
    );
    expect(captures.filter((row) => row.pageUrl === SIMILAR_URL)).toHaveLength(1);
    const after = await readStore<Article>(ext.background, 'articles');
    expect(after).toHaveLength(before.length);
    expect(after.filter((a) => a.savedAt)).toHaveLength(1);
    await page.close();
  });

  it('says so in the popup when a page has no articles', async () => {
    const page = await ext.newPage();
    await page.goto(EMPTY_URL);
    const popup = await ext.openExtensionPage(`popup.html?tabId=${await tabIdOf(ext.background, EMPTY_URL)}`);
    await expect.poll(() => popup.getByText('No articles were found on this page.').count()).toBe(1);
    expect(await popup.getByRole('button', { name: 'Capture this tab' }).count()).toBe(1);
    expect(await readStore<Article>(ext.background, 'articles')).toHaveLength(19);
    await popup.close();
    await page.close();
  });

  it('holds the journal sites as host permissions, and all sites only as an option', async () => {
    const granted = await ext.background.evaluate(() => chrome.permissions.getAll());
    expect([...granted.permissions!].sort()).toEqual(['activeTab', 'scripting', 'unlimitedStorage']);
    expect(granted.origins).toContain('*://*.cnjournals.com/*');
    expect(granted.origins).not.toContain('<all_urls>');
    expect(await ext.background.evaluate(() => chrome.permissions.contains({ origins: ['<all_urls>'] }))).toBe(false);
  });

  it('refuses malformed and foreign messages and stores nothing from them', async () => {
    const popup = await ext.openExtensionPage('popup.html');
    const replies = await popup.evaluate(async () => {
      const forged = {
        type: 'content/capture',
        page: { url: 'http://evil.example/', title: 'x', platform: 'meta', kind: 'article' },
        items: [{ title: 'Forged article from an extension page' }],
      };
      return Promise.all([
        chrome.runtime.sendMessage(forged), // a capture must come from a content script in a tab
        chrome.runtime.sendMessage({ type: 'no/such-type' }),
        chrome.runtime.sendMessage('just a string'),
        chrome.runtime.sendMessage({ type: 'ui/capture-tab', tabId: -4 }),
      ]);
    });
    expect(replies.map((reply: { ok: boolean }) => reply.ok)).toEqual([false, false, false, false]);
    expect(replies[0].error).toMatch(/content script/);
    const titles = (await readStore<Article>(ext.background, 'articles')).map((a) => a.title);
    expect(titles).not.toContain('Forged article from an extension page');
    expect(titles).toHaveLength(19);

    // A web page cannot reach the extension at all: it has no runtime to send through.
    const page = await ext.newPage();
    await page.goto(EMPTY_URL);
    expect(await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe('undefined');
    await page.close();
    await popup.close();
  });

  it('leaves a paused site alone and goes on capturing elsewhere', async () => {
    await putRow(ext.background, 'settings', { key: 'pausedSites', value: ['paused.cnjournals.com'] });
    const paused = await ext.newPage();
    await paused.goto(PAUSED_URL);
    const article = await ext.newPage();
    await article.goto(ARTICLE_URL);
    // The article page, opened after the paused one, is captured: by then the paused page had its answer.
    await waitFor(() => readStore<{ pageUrl: string }>(ext.background, 'captures'), (rows) => rows.some((row) => row.pageUrl === ARTICLE_URL));
    const captures = await readStore<{ pageUrl: string }>(ext.background, 'captures');
    expect(captures.map((row) => row.pageUrl)).not.toContain(PAUSED_URL);
    const stored = await readStore<Article>(ext.background, 'articles');
    const medicine = stored.find((a) => a.DOI === '10.13000/j.cnki.sample.2018.04.002');
    expect(medicine?.title).toBe('补肾活血汤对老年单纯收缩期高血压(肾虚血瘀证)患者血管内皮功能的影响');
    // The page links its PDF relative to itself.
    expect(medicine?.pdfUrl).toBe('http://jnxb.cnjournals.com/ch/reader/create_pdf.aspx?file_no=20230502');
    await putRow(ext.background, 'settings', { key: 'pausedSites', value: [] });
    await paused.close();
    await article.close();
  });
});
