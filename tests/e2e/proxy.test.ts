/**
 * Campus proxies in the real browser: a journal page read through EZproxy or WebVPN is captured
 * by a click on the toolbar button with the publisher's addresses; once the reader allows the
 * proxy, its pages are captured as they open; the options page lists it and removes it.
 * Pages are served on 127.0.0.1 under the proxies' host names, plain http.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Article } from '@/lib/model/article';
import { toWebvpn } from '@/lib/urls/proxy';
import { readFixture } from '../lib/extractors/fixtures';
import { ezproxyUrl, proxiedPage } from '../lib/urls/proxy/proxy-forms';
import { describeInBrowsers, launchExtension, type ExtensionSession, type TestPage } from './harness';
import { readStore, tabIdOf, waitFor } from './library-db';
import { servePages, type PageServer } from './page-server';

const SHARED_PAGES = resolve(import.meta.dirname, '../../../shared/pages');
const KNOWN_URL = 'http://jnxb.cnjournals.com/ch/reader/search_similar.aspx?file_no=20230001';

/** A saved publisher page as the proxy serves it, at the proxy's (plain http) address. */
function throughProxy(fixture: string, form: 'ezproxy' | 'webvpn') {
  const { html, url } = readFixture(fixture);
  const address = form === 'ezproxy' ? ezproxyUrl(url).replace(/^https:/, 'http:') : toWebvpn(url, 'http://webvpn.fudan.edu.cn');
  return { publisherUrl: url, ...proxiedPage(html, url, form, address) };
}

const results = throughProxy('cnki--search-result.html', 'ezproxy');
const article = throughProxy('cnki--article.html', 'ezproxy');
const wanfang = throughProxy('wanfang--search-result.html', 'webvpn');
const PROXY_ORIGIN = 'http://kns-cnki-net.ezproxy.lib.xjtu.edu.cn';
const PROXY_PATTERN = `${PROXY_ORIGIN}/*`;

interface CaptureRow {
  pageUrl: string;
  platform: string;
  items: { articleId: string }[];
}

/** Long enough for a busy two-core machine: the polls end as soon as the state is reached. */
const POLL = { timeout: 15_000 };

const capturesOf = (rows: CaptureRow[], pageUrl: string) => rows.filter((row) => row.pageUrl === pageUrl);

