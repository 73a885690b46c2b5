/**
 * Privacy and permissions: during a whole session (capture, popup, library, options, search)
 * the browser makes no request but the pages the test loaded, in Chromium and in Firefox; the
 * built extensions ask for the fewest permissions, have a strict content security policy, fetch
 * nothing remote, evaluate no strings as code, and log nothing of the reader's library.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '@/lib/model/article';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from './chromium';
import { FIREFOX_EXTENSION_DIR } from './firefox';
import { describeInBrowsers, launchExtension, type BrowserName, type ExtensionSession } from './harness';
import { readStore, tabIdOf, waitFor } from './library-db';
import { servePages, type PageServer } from './page-server';

const SHARED_PAGES = resolve(import.meta.dirname, '../../../shared/pages');
const SIMILAR_URL = 'http://jnxb.cnjournals.com/ch/reader/search_similar.aspx?file_no=20230001';
const ARTICLE_URL = 'http://jnxb.cnjournals.com/ch/reader/view_abstract.aspx?file_no=20230502&flag=1';
const PROBE_URL = 'http://probe.cnjournals.com/watch-check';

const LOADED = new Set([SIMILAR_URL, ARTICLE_URL, PROBE_URL]);
const ROUTES = [
  { url: SIMILAR_URL, file: resolve(SHARED_PAGES, 'qinyun-similar.html') },
  { url: ARTICLE_URL, file: resolve(SHARED_PAGES, 'qinyun-article.html') },
  { url: PROBE_URL, html: 'probe' },
];

/**
 * Hosts of the browsers' own services, which they reach with or without an extension: Chromium's
 * component updater, sign-in, Safe Browsing and optimization hints; Firefox's remote settings
 * (firefox.settings.services.mozilla.com) and its other services.mozilla.com hosts.
 */
const BROWSER_SERVICES: Record<BrowserName, RegExp> = {
  chromium: /^(update\.googleapis\.com|accounts\.google\.com|clients2\.google\.com|safebrowsing\.googleapis\.com|optimizationguide-pa\.googleapis\.com)$/,
  firefox: /\.services\.mozilla\.com$/,
};

function builtFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? builtFiles(path) : [path];
  });
}

