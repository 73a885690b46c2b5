/**
 * Privacy and permissions: during a whole session (capture, popup, library, options, search)
 * the browser makes no request but the pages the test loaded; the built extension asks for the
 * fewest permissions, has a strict content security policy, fetches nothing remote, evaluates
 * no strings as code, and logs nothing of the reader's library.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '@/lib/model/article';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from './chromium';
import { readStore, tabIdOf, waitFor } from './library-db';
import { servePages, type PageServer } from './page-server';

const SHARED_PAGES = resolve(import.meta.dirname, '../../../shared/pages');
const SIMILAR_URL = 'http://jnxb.cnjournals.com/ch/reader/search_similar.aspx?file_no=20230001';
const ARTICLE_URL = 'http://jnxb.cnjournals.com/ch/reader/view_abstract.aspx?file_no=20230502&flag=1';
const PROBE_URL = 'http://probe.cnjournals.com/watch-check';

function builtFiles(dir = EXTENSION_DIR): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? builtFiles(path) : [path];
  });
}

describe('network watch over a whole session', () => {
  let server: PageServer;
  let browser: ExtensionBrowser;
  const seen: string[] = [];
  const upgrades: string[] = [];
  const logged: string[] = [];

  beforeAll(async () => {
    server = await servePages([
      { url: SIMILAR_URL, file: resolve(SHARED_PAGES, 'qinyun-similar.html') },
      { url: ARTICLE_URL, file: resolve(SHARED_PAGES, 'qinyun-article.html') },
      { url: PROBE_URL, html: 'probe' },
    ]);
    browser = await launchWithExtension({ port: server.port });
    browser.context.on('request', (request) => {
      // Chromium's own HTTPS upgrade of a typed http:// navigation is the browser's, not ours.
      if (request.isNavigationRequest() && request.url().startsWith('https://')) upgrades.push(request.url());
      else seen.push(request.url());
    });
    browser.context.on('page', (page) => page.on('console', (message) => logged.push(message.text())));
    // Everything the background logs from here on, kept to search for library data.
    await browser.worker.evaluate(() => {
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
    await browser?.close();
    await server?.close();
  });

  it('has the browser refuse any request from the service worker (CSP connect-src \'self\')', async () => {
    const outcome = await browser.worker.evaluate((url) => fetch(url).then(() => 'fetched', (error: Error) => error.message), PROBE_URL);
    expect(outcome).toMatch(/Failed to fetch/);
    expect(server.requests).not.toContain('probe.cnjournals.com/watch-check');
  });

  it('makes no request but the pages loaded, through capture, popup, search, library and options', async () => {
    const page = await browser.context.newPage();
    await page.goto(SIMILAR_URL);
    const article = await browser.context.newPage();
    await article.goto(ARTICLE_URL);
    await waitFor(() => readStore<Article>(browser.worker, 'articles'), (rows) => rows.length >= 20);
    const tabId = await tabIdOf(browser.worker, SIMILAR_URL);

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await expect.poll(() => popup.locator('li.article-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ui/search', text: '形式主义 问责', limit: 10 }));
    const library = await browser.context.newPage();
    await library.goto(`chrome-extension://${browser.extensionId}/library.html`);
    await library.waitForLoadState('networkidle');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForLoadState('networkidle');
    // Give the background time for anything it does after a capture (index building, snapshots).
    await new Promise((done) => setTimeout(done, 3000));

    const ownOrigin = `chrome-extension://${browser.extensionId}/`;
    const loaded = new Set([SIMILAR_URL, ARTICLE_URL, PROBE_URL]);
    const unexpected = seen.filter((url) => !url.startsWith(ownOrigin) && !loaded.has(url) && !/^(data|blob):/.test(url) && !/^http:\/\/[^/]+\/favicon\.ico$/.test(url));
    expect(unexpected).toEqual([]);
    // The server sees every http request the browser makes to any host (all are mapped to it).
    const servedKeys = new Set([...loaded].map((url) => `${new URL(url).host}${new URL(url).pathname}${new URL(url).search}`));
    // Chromium's own component updater and clock (Client Update Protocol, "cup2key=") are the
    // browser's requests, made with or without the extension; the context watch above shows
    // that none of them came from an extension page or the service worker.
    const byBrowser = (key: string) => key.includes('cup2key=');
    expect(server.requests.filter((key) => !servedKeys.has(key) && !key.endsWith('/favicon.ico') && !byBrowser(key))).toEqual([]);
    expect(upgrades.every((url) => loaded.has(url.replace(/^https:/, 'http:')))).toBe(true);
    // https:// connections reach the server as TLS hellos, named by their SNI host: Chromium's
    // HTTPS upgrade of the pages loaded, and Chromium's own services (component updater, sign-in),
    // which run with or without an extension; any other host would be an unexpected request.
    const loadedHosts = new Set([...loaded].map((url) => new URL(url).hostname));
    const chromiumServices = new Set(['update.googleapis.com', 'accounts.google.com', 'clients2.google.com', 'safebrowsing.googleapis.com', 'optimizationguide-pa.googleapis.com']);
    const tlsHosts = server.rejected.map((entry) => entry.replace(/^tls:/, ''));
    expect(tlsHosts.filter((host) => !loadedHosts.has(host) && !chromiumServices.has(host))).toEqual([]);
    for (const view of [page, article, popup, library, options]) await view.close();
  });

  it('logs nothing of the library, in the background or in its pages', async () => {
    const articles = await readStore<Article>(browser.worker, 'articles');
    expect(articles.length).toBeGreaterThan(0);
    const backgroundLog = await browser.worker.evaluate(() => (self as unknown as { __simlitLogged: string[] }).__simlitLogged);
    const secrets = articles.flatMap((a) => [a.title?.slice(0, 12), a.abstract?.slice(0, 12), a.DOI]).filter((value): value is string => Boolean(value && value.length >= 6));
    for (const line of [...backgroundLog, ...logged]) {
      for (const secret of secrets) expect(line.includes(secret), `logged: ${line.slice(0, 200)}`).toBe(false);
    }
  });
});

describe('the built extension', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;

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
    const files = builtFiles();
    const scripts = files.filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(2);
    for (const file of scripts) {
      const source = readFileSync(file, 'utf8');
      const name = file.slice(EXTENSION_DIR.length);
      expect(source, name).not.toMatch(/\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*["'`]/);
      expect(source, name).not.toMatch(/\b(?:fetch|importScripts|sendBeacon|open)\s*\(\s*["'`](?:https?:)?\/\//);
      expect(source, name).not.toMatch(/\bimport\s*\(\s*["'`]https?:/);
      expect(source, name).not.toMatch(/\bsetTimeout\s*\(\s*["'`]/);
    }
    // What runs on every page and on every capture has no way to reach the network at all.
    // (The export chunks bundle citation-js, whose generic URL-input reader has a synchronous
    // XMLHttpRequest; exports pass it CSL objects only, never a URL.)
    for (const file of [join(EXTENSION_DIR, 'background.js'), join(EXTENSION_DIR, 'content-scripts/content.js')]) {
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
