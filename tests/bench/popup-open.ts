/**
 * The popup in the real browser with a large library: time from opening the popup to its first
 * similar-articles answer, after a cold start (service worker stopped, index loaded from its
 * snapshot) and warm, and in a browser started again on the library's profile (the reader opens
 * an article page first thing, then the popup once the page is captured).
 * Run alone: `npx tsx tests/bench/popup-open.ts [articles...]` (10k by default; BENCH_NO_BUILD=1
 * keeps the current build);
 * BENCH_VOCABULARY=growing gives the library a real library's vocabulary growth (corpus.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../e2e/chromium';
import type { Background } from '../e2e/harness';
import { putRows, readStore, recountArticles, recountLibrary, tabIdOf, waitFor } from '../e2e/library-db';
import { listingRow } from '../../lib/db/listing';
import { servePages } from '../e2e/page-server';
import type { Article } from '@/lib/model/article';
import { benchCorpus, vocabularyNamed, type Vocabulary } from './corpus';
import { buildExtension } from './build-extension';
import { floorExtension } from './floor-extension';
import { benchSizes, runAtSizes } from './library-page';
import { openTimed, stagesScript, type StageSelectors } from './page-stages';
import { median } from './stats';
import { readerArticles, readerLibraryFile } from './reader-library';

export const PAGE_URL = 'http://bench.cnjournals.com/ch/reader/view_abstract.aspx?file_no=1';
const OTHER_PAGE_URL = 'http://bench.cnjournals.com/ch/reader/view_abstract.aspx?file_no=2';
const RUNS = 7;
/** Times the browser is started again on the library's profile. */
const RESTARTS = 3;

export interface PopupOpenFigures {
  articles: number;
  vocabulary: Vocabulary;
  fillMs: number;
  firstBuildMs: number;
  /** Cold start: until the popup's header shows, the answer kept from the capture, and the fresh answer. */
  coldShellMs: number[];
  coldShownMs: number[];
  coldFreshMs: number[];
  coldWordsMs: number[];
  coldBackgroundMs: number[];
  /**
   * Cold start after another page was captured in another tab: the background ranked the first
   * page's kept answer again (the answers of open tabs are kept current), so it is the current one.
   */
  coldAfterOtherTabMs: number[];
  /**
   * Cold start after an article was written that the background never saw (straight into the
   * database, as when a worker stops before it ranks the open tabs again; a new one before each
   * opening): the kept answer is no longer current, so the reader waits for the background's
   * (woken by the popup, its index loaded and caught up).
   */
  coldUnseenChangeMs: number[];
  warmMs: number[];
  /**
   * Chromium's floor for a cold popup, opened just before each cold one: a static page of another
   * extension (no code, no database) holding a header and an answered list, its renderer started afresh.
   */
  coldFloorMs: number[];
  /**
   * In a browser started again on the library's profile, the article page opened first thing and
   * the popup as soon as the page is captured: when the page's capture was stored (ms after its
   * opening, the bench's clock, polled), the popup's current answer (its own clock), and the
   * floor's static page opened next. And in restarts of their own, the floor's page opened instead
   * of the popup, once the article page is captured (`floorFirstMs`): what a page of its own costs
   * a browser just started.
   */
  restarted: { capturedMs: number[]; freshMs: number[]; floorMs: number[]; floorFirstMs: number[] };
}

