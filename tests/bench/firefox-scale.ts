/**
 * The library page and the popup at scale in Firefox, with the production build: a library filled
 * through the library page's own Import (one CSL-JSON file, as library-page.ts does in Chromium),
 * the import's time, how long a write from another page waited meanwhile, the library page's first row right after it, when the background's index
 * holds every article and how long it held the pages' thread meanwhile, then the popup for a captured article page after a cold start (its event
 * page stopped): with the kept answer current, and after a write the background never saw (as
 * popup-open.ts measures in Chromium), and last the whole library exported as BibTeX with a write
 * beside it; then the browser is started again three times on the library's profile with the
 * library page opened first thing, and three times with an article page opened first thing and
 * the popup for it once it has loaded, and three times with the article page and a static page of
 * another add-on instead of the popup (Firefox's floor; the add-ons installed in the profile, not
 * for the session, so that they come back with the browser). At 10k and 50k by default
 * (BENCH_FIREFOX_SIZES; BENCH_FIREFOX=0 skips it in `npm run bench`).
 * Run alone: `node --import tsx tests/bench/firefox-scale.ts [articles...]` (BENCH_NO_BUILD=1 keeps
 * the current build in .output/firefox-mv3).
 *
 * Each stage is polled from outside, every 20 ms, by the page's own clock (so to within a poll):
 * the driver's init script (a BiDi preload script), which the Chromium benches note stages with,
 * did not run in Firefox's moz-extension pages.
 *
 * Between a stop of the event page and the next, the bench leaves the browser idle
 * (BENCH_FIREFOX_IDLE_MS, 10 s): a stopped event page's heap, some 100 MB at 50k, is collected
 * later, and stopping it again and again at once measured that collection inside the next start
 * (at 50k, the fresh answer after an unseen write 505 ms median with no pause, 419 with 12 s).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gotoExtensionPage, launchFirefoxWithExtension, selectedTabId, type FirefoxWithExtension, type UnpackedAddon } from '../e2e/firefox';
import { launchExtension, type ExtensionSession, type TestPage } from '../e2e/harness';
import { readStore, tabIdOf, waitFor } from '../e2e/library-db';
import { servePages } from '../e2e/page-server';
import { addedByImport, benchSizes, formatWriteWaits, importedAs, importFile, indexedInPage, probeWrites, runAtSizes, type ImportFileFormat } from './library-page';
import { buildExtension } from './build-extension';
import { firefoxFloorAddon } from './floor-extension';
import { articlePage, asArticles, FLOOR_BODY, PAGE_URL, writeUnseenArticle } from './popup-open';
import { median, medianOfRuns } from './stats';

export interface FirefoxScaleFigures {
  articles: number;
  /** The format of the file the page imported (BENCH_IMPORT_FORMAT); absent for CSL-JSON. */
  importFormat?: ImportFileFormat;
  importMs: number;
  /**
   * While the import writes: how long a read-write transaction on the articles (what a capture or
   * a save opens), started every 100 ms from another extension page, waited to be done.
   */
  writeWaitsMs: number[];
  /** From the import's report until the background's index holds every article. */
  indexedMs: number;
  /**
   * Meanwhile (after the first-row openings), how much later than due an extension page's 20 ms
   * timer ran, where over 16 ms: the event page runs on the pages' thread in Firefox.
   */
  reindexLateMs: number[];
  /** The library page's first row, opened right after the import's report, from its navigation start. */
  firstRowMs: number[];
  /** The popup's header, after a cold start. */
  popupShellMs: number[];
  /** The popup's current answer after a cold start, the answer kept with the capture being current. */
  popupCurrentMs: number[];
  /** The popup's current answer after a cold start and a write the background never saw: the background's answer. */
  popupUnseenWriteMs: number[];
  /** Last, the whole library exported from the library page as BibTeX (its citation keys pinned first): from the click until the page says it is downloaded. */
  exportMs: number;
  /**
   * Meanwhile, a write's waits (the probe above). Not a page timer's lateness: the probe's page
   * comes to the front, and Firefox runs the timers of pages behind it once a second.
   */
  exportWriteWaitsMs: number[];
  /**
   * In a browser started again on the library's profile (three times each): the library page's
   * first row, opened first thing; the popup's current answer, opened for an article page opened
   * first thing, once that page has loaded. From each page's navigation start.
   */
  restarted: {
    firstRowMs: number[];
    popupFreshMs: number[];
    /**
     * Firefox's floor for that popup: a static page of another add-on (its header and answered list)
     * opened instead, in a browser started again of its own, the article page first.
     */
    floorMs: number[];
  };
}

