/**
 * `npm start`: builds the extension, serves a demo journal page (the seed's similar-literature
 * list) on 127.0.0.1 under a journal host name, and opens Chromium with Simlit loaded on it.
 * `npm start -- --browser firefox` does the same in Firefox. `npm start -- --headless` runs
 * without a window (as it does when there is no display) and saves a screenshot of the popup.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../tests/e2e/chromium';
import { gotoExtensionPage, launchFirefoxWithExtension } from '../tests/e2e/firefox';
import type { Background } from '../tests/e2e/harness';
import { readStore, tabIdOf, waitFor } from '../tests/e2e/library-db';
import { servePages } from '../tests/e2e/page-server';

const root = resolve(import.meta.dirname, '..');
const DEMO_URL = 'http://demo.cnjournals.com/ch/reader/search_similar.aspx?file_no=20230001';

function demoPage(): string {
  const shared = resolve(root, '../shared/pages/qinyun-similar.html');
  if (existsSync(shared)) return shared;
  const fixtures = resolve(root, 'tests/fixtures');
  const own = readdirSync(fixtures).find((name) => /^qinyun--similar/.test(name));
  if (!own) throw new Error('No demo page found (../shared/pages/qinyun-similar.html or tests/fixtures/qinyun--similar*.html).');
  return resolve(fixtures, own);
}

function screenshotPath(name: string): string {
  mkdirSync(resolve(root, 'test-results'), { recursive: true });
  return resolve(root, 'test-results', name);
}

async function startChromium(port: number, headless: boolean): Promise<void> {
  const browser = await launchWithExtension({ port, headless });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(DEMO_URL);
  const articles = await waitFor(() => readStore(browser.worker, 'articles'), (rows) => rows.length > 0);
  console.log(`simlit: ${DEMO_URL} captured, ${articles.length} articles in the library.`);
  if (headless) {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${await tabIdOf(browser.worker, DEMO_URL)}`);
    await popup.waitForSelector('.similar-results[aria-busy="false"]');
    const shot = screenshotPath('start-popup.png');
    await popup.screenshot({ path: shot });
    console.log(`simlit: no display, ran headless; the popup is in ${shot}`);
    await browser.close();
    return;
  }
  console.log('simlit: click the Simlit button in the toolbar to see them. Close the browser to stop.');
  await new Promise<void>((done) => browser.context.on('close', () => done()));
}

async function startFirefox(port: number, headless: boolean): Promise<void> {
  const firefox = await launchFirefoxWithExtension({ port, headless });
  const [page = await firefox.browser.newPage()] = await firefox.browser.pages();
  await page.goto(DEMO_URL);
  // An extension page reads the library (same origin as the background's database).
  const helper = await firefox.browser.newPage();
  await gotoExtensionPage(helper, `${firefox.origin}popup.html`);
  const library = { evaluate: (fn: (arg: unknown) => unknown, arg?: unknown) => helper.evaluate(fn, arg) } as unknown as Background;
  const articles = await waitFor(() => readStore(library, 'articles'), (rows) => rows.length > 0);
  console.log(`simlit: ${DEMO_URL} captured in Firefox, ${articles.length} articles in the library.`);
  if (headless) {
    await gotoExtensionPage(helper, `${firefox.origin}popup.html?tabId=${await tabIdOf(library, DEMO_URL)}`);
    await helper.waitForSelector('.similar-results[aria-busy="false"]');
    const shot = screenshotPath('start-popup-firefox.png');
    await helper.screenshot({ path: shot as `${string}.png` });
    console.log(`simlit: no display, ran headless; the popup is in ${shot}`);
    await firefox.close();
    return;
  }
  await helper.close();
  await page.bringToFront();
  console.log('simlit: click the Simlit button in the toolbar (in the Extensions menu, the puzzle piece, until you pin it) to see them. Close Firefox to stop.');
  await new Promise<void>((done) => firefox.browser.once('disconnected', () => done()));
}

async function main(): Promise<void> {
  const browserIndex = process.argv.indexOf('--browser');
  const browser = browserIndex >= 0 ? process.argv[browserIndex + 1] : 'chromium';
  if (browser !== 'chromium' && browser !== 'firefox') throw new Error(`--browser ${browser ?? ''}: use chromium or firefox.`);
  const headless = process.argv.includes('--headless') || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
  console.log(`simlit: building the extension for ${browser}…`);
  execFileSync(process.execPath, [resolve(root, 'node_modules/wxt/bin/wxt.mjs'), 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])], { cwd: root, stdio: 'inherit' });
  const server = await servePages([{ url: DEMO_URL, file: demoPage() }]);
  try {
    await (browser === 'firefox' ? startFirefox(server.port, headless) : startChromium(server.port, headless));
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(`simlit: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