describeInBrowsers('network watch over a whole session', (browserName) => {
  let server: PageServer;
  let ext: ExtensionSession;

  beforeAll(async () => {
    server = await servePages(ROUTES);
    ext = await launchExtension(browserName, { port: server.port });
    // Everything the background logs from here on, kept to search for library data.
    await ext.background.evaluate(() => {
      const store = ((self as unknown as { __simlitLogged: string[] }).__simlitLogged = [] as string[]);
      for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
        const original = console[level].bind(console);
        console[level] = (...args: unknown[]) => {
          store.push(args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
          original(...args);
        };
      }
    });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('has the browser refuse any request from the background (CSP connect-src \'self\')', async () => {
    const outcome = await ext.background.evaluate((url) => fetch(url).then(() => 'fetched', (error: Error) => error.message), PROBE_URL);
    expect(outcome).toMatch(/Failed to fetch|NetworkError/);
    expect(server.requests).not.toContain('probe.cnjournals.com/watch-check');
  });

  it('sends nothing to the network but the pages loaded, through capture, popup, search, library and options', async () => {
    const views = [await ext.newPage(), await ext.newPage()];
    await views[0].goto(SIMILAR_URL);
    await views[1].goto(ARTICLE_URL);
    await waitFor(() => readStore<Article>(ext.background, 'articles'), (rows) => rows.length >= 20);
    const popup = await ext.openExtensionPage(`popup.html?tabId=${await tabIdOf(ext.background, SIMILAR_URL)}`);
    await expect.poll(() => popup.locator('li.article-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ui/search', text: '形式主义 问责', limit: 10 }));
    const library = await ext.openExtensionPage('library.html');
    await library.getByRole('list', { name: 'Articles' }).waitFor();
    const options = await ext.openExtensionPage('options.html');
    await options.getByText(/^\d+ articles \(0 saved\)/).waitFor();
    // Give the background time for anything it does after a capture (index building, snapshots).
    await new Promise((done) => setTimeout(done, 3000));

    // Every http request the browser makes, to any host, reaches the server: Chromium maps all
    // host names to it, and Firefox uses it as its proxy. Chromium's component updater and clock
    // (Client Update Protocol, "cup2key=") are the browser's own.
    const servedKeys = new Set([...LOADED].map((url) => `${new URL(url).host}${new URL(url).pathname}${new URL(url).search}`));
    const byBrowser = (key: string) => key.includes('cup2key=') || BROWSER_SERVICES[browserName].test(key.split('/')[0]);
    expect(server.requests.filter((key) => !servedKeys.has(key) && !key.endsWith('/favicon.ico') && !byBrowser(key))).toEqual([]);
    // https:// requests reach it as TLS hellos or CONNECTs, named by host: the browser's upgrade
    // of the pages loaded, and the browser's own services; any other host would be ours.
    const loadedHosts = new Set([...LOADED].map((url) => new URL(url).hostname));
    const tlsHosts = server.rejected.map((entry) => entry.replace(/^tls:/, ''));
    expect(tlsHosts.filter((host) => !loadedHosts.has(host) && !BROWSER_SERVICES[browserName].test(host))).toEqual([]);
    for (const view of [...views, popup, library, options]) await view.close();
  });

  it('logs nothing of the library, in the background or in its pages, and the background nothing at all', async () => {
    const articles = await readStore<Article>(ext.background, 'articles');
    expect(articles.length).toBeGreaterThan(0);
    const backgroundLog = await ext.background.evaluate(() => (self as unknown as { __simlitLogged: string[] }).__simlitLogged);
    // No warning either: a toolbar button the browser would not update (no `action`) says so here.
    expect(backgroundLog).toEqual([]);
    const secrets = articles.flatMap((a) => [a.title?.slice(0, 12), a.abstract?.slice(0, 12), a.DOI]).filter((value): value is string => Boolean(value && value.length >= 6));
    for (const line of [...backgroundLog, ...ext.consoleMessages]) {
      for (const secret of secrets) expect(line.includes(secret), `logged: ${line.slice(0, 200)}`).toBe(false);
    }
  });
});

/**
 * Chromium only: Playwright sees every request of every page and of the service worker over
 * CDP, including those that would not reach the page server (an address given as an IP, data:
 * and blob: URLs). Firefox offers no such context-wide watch; there the proxy sees everything.
 */
describe('every request over CDP in a whole session (Chromium)', () => {
  let server: PageServer;
  let browser: ExtensionBrowser;
  const seen: string[] = [];
  const upgrades: string[] = [];

  beforeAll(async () => {
    server = await servePages(ROUTES);
    browser = await launchWithExtension({ port: server.port });
    browser.context.on('request', (request) => {
      // Chromium's own HTTPS upgrade of a typed http:// navigation is the browser's, not ours.
      if (request.isNavigationRequest() && request.url().startsWith('https://')) upgrades.push(request.url());
      else seen.push(request.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('requests nothing but the pages loaded and the extension\'s own files', async () => {
    const page = await browser.context.newPage();
    await page.goto(SIMILAR_URL);
    const article = await browser.context.newPage();
    await article.goto(ARTICLE_URL);
    await waitFor(() => readStore<Article>(browser.worker, 'articles'), (rows) => rows.length >= 20);
    const tabId = await tabIdOf(browser.worker, SIMILAR_URL);
    const views = [page, article];
    for (const path of [`popup.html?tabId=${tabId}`, 'library.html', 'options.html']) {
      const view = await browser.context.newPage();
      await view.goto(`chrome-extension://${browser.extensionId}/${path}`);
      await view.waitForLoadState('networkidle');
      views.push(view);
    }
    await views[2].evaluate(() => chrome.runtime.sendMessage({ type: 'ui/search', text: '形式主义 问责', limit: 10 }));
    // Give the background time for anything it does after a capture (index building, snapshots).
    await new Promise((done) => setTimeout(done, 3000));

    const ownOrigin = `chrome-extension://${browser.extensionId}/`;
    const unexpected = seen.filter((url) => !url.startsWith(ownOrigin) && !LOADED.has(url) && !/^(data|blob):/.test(url) && !/^http:\/\/[^/]+\/favicon\.ico$/.test(url));
    expect(unexpected).toEqual([]);
    expect(upgrades.every((url) => LOADED.has(url.replace(/^https:/, 'http:')))).toBe(true);
    for (const view of views) await view.close();
  });
});

const BUILDS: Record<BrowserName, string> = { chromium: EXTENSION_DIR, firefox: FIREFOX_EXTENSION_DIR };

describe.each(Object.entries(BUILDS))('the built extension [%s]', (_browserName, dir) => {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

  it('asks only for activeTab, scripting and unlimitedStorage, and all sites only as an option', () => {
    expect([...(manifest.permissions as string[])].sort()).toEqual(['activeTab', 'scripting', 'unlimitedStorage']);
    expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    for (const script of manifest.content_scripts as { matches: string[] }[]) {
      for (const pattern of script.matches) expect(pattern).toMatch(/^\*:\/\/\*\.[a-z0-9.-]+\/\*$/);
    }
  });

  it('has a strict content security policy: scripts from the extension only, no eval, no inline code', () => {
    const policy = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
    const directives = new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'self'"]);
    expect(policy).not.toMatch(/unsafe-(eval|inline)|wasm-unsafe-eval|https?:|\*/);
  });

  it('contains no remote code, no remote fetch and no string evaluated as code', () => {
    const files = builtFiles(dir);
    const scripts = files.filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(2);
    for (const file of scripts) {
      const source = readFileSync(file, 'utf8');
      const name = file.slice(dir.length);
      expect(source, name).not.toMatch(/\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*["'`]/);
      expect(source, name).not.toMatch(/\b(?:fetch|importScripts|sendBeacon|open)\s*\(\s*["'`](?:https?:)?\/\//);
      expect(source, name).not.toMatch(/\bimport\s*\(\s*["'`]https?:/);
      expect(source, name).not.toMatch(/\bsetTimeout\s*\(\s*["'`]/);
    }
    // What runs on every page and on every capture has no way to reach the network at all.
    // (The export chunks bundle citation-js, whose generic URL-input reader has a synchronous
    // XMLHttpRequest; exports pass it CSL objects only, never a URL.)
    for (const file of [join(dir, 'background.js'), join(dir, 'content-scripts/content.js')]) {
      const source = readFileSync(file, 'utf8');
      // A call to the global fetch, not a method definition such as MiniSearch's `fetch(key, fn) {`.
      expect(source, file).not.toMatch(/(?<![.\w$])fetch\s*\((?![^()]*\)\s*\{)|\bXMLHttpRequest\b|\bsendBeacon\b|\bWebSocket\b|\bEventSource\b|\bimportScripts\b|\bRTCPeerConnection\b/);
    }
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(file, 'utf8');
      for (const [, url] of html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']*)["']/g)) expect(url, file).not.toMatch(/^(?:https?:)?\/\//);
      expect(html, file).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/); // no inline script
      expect(html, file).not.toMatch(/\son[a-z]+\s*=/i); // no inline handlers
    }
  });
});