const POLL_MS = 20;
const RUNS = 7;
/** Times the browser is started again on the library's profile, for each page opened first thing. */
const RESTARTS = 3;
const IDLE_MS = Number(process.env.BENCH_FIREFOX_IDLE_MS ?? 10_000);

/**
 * Opens `url` in a new tab and polls it until `until` shows: when each stage's selector first
 * matched, in ms from the page's navigation start by its own clock.
 */
async function openPolled(newPage: () => Promise<PolledPage>, url: string, stages: [name: string, selector: string][], until: string): Promise<Record<string, number>> {
  const page = await newPage();
  const navigation = page.goto(url).catch(() => undefined); // the polls below say whether it arrived
  const seen: Record<string, number> = {};
  const deadline = Date.now() + 300_000;
  while (!(until in seen) && Date.now() < deadline) {
    const state = await page
      .evaluate((selectors: [string, string][]) => ({ href: location.href, now: Math.round(performance.now()), found: selectors.filter(([, selector]) => document.querySelector(selector)).map(([name]) => name) }), stages)
      .catch(() => undefined); // between documents
    if (state?.href === url) for (const name of state.found) seen[name] ??= state.now;
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
  await navigation;
  await page.close();
  if (!(until in seen)) throw new Error(`${url} did not show ${until} within 300 s`);
  return seen;
}

/** What openPolled needs of a tab. */
type PolledPage = Pick<TestPage, 'goto' | 'evaluate' | 'close'>;

/** Tabs of a Firefox driven without the e2e session (which opens an extension page of its own first). */
function tabsOf(firefox: FirefoxWithExtension): () => Promise<PolledPage> {
  return async () => {
    const page = await firefox.browser.newPage();
    return {
      goto: (url) => gotoExtensionPage(page, url),
      evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => page.evaluate(fn as (arg: unknown) => R, arg) as Promise<R>,
      close: () => page.close(),
    };
  };
}

/** Runs `use` in Firefox started again on `profile` (the add-ons and Simlit's data there), then closes it. */
async function inFirefoxStartedAgain<T>(port: number, profile: string, floor: UnpackedAddon, use: (firefox: FirefoxWithExtension) => Promise<T>): Promise<T> {
  const firefox = await launchFirefoxWithExtension({ port, profile, alsoInstall: [floor] });
  try {
    return await use(firefox);
  } finally {
    await firefox.close();
  }
}

/**
 * The browser started again on `profile`, the first page opened being the library page, or an
 * article page and then the popup for it once it has loaded, or the article page and then the
 * floor's page.
 */
async function restarts(port: number, profile: string, floor: UnpackedAddon & { url: string }): Promise<FirefoxScaleFigures['restarted']> {
  const restarted: FirefoxScaleFigures['restarted'] = { firstRowMs: [], popupFreshMs: [], floorMs: [] };
  const afterArticlePage = async (firefox: FirefoxWithExtension, url: (tabId: number) => string) => {
    await (await firefox.browser.newPage()).goto(PAGE_URL);
    return (await openPolled(tabsOf(firefox), url(await selectedTabId(firefox.browser, PAGE_URL)), POPUP_STAGES, 'fresh')).fresh;
  };
  // Not measured: the first start that finds the floor's add-on installs it.
  await inFirefoxStartedAgain(port, profile, floor, async () => undefined);
  for (let run = 0; run < RESTARTS; run++) {
    restarted.firstRowMs.push(await inFirefoxStartedAgain(port, profile, floor, async (firefox) => (await openPolled(tabsOf(firefox), `${firefox.origin}library.html`, LIBRARY_STAGES, 'row')).row));
    restarted.popupFreshMs.push(await inFirefoxStartedAgain(port, profile, floor, (firefox) => afterArticlePage(firefox, (tabId) => `${firefox.origin}popup.html?tabId=${tabId}`)));
    restarted.floorMs.push(await inFirefoxStartedAgain(port, profile, floor, (firefox) => afterArticlePage(firefox, () => floor.url)));
  }
  return restarted;
}

/** Until the background's index holds `size` articles, asked from an extension page. */
async function untilIndexed(page: TestPage, size: number): Promise<void> {
  await waitFor(() => page.evaluate(indexedInPage), (held) => held >= size, 600_000);
}

const idle = () => new Promise((done) => setTimeout(done, IDLE_MS));

const TICK_MS = 20;

/** In a page: from now on, how late each tick of a 20 ms timer runs, where over 16 ms (window.simlitLate). */
function watchLateness(tickMs: number): void {
  const late: number[] = [];
  let due = performance.now() + tickMs;
  setInterval(() => {
    const now = performance.now();
    if (now - due > 16) late.push(Math.round(now - due));
    due = now + tickMs;
  }, tickMs);
  (window as unknown as { simlitLate: number[] }).simlitLate = late;
}

const readLateness = (): number[] => (window as unknown as { simlitLate: number[] }).simlitLate;

/** The whole library exported as BibTeX from the library page, through the question about incomplete articles when it has any; a write probe beside it. */
async function exportWholeLibrary(ext: ExtensionSession, library: TestPage): Promise<Pick<FirefoxScaleFigures, 'exportMs' | 'exportWriteWaitsMs'>> {
  await library.getByRole('button', { name: 'Export…' }).click();
  await library.getByRole('radio', { name: /^Whole library/ }).check();
  await library.getByRole('combobox', { name: 'Format' }).selectOption('bibtex');
  const stopProbe = await probeWrites(ext);
  const started = Date.now();
  await library.getByRole('button', { name: 'Download' }).click();
  const anyway = library.getByRole('button', { name: /^Export all .* anyway$/ });
  const done = library.getByText(/^Downloaded /);
  await waitFor(async () => (await anyway.count()) + (await done.count()), (found) => found > 0, 600_000);
  if (await anyway.count()) await anyway.click();
  await waitFor(() => done.count(), (found) => found > 0, 1_800_000);
  const exportMs = Date.now() - started;
  return { exportMs, exportWriteWaitsMs: await stopProbe() };
}

const LIBRARY_STAGES: [string, string][] = [['row', '.library-row']];
const POPUP_STAGES: [string, string][] = [
  ['shell', '.popup-header'],
  ['fresh', '.similar-results[aria-busy="false"]'],
];

export async function runFirefoxScaleBench(size: number, build = true): Promise<FirefoxScaleFigures> {
  if (build) buildExtension('firefox');
  const pageArticle = asArticles(size + 1)[size];
  const server = await servePages([{ url: PAGE_URL, html: articlePage(pageArticle, '10.1000/bench.page') }]);
  // Kept on disk so that the browser can be started again on it (restarts).
  const folder = mkdtempSync(join(tmpdir(), 'simlit-firefox-bench-'));
  const profile = join(folder, 'profile');
  const ext = await launchExtension('firefox', { port: server.port, profile });
  let closed = false;
  try {
    const library = await ext.openExtensionPage('library.html');
    await library.getByRole('button', { name: 'Import…' }).click();
    const { name, text, format: importFormat } = importFile(size);
    await library.getByLabel('File to import').setInputFiles({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/plain', buffer: Buffer.from(text) });
    const stopProbe = await probeWrites(ext);
    const started = Date.now();
    await library.getByRole('button', { name: 'Import', exact: true }).click();
    const report = library.locator('.import-report, .error-message').first();
    await report.waitFor({ timeout: 600_000 });
    const importMs = Date.now() - started;
    const writeWaitsMs = await stopProbe();
    const summary = await report.textContent();
    console.log(`import of ${size} in Firefox: ${summary}`);
    const added = addedByImport(summary);
    if (!added) throw new Error(`the import added nothing: ${summary}`);
    const firstRowMs: number[] = [];
    for (let run = 0; run < 3; run++) firstRowMs.push((await openPolled(() => ext.newPage(), `${ext.origin}library.html`, LIBRARY_STAGES, 'row')).row);
    // Watched from a page of its own, in front: the browser slows the timers of tabs behind.
    const watcher = await ext.openExtensionPage('options.html');
    await watcher.evaluate(watchLateness, TICK_MS);
    await untilIndexed(library, added);
    const indexedMs = Date.now() - started - importMs;
    const reindexLateMs = await watcher.evaluate(readLateness);
    await watcher.close();
    // The article page captured and its kept answer ranked; the index saved since the import (its build beside the index saves it).
    const tab = await ext.newPage();
    const openedAt = Date.now();
    await tab.goto(PAGE_URL);
    await waitFor(
      () => readStore<{ pageUrl: string; capturedAt: number; similar?: unknown[] }>(ext.background, 'captures'),
      (rows) => rows.some((row) => row.pageUrl === PAGE_URL && row.capturedAt >= openedAt && (row.similar?.length ?? 0) > 0),
      120_000,
    );
    await waitFor(() => readStore<{ savedAt: number }>(ext.background, 'indexSnapshots'), (rows) => rows.some((row) => row.savedAt >= started), 120_000);
    const popupUrl = `${ext.origin}popup.html?tabId=${await tabIdOf(ext.background, PAGE_URL)}`;
    const popupShellMs: number[] = [];
    const popupCurrentMs: number[] = [];
    const popupUnseenWriteMs: number[] = [];
    const unseenArticles = asArticles(RUNS);
    for (let run = 0; run < RUNS; run++) {
      // The background, woken after the last opening, has ranked the tab's kept answer again by now.
      await idle();
      await ext.stopBackground();
      const current = await openPolled(() => ext.newPage(), popupUrl, POPUP_STAGES, 'fresh');
      popupShellMs.push(current.shell);
      popupCurrentMs.push(current.fresh);
      await writeUnseenArticle(ext.background, unseenArticles[run], run);
      await idle();
      await ext.stopBackground();
      popupUnseenWriteMs.push((await openPolled(() => ext.newPage(), popupUrl, POPUP_STAGES, 'fresh')).fresh);
    }
    const exported = await exportWholeLibrary(ext, library);
    await ext.close();
    closed = true;
    const restarted = await restarts(server.port, profile, firefoxFloorAddon(folder, FLOOR_BODY));
    return { articles: size, ...(importFormat ? { importFormat } : {}), importMs, writeWaitsMs, indexedMs, reindexLateMs, firstRowMs, popupShellMs, popupCurrentMs, popupUnseenWriteMs, ...exported, restarted };
  } finally {
    if (!closed) await ext.close();
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

export function formatFirefoxScale(figures: FirefoxScaleFigures[]): string {
  const row = (label: string, cell: (f: FirefoxScaleFigures) => string) => `| ${label} | ${figures.map(cell).join(' | ')} |`;
  return [
    row(`Firefox, imported through the library page${importedAs(figures)}, polled every 20 ms`, (f) => String(f.articles)),
    `| --- |${figures.map(() => ' --- |').join('')}`,
    row('import, s', (f) => (f.importMs / 1000).toFixed(1)),
    row("a write's wait beside the import (a read-write transaction on the articles every 100 ms), median / p95 / max ms", (f) => formatWriteWaits(f.writeWaitsMs)),
    row("library page's first row right after the import, median ms (runs)", (f) => medianOfRuns(f.firstRowMs)),
    row("similarity index holds every article, s after the import's report", (f) => (f.indexedMs / 1000).toFixed(1)),
    row("meanwhile, a page's 20 ms timer late by over 50 ms, times (longest, ms)", (f) => `${f.reindexLateMs.filter((ms) => ms > 50).length} (${Math.max(0, ...f.reindexLateMs)})`),
    row("popup after a cold start, header, median ms", (f) => String(median(f.popupShellMs))),
    row('popup after a cold start, current answer (kept with the capture), median ms (runs)', (f) => medianOfRuns(f.popupCurrentMs)),
    row("popup after a cold start and a write the background never saw, the background's answer, median ms (runs)", (f) => medianOfRuns(f.popupUnseenWriteMs)),
    row('whole library exported as BibTeX (citation keys pinned first), s', (f) => (f.exportMs / 1000).toFixed(1)),
    row("a write's wait beside the export, median / p95 / max ms", (f) => formatWriteWaits(f.exportWriteWaitsMs)),
    row("library page's first row, opened first thing in a browser started again on the library's profile, median ms (restarts)", (f) => medianOfRuns(f.restarted.firstRowMs)),
    row("popup's current answer, an article page opened first thing in a browser started again and the popup once it has loaded, median ms (restarts)", (f) => medianOfRuns(f.restarted.popupFreshMs)),
    row("Firefox's floor for it: a static page of another add-on opened instead, median ms (restarts)", (f) => medianOfRuns(f.restarted.floorMs)),
  ].join('\n');
}

export function runFirefoxScale(sizes: number[]): Promise<FirefoxScaleFigures[]> {
  return runAtSizes(sizes, (size, build) => runFirefoxScaleBench(size, build));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runFirefoxScale(benchSizes(process.env.BENCH_FIREFOX_SIZES, process.argv.slice(2))).then((figures) => console.log(formatFirefoxScale(figures)));
}