describeInBrowsers('campus proxies in the real browser', (browserName) => {
  let server: PageServer;
  let ext: ExtensionSession;
  /** The result page the reader captured with a click, still open when the popup asks about it. */
  let clicked: TestPage;

  beforeAll(async () => {
    server = await servePages([
      { url: results.url, html: results.html },
      { url: article.url, html: article.html },
      { url: wanfang.url, html: wanfang.html },
      { url: KNOWN_URL, file: resolve(SHARED_PAGES, 'qinyun-similar.html') },
    ]);
    ext = await launchExtension(browserName, { port: server.port, browserUi: true });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  const captures = () => readStore<CaptureRow>(ext.background, 'captures');
  const articles = () => readStore<Article>(ext.background, 'articles');
  const registeredScripts = () => ext.background.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.id));
  const holdsPermission = () => ext.background.evaluate((origins) => chrome.permissions.contains({ origins }), [PROXY_PATTERN]);

  it('captures a CNKI result page read through EZproxy on a toolbar click, with the publisher\'s addresses', async () => {
    const page = (clicked = await ext.newPage());
    await page.goto(results.url);
    expect(await page.locator('a.fz14').count()).toBe(3);
    // The proxy's host is no known journal host: nothing runs there until the reader asks.
    expect(capturesOf(await captures(), results.url)).toHaveLength(0);

    await ext.clickToolbarButton(page);
    const [capture] = capturesOf(await waitFor(captures, (rows) => capturesOf(rows, results.url).length === 1), results.url);
    expect(capture.platform).toBe('cnki');
    expect(capture.items).toHaveLength(3);
    const stored = (await articles()).filter((row) => capture.items.some((item) => item.articleId === row.id));
    expect(stored.map((row) => row.URL)).toEqual(expect.arrayContaining([
      'https://kns.cnki.net/kcms2/article/abstract?v=QP2K49WHhim1aaaa&uniplatform=NZKPT&language=CHS',
      'https://kns.cnki.net/kcms2/article/abstract?v=QP2K49WHhim2bbbb&uniplatform=NZKPT&language=CHS',
    ]));
    for (const row of stored) {
      expect(row.URL).toMatch(/^https:\/\/kns\.cnki\.net\//);
      expect(JSON.stringify(row.ids)).not.toContain('ezproxy');
      // The sighting keeps the address the reader had open.
      expect(row.sightings.map((sighting) => sighting.pageUrl)).toEqual([results.url]);
    }
  });

  it('keeps capturing on the proxy once the reader allowed it from the popup', async () => {
    const popup = await ext.openExtensionPage(`popup.html?tabId=${await tabIdOf(ext.background, results.url)}`);
    await expect.poll(() => popup.getByText("This page came through your library's proxy kns-cnki-net.ezproxy.lib.xjtu.edu.cn (kns.cnki.net).", { exact: false }).count(), POLL).toBe(1);
    expect(await holdsPermission()).toBe(false);

    // The reader says yes to the browser (see ExtensionSession.allowSiteAccess), then in the popup.
    await ext.allowSiteAccess(PROXY_PATTERN);
    await popup.getByRole('button', { name: 'Keep capturing here' }).click();
    await expect.poll(() => popup.getByRole('status').filter({ hasText: 'Simlit will now capture kns.cnki.net pages' }).count(), POLL).toBe(1);
    expect(await holdsPermission()).toBe(true);
    // That origin only: not every site.
    expect(await ext.background.evaluate(() => chrome.permissions.contains({ origins: ['<all_urls>'] }))).toBe(false);
    await waitFor(registeredScripts, (ids) => ids.includes(`simlit-proxy:${PROXY_PATTERN}`));
    await popup.close();

    // Another page through the proxy is captured as it opens, with no click.
    const next = await ext.newPage();
    await next.goto(article.url);
    const rows = await waitFor(captures, (all) => capturesOf(all, article.url).length === 1);
    const stored = await articles();
    const read = stored.find((row) => row.id === capturesOf(rows, article.url)[0].items[0].articleId);
    expect(read?.platform).toBe('cnki');
    // Already stored from the result list, with the address it had there; the article page adds its
    // own (the publisher's, on the proxy's scheme: EZproxy does not say which the publisher uses).
    expect(read?.URL).toBe(article.publisherUrl);
    expect(read?.ids).toContain(`url:${article.publisherUrl.replace(/^https:/, 'http:')}`);
    expect(read?.ids.join(' ')).not.toContain('ezproxy');
    expect(read?.sightings.at(-1)?.pageUrl).toBe(article.url);
    await Promise.all([clicked.close(), next.close()]);
  });

  it('lists the proxy in the options and removes it with its permission and script', async () => {
    const options = await ext.openExtensionPage('options.html');
    const section = options.getByRole('region', { name: 'Library proxies and WebVPN' });
    await expect.poll(() => section.getByRole('listitem').allTextContents(), POLL).toEqual(['kns-cnki-net.ezproxy.lib.xjtu.edu.cnfor kns.cnki.netRemove']);
    await section.getByRole('button', { name: 'Remove the proxy kns-cnki-net.ezproxy.lib.xjtu.edu.cn' }).click();
    await expect.poll(() => section.getByText(/No proxies yet/).count(), POLL).toBe(1);
    await waitFor(registeredScripts, (ids) => !ids.some((id) => id.startsWith('simlit-proxy:')));
    expect(await holdsPermission()).toBe(false);

    // Its pages are no longer read on their own; a known journal site still is.
    const before = capturesOf(await captures(), article.url).length;
    const again = await ext.newPage();
    await again.goto(article.url);
    const known = await ext.newPage();
    await known.goto(KNOWN_URL);
    await waitFor(captures, (rows) => capturesOf(rows, KNOWN_URL).length === 1);
    expect(capturesOf(await captures(), article.url)).toHaveLength(before);
    await Promise.all([options.close(), again.close(), known.close()]);
  });

  it('captures a Wanfang result page read through WebVPN on a toolbar click, with the publisher\'s addresses', async () => {
    const page = await ext.newPage();
    await page.goto(wanfang.url);
    await ext.clickToolbarButton(page);
    const [capture] = capturesOf(await waitFor(captures, (rows) => capturesOf(rows, wanfang.url).length === 1), wanfang.url);
    expect(capture.platform).toBe('wanfang');
    const stored = (await articles()).filter((row) => capture.items.some((item) => item.articleId === row.id));
    expect(capture.items).toHaveLength(2);
    // One of them is the CNKI article captured before, merged: it keeps its first address and gains Wanfang's.
    const ids = stored.flatMap((row) => row.ids);
    expect(ids).toEqual(expect.arrayContaining(['url:https://d.wanfangdata.com.cn/periodical/hgjz202304016', 'url:https://d.wanfangdata.com.cn/thesis/D02512345']));
    for (const row of stored) {
      expect(`${row.URL} ${row.ids.join(' ')}`).not.toContain('webvpn');
      expect(row.sightings.at(-1)?.pageUrl).toBe(wanfang.url);
    }
    expect(stored.find((row) => row.ids.includes('url:https://d.wanfangdata.com.cn/thesis/D02512345'))?.URL).toBe('https://d.wanfangdata.com.cn/thesis/D02512345');
    await page.close();
  });
});
