/**
 * Two-browser end-to-end tests: one test file, run in Chromium (Playwright) and in Firefox
 * (puppeteer-core over WebDriver BiDi), the browser differing only in its driver.
 *
 *   import { describeInBrowsers, launchExtension, type ExtensionSession } from './harness';
 *   import { readStore, tabIdOf, waitFor } from './library-db';
 *   import { servePages, type PageServer } from './page-server';
 *
 *   describeInBrowsers('what the reader does', (browserName) => {
 *     let server: PageServer;
 *     let ext: ExtensionSession;
 *     beforeAll(async () => {
 *       server = await servePages([{ url: PAGE_URL, file: PAGE_FILE }]);
 *       ext = await launchExtension(browserName, { port: server.port });
 *     });
 *     afterAll(async () => {
 *       await ext?.close();
 *       await server?.close();
 *     });
 *     it('…', async () => {
 *       const page = await ext.newPage();
 *       await page.goto(PAGE_URL);                                  // served under its real host name
 *       await waitFor(() => readStore(ext.background, 'articles'), (rows) => rows.length > 0);
 *       const popup = await ext.openExtensionPage(`popup.html?tabId=${await tabIdOf(ext.background, PAGE_URL)}`);
 *       await popup.getByRole('button', { name: /^Save/ }).first().click();
 *       await popup.screenshot('popup.png');                        // test-results/<browser>/popup.png
 *     });
 *   });
 *
 * Porting a Chromium test (chromium.ts, Playwright): `browser.context.newPage()` becomes
 * `ext.newPage()`, `page.goto('chrome-extension://…/x.html')` becomes `ext.openExtensionPage('x.html')`,
 * `browser.worker` becomes `ext.background` (its `evaluate` runs in the service worker or the
 * event page, with `chrome.*` in both), `chrome-extension://${id}/` becomes `ext.origin`.
 * Pages offer Playwright's locator subset: locator, getByRole, getByText, getByLabel, filter,
 * and, first, nth, all, count, allTextContents, textContent, getAttribute, inputValue, isVisible,
 * boundingBox, evaluate(fn) (fn sent as text: its arguments only), waitFor({ state: visible,
 * attached, hidden or detached }), click, fill, selectOption, check, setInputFiles, and
 * allAttributes(name) (Playwright: evaluateAll); plus screenshot(name), download(trigger),
 * downloadsStarted() (to say that none began), workerUrls() (running workers), workersSeen()
 * (every worker since the tab opened: Playwright's on('worker')) and addInitScript(fn, arg)
 * (Playwright's context.addInitScript, per tab: call it before goto);
 * `ext.stopBackground()` stops the service worker or event page; `ext.clickToolbarButton(page)`
 * runs the toolbar button as for a real click (activeTab, popup; Chromium needs
 * `launchExtension(name, { port, browserUi: true })`) and `ext.allowSiteAccess(pattern)` lets a
 * `permissions.request` be answered without the browser's prompt (see session.ts). Wait for states
 * (`expect.poll`, `waitFor`), never for time. What only one browser can do (watching every
 * request over CDP) stays in a Chromium-only describe using chromium.ts directly.
 *
 * SIMLIT_E2E_BROWSERS=chromium (or firefox) runs one of them; `npm test` runs both.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe } from 'vitest';
import { launchChromiumSession } from './chromium-session';
import { launchFirefoxSession } from './firefox-session';
import type { BrowserName, ExtensionSession, LaunchOptions } from './session';

export type { Background, BrowserName, ExtensionSession, LaunchOptions } from './session';
export type { Locator, TestPage } from './page';

const ALL: BrowserName[] = ['chromium', 'firefox'];
const RESULTS = resolve(import.meta.dirname, '../../../test-results');

/** The browsers the two-browser tests run in: SIMLIT_E2E_BROWSERS (comma-separated), else both. */
export function selectedBrowsers(): BrowserName[] {
  const wanted = process.env.SIMLIT_E2E_BROWSERS?.split(',').map((name) => name.trim()).filter(Boolean);
  if (!wanted?.length) return ALL;
  const unknown = wanted.filter((name) => !ALL.includes(name as BrowserName));
  if (unknown.length) throw new Error(`SIMLIT_E2E_BROWSERS names ${unknown.join(', ')}; known: ${ALL.join(', ')}.`);
  return wanted as BrowserName[];
}

/** A describe block run once per browser, titled "<title> [<browser>]". */
export function describeInBrowsers(title: string, body: (browserName: BrowserName) => void): void {
  describe.each(selectedBrowsers())(`${title} [%s]`, body);
}

/** The browser with the production build of the extension loaded, pages served under their real host names. */
export async function launchExtension(browserName: BrowserName, options: LaunchOptions): Promise<ExtensionSession> {
  const artifacts = resolve(RESULTS, browserName);
  mkdirSync(artifacts, { recursive: true });
  return browserName === 'firefox' ? launchFirefoxSession(options, artifacts) : launchChromiumSession(options, artifacts);
}
