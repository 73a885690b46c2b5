/**
 * The popup in the real browser with a large library: time from opening the popup to its first
 * similar-articles answer, after a cold start (service worker stopped, index loaded from its
 * snapshot) and warm. Run alone: `npx tsx tests/bench/popup-open.ts [articles]`.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Worker } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../e2e/chromium';
import { readStore, tabIdOf, waitFor } from '../e2e/library-db';
import { servePages } from '../e2e/page-server';
import type { Article } from '@/lib/model/article';
import { benchCorpus } from './corpus';
import { median } from './stats';

const PAGE_URL = 'http://bench.cnjournals.com/ch/reader/view_abstract.aspx?file_no=1';
const RUNS = 7;

export interface PopupOpenFigures {
  articles: number;
  fillMs: number;
  firstBuildMs: number;
  coldMs: number[];
  warmMs: number[];
}

/** Library records for the corpus, as the capture path would have stored them. */
function asArticles(size: number): Article[] {
  const now = Date.now();
  return benchCorpus(size).map((item) => ({
    ...item,
    type: 'article-journal',
    language: /[\u4e00-\u9fff]/.test(item.title ?? '') ? 'zh' : 'en',
    platform: 'bench',
    ids: [`bench:${item.id}`],
    titleKey: item.titleKey ?? item.id,
    fingerprint: '',
    sightings: [],
    capturedAt: now,
    updatedAt: now,
    collections: [],
    tags: [],
  }));
}

async function fill(worker: Worker, articles: Article[]): Promise<void> {
  for (let start = 0; start < articles.length; start += 1000) {
    await worker.evaluate(
      (rows) =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open('simlit');
          open.onsuccess = () => {
            const transaction = open.result.transaction('articles', 'readwrite');
            for (const row of rows) transaction.objectStore('articles').put(row);
            transaction.oncomplete = () => {
              open.result.close();
              done();
            };
            transaction.onerror = () => fail(transaction.error);
          };
          open.onerror = () => fail(open.error);
        }),
      articles.slice(start, start + 1000),
    );
  }
}

async function stopWorker(browser: ExtensionBrowser): Promise<void> {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const cdp = await browser.context.newCDPSession(page);
  const stopped = new Promise<void>((done) =>
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => versions.some((v) => v.runningStatus === 'stopped') && done()),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await Promise.race([stopped, new Promise((done) => setTimeout(done, 5000))]);
  await cdp.detach();
}

/**
 * Opens the popup for the captured page; milliseconds until the similar list holds the
 * background's fresh answer (the answer kept with the capture shows sooner).
 */
async function timePopup(browser: ExtensionBrowser, tabId: number): Promise<number> {
  const popup = await browser.context.newPage();
  const started = Date.now();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  const similar = popup.getByRole('list', { name: 'Similar in your library' });
  await similar.and(popup.locator('[aria-busy="false"]')).waitFor({ timeout: 120_000 });
  const elapsed = Date.now() - started;
  await popup.close();
  return elapsed;
}

export async function runPopupOpenBench(size = 10_000): Promise<PopupOpenFigures> {
  const root = resolve(import.meta.dirname, '../..');
  execFileSync(process.execPath, [resolve(root, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: root, stdio: 'ignore' });
  const corpus = asArticles(size + 1);
  const page = corpus.pop()!;
  const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="citation_title" content="${page.title}">
<meta name="citation_abstract" content="${(page.abstract ?? '').replace(/"/g, '&quot;')}"><meta name="citation_doi" content="10.1000/bench.page"></head><body></body></html>`;
  const server = await servePages([{ url: PAGE_URL, html }]);
  const browser = await launchWithExtension({ port: server.port });
  try {
    let started = Date.now();
    await fill(browser.worker, corpus);
    const fillMs = Date.now() - started;
    const tab = await browser.context.newPage();
    await tab.goto(PAGE_URL);
    const tabId = await tabIdOf(browser.worker, PAGE_URL);
    // The first opening builds the index from scratch (no snapshot yet) and saves it.
    await stopWorker(browser);
    started = Date.now();
    await timePopup(browser, tabId);
    const firstBuildMs = Date.now() - started;
    await waitFor(() => readStore<{ key: string }>(browser.worker, 'indexSnapshots'), (rows) => rows.length > 0, 120_000);
    // As when browsing: the page is captured by a warm worker, which ranks its neighbours then.
    await tab.reload();
    await waitFor(
      () => readStore<{ pageUrl: string; similar?: unknown[] }>(browser.worker, 'captures'),
      (rows) => rows.some((row) => row.pageUrl === PAGE_URL && (row.similar?.length ?? 0) > 0),
      120_000,
    );
    const coldMs: number[] = [];
    const warmMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await stopWorker(browser);
      coldMs.push(await timePopup(browser, tabId));
      warmMs.push(await timePopup(browser, tabId));
    }
    return { articles: size, fillMs, firstBuildMs, coldMs, warmMs };
  } finally {
    await browser.close();
    await server.close();
  }
}

export function formatPopupOpenFigures(f: PopupOpenFigures): string {
  return [
    `popup in Chromium, ${f.articles} articles:`,
    `  first answer, cold start (worker stopped; answer kept from the capture, index reloading): p50 ${median(f.coldMs)} ms (runs ${f.coldMs.join(', ')})`,
    `  first answer, warm worker: p50 ${median(f.warmMs)} ms (runs ${f.warmMs.join(', ')})`,
    `  first opening without a snapshot (full build): ${f.firstBuildMs} ms; filling the library: ${f.fillMs} ms`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runPopupOpenBench(Number(process.argv[2]) || 10_000).then((figures) => console.log(formatPopupOpenFigures(figures)));
}