/** Library records for the corpus, as the capture path would have stored them; or the reader's own library's first `size` articles, as its import would (BENCH_LIBRARY_FILE). */
export function asArticles(size: number, vocabulary: Vocabulary = 'sources', libraryFile = readerLibraryFile()): Article[] {
  if (libraryFile) return readerArticles(libraryFile, size);
  const now = Date.now();
  return benchCorpus(size, { vocabulary }).map((item) => ({
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

export async function fill(worker: Worker, articles: Article[]): Promise<void> {
  for (let start = 0; start < articles.length; start += 1000) {
    const chunk = articles.slice(start, start + 1000);
    await putRows(worker, 'articles', chunk);
    // Written straight into IndexedDB, past the middleware that keeps the library list's rows.
    await putRows(worker, 'listing', chunk.map(listingRow));
  }
  await recountLibrary(worker, articles.map(listingRow));
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

/** Milliseconds from the popup's navigation start, on its own clock, until each stage is drawn. */
interface PopupTiming {
  /** The document parsed (DOMContentLoaded ended). */
  parsedMs: number;
  /** The popup's first render (its header). */
  shellMs: number;
  /** A similar list shows, the answer kept from the capture at first. */
  shownMs: number;
  /**
   * The list holds the current answer: the one kept with the capture when the library has not
   * changed since it was ranked, else the background's.
   */
  freshMs: number;
  /** The list holds the background's own answer (after a cold start: once the worker has loaded its index). */
  backgroundMs: number;
  /** Every row of the fresh answer shows its shared words (found after the rows show). */
  wordsMs: number;
}

const POPUP_STAGES: StageSelectors = [
  ['shell', '.popup-header'],
  ['shown', '.similar-results'],
  ['fresh', '.similar-results[aria-busy="false"]'],
  ['words', '.similar-results[aria-busy="false"]:not(:has([data-shared-words="finding"]))'],
  ['background', '.similar-results[data-answer="background"]'],
];

/**
 * When the popup for the captured page first draws its header, a similar list (the answer kept
 * from the capture at first, shown aria-busy until the background's fresh one replaces it), the
 * current answer, every row's shared words and the background's own answer, by the page's own
 * clock: the wall clock around goto() also counts the driver's tab creation and round trips, which
 * on a loaded machine were most of what it measured.
 */
async function timePopup(browser: ExtensionBrowser, tabId: number): Promise<PopupTiming> {
  const url = `chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`;
  const { page, stages } = await openTimed(browser.context, url, stagesScript(POPUP_STAGES, ['words', 'background']));
  await page.close();
  return { parsedMs: stages.parsed, shellMs: stages.shell, shownMs: stages.shown, freshMs: stages.fresh, wordsMs: stages.words, backgroundMs: stages.background };
}

/** The floor's static copy of a popup's header and answered list, timed by the same script. */
export const FLOOR_BODY = '<header class="popup-header">Simlit</header><ul class="similar-results" aria-busy="false"><li>row</li></ul>';

/** When the floor's page showed its answered list, by its own clock: no page of its extension open, so its renderer starts afresh. */
async function timeFloor(browser: ExtensionBrowser, url: string): Promise<number> {
  const { page, stages } = await openTimed(browser.context, url, stagesScript(POPUP_STAGES, ['fresh']));
  await page.close();
  return stages.fresh;
}

/**
 * Writes a copy of `article` (a new id, run number `run`, written now) straight into the database,
 * with its listing row and the library's count, as a write through the library keeps them: the
 * background, stopped afterwards, has not seen it.
 */
export async function writeUnseenArticle(background: Background, article: Article, run: number): Promise<void> {
  const id = `bench-unseen-write-${run}`;
  const unseen: Article = { ...article, id, DOI: undefined, ids: [`bench:${id}`], titleKey: id, updatedAt: Date.now() };
  await putRows(background, 'articles', [unseen]);
  await putRows(background, 'listing', [listingRow(unseen)]);
  await recountArticles(background);
}

/** A journal page holding one article, as its meta tags give it. */
export function articlePage(article: Article, doi: string): string {
  const attribute = (text = '') => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="citation_title" content="${attribute(article.title)}">
<meta name="citation_abstract" content="${attribute(article.abstract)}"><meta name="citation_doi" content="${doi}"></head><body></body></html>`;
}

export async function runPopupOpenBench(size = 10_000, vocabulary: Vocabulary = 'sources', build = true): Promise<PopupOpenFigures> {
  if (build) buildExtension();
  const corpus = asArticles(size + 2, vocabulary);
  const otherPage = corpus.pop()!;
  const page = corpus.pop()!;
  const server = await servePages([
    { url: PAGE_URL, html: articlePage(page, '10.1000/bench.page') },
    { url: OTHER_PAGE_URL, html: articlePage(otherPage, '10.1000/bench.other-page') },
  ]);
  const folder = mkdtempSync(join(tmpdir(), 'simlit-bench-'));
  const floor = floorExtension(folder, FLOOR_BODY);
  // Kept in the folder so that the browser can be started again on it (restarted).
  const launch = () => launchWithExtension({ port: server.port, alsoLoad: [floor.dir], profile: join(folder, 'profile') });
  let browser = await launch();
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
    // As when browsing: the page captured again by a warm worker has a kept answer, ranked then or
    // passed on from the capture it replaces (the page unchanged, that one is still current).
    const reloadedAt = Date.now();
    await tab.reload();
    await waitFor(
      () => readStore<{ pageUrl: string; capturedAt: number; similar?: unknown[] }>(browser.worker, 'captures'),
      (rows) => rows.some((row) => row.pageUrl === PAGE_URL && row.capturedAt >= reloadedAt && (row.similar?.length ?? 0) > 0),
      120_000,
    );
    const coldShellMs: number[] = [];
    const coldShownMs: number[] = [];
    const coldFreshMs: number[] = [];
    const coldWordsMs: number[] = [];
    const coldBackgroundMs: number[] = [];
    const warmMs: number[] = [];
    const coldFloorMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await stopWorker(browser);
      coldFloorMs.push(await timeFloor(browser, floor.url));
      const cold = await timePopup(browser, tabId);
      coldShellMs.push(cold.shellMs);
      coldShownMs.push(cold.shownMs);
      coldFreshMs.push(cold.freshMs);
      coldWordsMs.push(cold.wordsMs);
      coldBackgroundMs.push(cold.backgroundMs);
      warmMs.push((await timePopup(browser, tabId)).freshMs);
    }
    // The reader opens another article in another tab: once it is captured, the first page's kept answer is ranked again.
    const other = await browser.context.newPage();
    await other.goto(OTHER_PAGE_URL);
    await waitFor(
      () => readStore<{ pageUrl: string; similarAsOf?: { size: number } }>(browser.worker, 'captures'),
      (rows) => rows.some((row) => row.pageUrl === PAGE_URL && row.similarAsOf?.size === size + 2),
      120_000,
    );
    const coldAfterOtherTabMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await stopWorker(browser);
      coldAfterOtherTabMs.push((await timePopup(browser, tabId)).freshMs);
    }
    // Before each opening, an article the background never saw (a later updatedAt), the library's
    // count kept as a write through the library keeps it: the library is no longer in the state
    // the kept answer was ranked in. One write for all openings measured only the first: the
    // background, once caught up, ranks the open tab's answer again, unless stopped before its round.
    const coldUnseenChangeMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await writeUnseenArticle(browser.worker, corpus[run], run);
      await stopWorker(browser);
      coldUnseenChangeMs.push((await timePopup(browser, tabId)).freshMs);
    }
    // The reader starts the browser again and opens the article first.
    const restarted: PopupOpenFigures['restarted'] = { capturedMs: [], freshMs: [], floorMs: [], floorFirstMs: [] };
    /** The browser started again, the article page opened first thing: its tab, once captured. */
    const restartOnArticle = async () => {
      await browser.close();
      browser = await launch();
      const restartedTab = await browser.context.newPage();
      const openedAt = Date.now();
      await restartedTab.goto(PAGE_URL);
      const tabId = await tabIdOf(browser.worker, PAGE_URL, { since: openedAt, timeoutMs: 120_000 });
      return { tabId, capturedMs: Date.now() - openedAt };
    };
    for (let run = 0; run < RESTARTS; run++) {
      const { tabId: restartedTabId, capturedMs } = await restartOnArticle();
      restarted.capturedMs.push(capturedMs);
      restarted.freshMs.push((await timePopup(browser, restartedTabId)).freshMs);
      restarted.floorMs.push(await timeFloor(browser, floor.url));
      await restartOnArticle();
      restarted.floorFirstMs.push(await timeFloor(browser, floor.url));
    }
    return { articles: size, vocabulary, fillMs, firstBuildMs, coldShellMs, coldShownMs, coldFreshMs, coldWordsMs, coldBackgroundMs, coldAfterOtherTabMs, coldUnseenChangeMs, warmMs, coldFloorMs, restarted };
  } finally {
    await browser.close();
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A figure as the bench's lines give it: "p50 463 ms (runs 463, 444, 465)", with a note after the runs. */
function p50(runs: number[], note?: string): string {
  return `p50 ${median(runs)} ms (runs ${runs.join(', ')}${note ? `; ${note}` : ''})`;
}

export function formatPopupOpenFigures(f: PopupOpenFigures): string {
  return [
    `popup in Chromium, ${f.articles} articles${f.vocabulary === 'growing' ? ", a library's vocabulary" : ''}:`,
    `  (from the popup's navigation start, on its own clock)`,
    `  cold start (worker stopped), header shown: ${p50(f.coldShellMs)}`,
    `  cold start, answer kept from the capture shown: ${p50(f.coldShownMs)}`,
    `  cold start, current answer (kept with the capture, the library unchanged since): ${p50(f.coldFreshMs)}`,
    `  Chromium's floor: a static page of another extension, its renderer started afresh, list shown: ${p50(f.coldFloorMs)}; the popup's current answer beyond it: p50 ${median(f.coldFreshMs.map((ms, run) => ms - f.coldFloorMs[run]))} ms`,
    `  cold start, fresh answer with every row's shared words: ${p50(f.coldWordsMs)}`,
    `  cold start, the background's own answer (asked once the rows' words are found, the kept answer being current; index loaded from its snapshot): ${p50(f.coldBackgroundMs)}`,
    `  cold start after another page was captured in another tab (the kept answer ranked again), current answer: ${p50(f.coldAfterOtherTabMs)}`,
    `  cold start after a write the background never saw (the kept answer no longer current), the background's answer: ${p50(f.coldUnseenChangeMs)}`,
    `  in a browser started again on the library's profile, the article page opened first thing: captured after ${p50(f.restarted.capturedMs, "the bench's clock, polled")}; the popup opened then, current answer: ${p50(f.restarted.freshMs)}; the static page opened next: ${p50(f.restarted.floorMs)}; in restarts of its own, the static page opened instead of the popup: ${p50(f.restarted.floorFirstMs)}`,
    `  warm worker, fresh answer: ${p50(f.warmMs)}`,
    `  first opening without a snapshot (full build): ${f.firstBuildMs} ms; filling the library: ${f.fillMs} ms`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const vocabulary = vocabularyNamed(process.env.BENCH_VOCABULARY, 'BENCH_VOCABULARY');
  runAtSizes(benchSizes('10000', process.argv.slice(2)), (size, build) => runPopupOpenBench(size, vocabulary, build)).then((figures) => console.log(figures.map(formatPopupOpenFigures).join('\n')));
}
