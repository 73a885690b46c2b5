/**
 * `npm start`: builds the extension, serves a demo journal page (the seed's similar-literature
 * list) on 127.0.0.1 under a journal host name, and opens Chromium with Simlit loaded on it.
 * `npm start -- --headless` does the same without a window and reports what was captured.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../tests/e2e/chromium';
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

async function main(): Promise<void> {
  const headless = process.argv.includes('--headless') || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
  console.log('simlit: building the extension…');
  execFileSync(process.execPath, [resolve(root, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: root, stdio: 'inherit' });
  const server = await servePages([{ url: DEMO_URL, file: demoPage() }]);
  const browser = await launchWithExtension({ port: server.port, headless });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(DEMO_URL);
  const articles = await waitFor(() => readStore(browser.worker, 'articles'), (rows) => rows.length > 0);
  console.log(`simlit: ${DEMO_URL} captured, ${articles.length} articles in the library.`);
  if (headless) {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${await tabIdOf(browser.worker, DEMO_URL)}`);
    await popup.waitForSelector('.similar-results[aria-busy="false"]');
    mkdirSync(resolve(root, 'test-results'), { recursive: true });
    const shot = resolve(root, 'test-results/start-popup.png');
    await popup.screenshot({ path: shot });
    console.log(`simlit: no display, ran headless; the popup is in ${shot}`);
    await browser.close();
    await server.close();
    return;
  }
  console.log('simlit: click the Simlit button in the toolbar to see them. Close the browser to stop.');
  await new Promise<void>((done) => browser.context.on('close', () => done()));
  await server.close();
}

main().catch((error: unknown) => {
  console.error(`simlit: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
