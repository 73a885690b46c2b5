/**
 * The library page at scale, in Chromium with the production build: a library filled through the
 * page's own Import (one CSL-JSON file of N articles), the import's time and rate, then a fresh
 * library page's first row (median of three openings) and its count, each opening followed by a
 * page of static HTML from another extension (Chromium's floor at that moment), then the whole
 * library exported from the page as BibTeX (twice: the first pins the citation keys) and as RIS,
 * and last the whole library deleted from the page and the deletion undone. Before the exports, once
 * the background has saved its index, the browser is started again three times on the same profile and
 * the library page opened first thing in it. At 10k and 50k by default
 * (BENCH_LIBRARY_PAGE_SIZES=10000,50000; BENCH_LIBRARY=0 skips it in `npm run bench`).
 * Run alone: `node --import tsx tests/bench/library-page.ts [articles...]` (BENCH_NO_BUILD=1 keeps
 * the current build). BENCH_LIBRARY_FILE=my.bib imports a reader's own library instead (its first
 * N articles: reader-library.ts); the Firefox and export benches take it too. BENCH_IMPORT_FORMAT=bibtex
 * or ris gives the page's Import the same articles in that format (written by Simlit's own
 * exporters, as a reader's reference manager writes them) instead of CSL-JSON.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { parseImportFile } from '../../lib/import/parse';
import { cslToArticle } from '../../lib/import/to-article';
import { formatBibtex } from '../../lib/export/bibtex';
import { formatRis } from '../../lib/export/ris';
import type { Article, CslItem } from '../../lib/model/article';
import { hasStore, putRows, recountLibrary, waitFor } from '../e2e/library-db';
import { launchWithExtension, type ExtensionBrowser } from '../e2e/chromium';
import type { ExtensionSession } from '../e2e/harness';
import { servePages } from '../e2e/page-server';
import { benchCorpus, seededRandom } from './corpus';
import { buildExtension } from './build-extension';
import { floorExtension } from './floor-extension';
import { openTimed, stagesScript, type StageSelectors } from './page-stages';
import { readerArticles, readerFileText, readerLibraryFile } from './reader-library';
import { median, medianOfRuns, percentile } from './stats';

export interface LibraryPageScaleFigures {
  articles: number;
  /** How the library was filled: through the page's own Import, or written straight into IndexedDB (BENCH_FILL=direct: no import figures). */
  filled: 'import' | 'direct';
  /** The reader's library file the articles came from (BENCH_LIBRARY_FILE); absent for the corpus. */
  libraryFile?: string;
  /** The format of the file the page imported (BENCH_IMPORT_FORMAT); absent for CSL-JSON. */
  importFormat?: ImportFileFormat;
  importMs: number;
  /** Articles imported per second. */
  importRate: number;
  /** Each from the page's navigation start, by the page's own clock. */
  firstRowMs: number[];
  /** Until the page's header is drawn (no data needed): on a loaded machine, most of the first row's time. */
  shellMs: number[];
  /** Until the list's count is shown (the count kept with the writes, after the first rows). */
  countsMs: number[];
  /** Until the filters offer their values (counters kept with the writes). */
  filterValuesMs: number[];
  /** Until the whole list is read (every sort, search and export ready). */
  wholeListMs: number[];
  countShown: string;
  /**
   * From the import's report until the background's similarity index holds every article (its
   * catch-up: reading the written articles, their terms, adding them), polled every 250 ms.
   */
  indexedMs: number;
  /**
   * Chromium's floor, opened the same way at the same moments: a page of another extension with
   * no code, its header and one row in the HTML (when they are in the document).
   */
  floorMs: number[];
  /**
   * While the import writes: how long a read-write transaction on the articles (what a capture or
   * a save opens) waited to be done, started every 100 ms from another extension page. Empty when
   * the library was filled directly.
   */
  writeWaitsMs: number[];
  /**
   * After the import, the whole library exported from the page: as BibTeX the first time (each
   * article's citation key is pinned in the library), again, and as RIS. Absent when filled directly.
   */
  exportMs?: { bibtexFirst: number; bibtexAgain: number; ris: number };
  /** A write's waits beside the first BibTeX export (the probe above). */
  exportWriteWaitsMs?: number[];
  /**
   * Then the whole library selected and deleted from the page, and the deletion undone: ms from
   * the click to the page saying it is done, and a write's waits meanwhile (the probe above).
   */
  deletion?: { deleteMs: number; deleteWriteWaitsMs: number[]; undoMs: number; undoWriteWaitsMs: number[] };
  /**
   * After the import, once the background saved its index: the browser closed and started again
   * on the same profile, the library page opened first thing (its first row), then the static page
   * (`floorMs`'s) in the same browser: a reader starting the browser and opening the library. And
   * in restarts of their own, the static page opened first thing instead (`floorFirstMs`): what a
   * page of its own costs a browser just started (its extension's renderer, the storage opened).
   * Each restart's figures, from navigation start. Absent when filled directly.
   */
  restarted?: { firstRowMs: number[]; floorMs: number[]; floorFirstMs: number[] };
}

/**
 * Started in an extension page before the import: every 100 ms, a read-write transaction on the
 * stores a capture writes (the articles, with the listing and counters its middleware adds, and
 * the captures) that reads one missing key: it waits for every transaction a capture would wait
 * for, reads of those stores included, and changes nothing. Its wait is pushed to
 * `window.__writeWaits` until STOP_WRITE_PROBE says stop. (Until 5 December it took the articles
 * alone, and missed the waits behind the listing's and counters' reads.)
 */
const WRITE_PROBE = `(() => {
  window.__writeWaits = [];
  window.__stopWrites = false;
  const open = indexedDB.open('simlit');
  window.__probeDone = new Promise((stopped) => open.onsuccess = async () => {
    const db = open.result;
    while (!window.__stopWrites) {
      const started = performance.now();
      await new Promise((done) => {
        const transaction = db.transaction(['articles', 'listing', 'counters', 'captures'], 'readwrite');
        transaction.objectStore('articles').get('simlit-bench-no-such-article');
        transaction.oncomplete = transaction.onabort = done;
      });
      window.__writeWaits.push(Math.round(performance.now() - started));
      await new Promise((done) => setTimeout(done, 100));
    }
    db.close();
    stopped(window.__writeWaits);
  });
})()`;

/** Stops the probe: evaluates to the waits once the write under way, which may be the longest, is done. */
const STOP_WRITE_PROBE = 'window.__stopWrites = true; window.__probeDone';

/** What the write probe needs of the extension page it runs in. */
interface ProbePage {
  evaluateExpression<T>(expression: string): Promise<T>;
  close(): Promise<unknown>;
}

/** Starts the write probe in `writer`; the function returned stops it, closes the page and gives the waits. */
async function probeWritesFrom(writer: ProbePage): Promise<() => Promise<number[]>> {
  await writer.evaluateExpression(WRITE_PROBE);
  return async () => {
    const waits = await writer.evaluateExpression<number[]>(STOP_WRITE_PROBE);
    await writer.close();
    return waits;
  };
}

/** The write probe from an extension page of its own in a session of the e2e harness (the Firefox and restore benchmarks). */
export async function probeWrites(ext: ExtensionSession): Promise<() => Promise<number[]>> {
  return probeWritesFrom(await ext.openExtensionPage('options.html'));
}

/** The same probe from a Playwright page of the Chromium this benchmark launches itself. */
async function probeWritesInChromium(browser: ExtensionBrowser): Promise<() => Promise<number[]>> {
  const writer = await browser.context.newPage();
  await writer.goto(`chrome-extension://${browser.extensionId}/options.html`);
  return probeWritesFrom({ evaluateExpression: <T>(expression: string) => writer.evaluate(expression) as Promise<T>, close: () => writer.close() });
}

/** Runs `action` with the write probe beside it, in Chromium: what it returns, and a write's waits meanwhile. */
async function besideWriteProbe<T>(browser: ExtensionBrowser, action: () => Promise<T>): Promise<{ result: T; waits: number[] }> {
  const stopProbe = await probeWritesInChromium(browser);
  const result = await action();
  return { result, waits: await stopProbe() };
}

/** A write's waits as the tables show them: median / p95 / max ms. */
export function formatWriteWaits(waits: number[]): string {
  return waits.length ? `${median(waits)} / ${percentile(waits, 95)} / ${Math.max(...waits)}` : '';
}

/**
 * The file the import is given: one CSL-JSON file of `size` distinct articles of the corpus (titles
 * made unique, some with DOIs, authors, years, journals), or of the reader's own library (BENCH_LIBRARY_FILE).
 */
export function importFileText(size: number, libraryFile = readerLibraryFile()): string {
  if (libraryFile) return readerFileText(libraryFile, size);
  const random = seededRandom(7);
  const journals = ['管理世界', '中国农业科学', 'Nature', 'Journal of Applied Physics', '计算机学报', 'Physical Review B'];
  const items = benchCorpus(size).map((article, i) => ({
    id: `item-${i}`,
    type: 'article-journal',
    title: `${article.title} ${i}`,
    abstract: article.abstract,
    keyword: article.keyword,
    author: [{ family: ['王', '李', 'Smith', 'Chen', '张'][i % 5], given: ['伟', 'J.', '芳', 'A.'][i % 4] }],
    issued: i % 17 === 0 ? undefined : { 'date-parts': [[1990 + Math.floor(random() * 35)]] },
    'container-title': journals[i % journals.length],
    DOI: i % 3 === 0 ? `10.5555/bench.${i}` : undefined,
  }));
  return JSON.stringify(items);
}

export type ImportFileFormat = 'bibtex' | 'ris';

/** The format the page's Import is given (BENCH_IMPORT_FORMAT): CSL-JSON unless BibTeX or RIS is named. */
export function importFileFormat(env: NodeJS.ProcessEnv = process.env): ImportFileFormat | undefined {
  const format = env.BENCH_IMPORT_FORMAT?.toLowerCase();
  if (!format || format === 'csl-json') return undefined;
  if (format === 'bibtex' || format === 'ris') return format;
  throw new Error(`BENCH_IMPORT_FORMAT ${env.BENCH_IMPORT_FORMAT}: bibtex, ris or csl-json`);
}

/** The file of importFileText(size)'s articles in `format` (absent: CSL-JSON), named as a reader's export would be. */
export function importFile(size: number, format = importFileFormat()): { name: string; text: string; format?: ImportFileFormat } {
  const json = importFileText(size);
  if (!format) return { name: 'library.json', text: json };
  const items = JSON.parse(json) as CslItem[];
  return format === 'bibtex' ? { name: 'library.bib', text: formatBibtex(items, 'bibtex'), format } : { name: 'library.ris', text: formatRis(items), format };
}

/** The articles an import of importFileText(size) makes (before any merge with the library). */
export function importedArticles(size: number, now = Date.now(), libraryFile = readerLibraryFile()): Article[] {
  if (libraryFile) return readerArticles(libraryFile, size, now);
  return parseImportFile(importFileText(size), 'library.json').items.flatMap((item) => cslToArticle(item, { now }) ?? []);
}

/**
 * Fills the library straight into IndexedDB (articles as the import makes them, the listing's
 * rows and the counters where the build has them), for timing the page alone, old build
 * against new.
 */
async function fillDirect(worker: Worker, size: number): Promise<void> {
  const now = Date.now();
  const articles = importedArticles(size, now);
  const listing = await import('../../lib/db/listing').then(({ listingRow }) => listingRow, () => undefined);
  const withListing = listing && (await hasStore(worker, 'listing'));
  for (let start = 0; start < articles.length; start += 1000) {
    const chunk = articles.slice(start, start + 1000);
    await putRows(worker, 'articles', chunk);
    if (withListing) await putRows(worker, 'listing', chunk.map(listing));
  }
  await recountLibrary(worker, withListing ? articles.map(listing) : []);
}

/** Run in an extension page: how many articles the background's similarity index holds. */
export async function indexedInPage(): Promise<number> {
  const reply = (await chrome.runtime.sendMessage({ type: 'ui/similar', articleIds: ['bench-probe'], limit: 1 })) as { librarySize?: number } | undefined;
  return reply?.librarySize ?? 0;
}

/** The articles an import's report says it added. */
export function addedByImport(report: string): number {
  return Number(/([\d,]+) added/.exec(report)?.[1]?.replace(/,/g, ''));
}

/** Until the background's similarity index holds `size` articles, asked from an extension page: ms since `from`. */
async function untilIndexed(page: Page, size: number, from: number): Promise<number> {
  const deadline = from + 600_000;
  while (Date.now() < deadline) {
    const held = await page.evaluate(indexedInPage);
    if (held >= size) return Date.now() - from;
    await page.waitForTimeout(250);
  }
  return Number.NaN;
}

/**
 * Evaluated in an extension page: whether the background's saved snapshot of its index is newer
 * than the library's newest write (a start then loads it and has nothing to catch up with).
 * A string, as WRITE_PROBE: tsx names a function's inner functions through a helper the page lacks.
 */
const SNAPSHOT_IS_CURRENT = `new Promise((answer, failed) => {
  const open = indexedDB.open('simlit');
  open.onerror = () => failed(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const transaction = db.transaction(['indexSnapshots', 'articles']);
    const snapshot = transaction.objectStore('indexSnapshots').get('similarity');
    const newest = transaction.objectStore('articles').index('updatedAt').openKeyCursor(null, 'prev');
    let newestWrite;
    newest.onsuccess = () => (newestWrite = newest.result ? newest.result.key : undefined);
    transaction.onerror = () => failed(transaction.error);
    transaction.oncomplete = () => {
      db.close();
      const savedAt = snapshot.result && snapshot.result.savedAt;
      answer(savedAt !== undefined && (newestWrite === undefined || savedAt > newestWrite));
    };
  };
})`;

/** When the page first draws its header, a row, the count, a filter's values and the whole list. */
type Stage = 'header' | 'row' | 'counts' | 'filterValues' | 'wholeList';

const PAGE_STAGES: StageSelectors = [
  ['header', '.library-header'],
  ['row', '.library-row'],
  ['counts', '.list-count:not(:empty)'],
  ['filterValues', 'option[value=""] + option'],
  ['wholeList', '[aria-label="Articles"][aria-busy="false"]'],
];

/** The whole library exported from the library page in `format`: ms from the click to the download. */
async function exportWholeLibrary(page: Page, format: 'bibtex' | 'ris'): Promise<number> {
  await page.getByRole('combobox', { name: 'Format' }).selectOption(format);
  const started = Date.now();
  const download = page.waitForEvent('download', { timeout: 600_000 });
  await page.getByRole('button', { name: 'Download' }).click();
  let downloaded = false;
  void download.then(() => (downloaded = true));
  // A library with articles lacking a year (the corpus, most reader files) makes the page ask
  // whether to export those too; a library complete throughout goes straight to the file.
  const anyway = page.getByRole('button', { name: /^Export all .* anyway$/ });
  await waitFor(async () => downloaded || (await anyway.count()) > 0, Boolean, 600_000);
  if (!downloaded) await anyway.click();
  await download;
  return Date.now() - started;
}

/** The whole library selected, deleted and the deletion undone from the library page, each with the write probe beside it. */
async function deleteAndUndo(page: Page, browser: ExtensionBrowser, timeout: number): Promise<NonNullable<LibraryPageScaleFigures['deletion']>> {
  await page.locator('[aria-label="Articles"][aria-busy="false"]').waitFor({ timeout });
  await page.getByText(/^Select all .* shown$/).click();
  const timed = (button: string, done: RegExp) =>
    besideWriteProbe(browser, async () => {
      const started = Date.now();
      await page.getByRole('button', { name: button, exact: true }).click();
      await page.getByText(done).waitFor({ timeout });
      return Date.now() - started;
    });
  const deletion = await timed('Delete', /^Deleted [\d,]+ articles\.$/);
  const undo = await timed('Undo', /^Restored [\d,]+ articles\.$/);
  return { deleteMs: deletion.result, deleteWriteWaitsMs: deletion.waits, undoMs: undo.result, undoWriteWaitsMs: undo.waits };
}

export async function runLibraryPageScaleBench(size: number, build = true, direct = process.env.BENCH_FILL === 'direct'): Promise<LibraryPageScaleFigures> {
  if (build) buildExtension();
  const server = await servePages([]);
  const folder = mkdtempSync(join(tmpdir(), 'simlit-bench-'));
  const floor = floorExtension(folder, '<header class="library-header">Simlit</header><div class="library-row">row</div>');
  // Kept on disk so that the browser can be started again on it after the import (restarted).
  const profile = join(folder, 'profile');
  const launch = () => launchWithExtension({ port: server.port, alsoLoad: [floor.dir], profile });
  let browser = await launch();
  const onFrame = { polling: 'raf' as const, timeout: 600_000 };
  try {
    let page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`chrome-extension://${browser.extensionId}/library.html`);
    let importMs = 0;
    let importFormat: ImportFileFormat | undefined;
    let indexed: Promise<number> = Promise.resolve(Number.NaN);
    let writeWaitsMs: number[] = [];
    if (direct) {
      // The page opened the database: its stores exist.
      await page.getByRole('button', { name: 'Import…' }).waitFor({ timeout: 120_000 });
      await fillDirect(browser.worker, size);
      // Written past Dexie, the library is news to the open page only once read again (its
      // deletion below found nothing to select and waited out its timeout).
      await page.reload();
      await page.getByRole('button', { name: 'Import…' }).waitFor({ timeout: 120_000 });
    } else {
      await page.getByRole('button', { name: 'Import…' }).click({ timeout: 120_000 });
      const { name, text, format } = importFile(size);
      importFormat = format;
      const file = join(folder, name);
      writeFileSync(file, text);
      await page.getByLabel('File to import').setInputFiles(file, { timeout: 300_000 });
      let started = 0;
      writeWaitsMs = (
        await besideWriteProbe(browser, async () => {
          started = Date.now();
          await page.getByRole('button', { name: 'Import', exact: true }).click({ timeout: 120_000 });
          await page.waitForFunction(() => document.querySelector('.import-report, .error-message'), null, onFrame);
          importMs = Date.now() - started;
        })
      ).waits;
      const summary = await page.locator('.import-report, .error-message').first().textContent();
      console.log(`import of ${size}: ${summary}`);
      // Asked beside the openings below, as a reader would open the page meanwhile.
      const added = addedByImport(summary ?? '');
      indexed = untilIndexed(page, added, started + importMs);
    }
    const firstRowMs: number[] = [];
    const shellMs: number[] = [];
    const countsMs: number[] = [];
    const filterValuesMs: number[] = [];
    const wholeListMs: number[] = [];
    const floorMs: number[] = [];
    let countShown = '';
    /** The moments each stage was first drawn, from navigation start by the page's clock. */
    async function open(url: string, until: 'row' | 'wholeList'): Promise<Record<Stage, number>> {
      const { page: fresh, stages } = await openTimed(browser.context, url, stagesScript(PAGE_STAGES, [until]), {
        timeoutMs: onFrame.timeout,
        prepare: (page) => page.setViewportSize({ width: 1280, height: 900 }),
      });
      const seen = stages as Record<Stage, number>;
      if (until === 'wholeList') countShown = (await fresh.locator('.list-count').textContent()) ?? '';
      await fresh.close();
      return seen;
    }
    // Kept open so that the floor's pages, like the library's (beside the background), find their
    // extension's renderer already running.
    const floorKeeper = await browser.context.newPage();
    await floorKeeper.goto(floor.url);
    for (let run = 0; run < 3; run++) {
      const seen = await open(`chrome-extension://${browser.extensionId}/library.html`, 'wholeList');
      shellMs.push(seen.header);
      firstRowMs.push(seen.row);
      countsMs.push(seen.counts);
      filterValuesMs.push(seen.filterValues);
      wholeListMs.push(seen.wholeList);
      floorMs.push((await open(floor.url, 'row')).row);
    }
    await floorKeeper.close();
    const indexedMs = await indexed;
    let restarted: LibraryPageScaleFigures['restarted'];
    if (!direct && Number.isFinite(indexedMs)) {
      // Saved once it held every article: a restart loads it and catches up with nothing.
      await waitFor(() => page.evaluate<boolean>(SNAPSHOT_IS_CURRENT), Boolean, 600_000);
      restarted = { firstRowMs: [], floorMs: [], floorFirstMs: [] };
      const restart = async () => {
        await browser.close();
        browser = await launch();
      };
      for (let run = 0; run < 3; run++) {
        await restart();
        restarted.firstRowMs.push((await open(`chrome-extension://${browser.extensionId}/library.html`, 'row')).row);
        restarted.floorMs.push((await open(floor.url, 'row')).row);
        await restart();
        restarted.floorFirstMs.push((await open(floor.url, 'row')).row);
      }
      page = await browser.context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`chrome-extension://${browser.extensionId}/library.html`);
    }
    let exportMs: LibraryPageScaleFigures['exportMs'];
    let exportWriteWaitsMs: number[] | undefined;
    if (!direct) {
      await page.getByRole('button', { name: 'Export…' }).click();
      await page.getByRole('radio', { name: /^Whole library/ }).check();
      const { result: bibtexFirst, waits } = await besideWriteProbe(browser, () => exportWholeLibrary(page, 'bibtex'));
      exportWriteWaitsMs = waits;
      exportMs = { bibtexFirst, bibtexAgain: await exportWholeLibrary(page, 'bibtex'), ris: await exportWholeLibrary(page, 'ris') };
      await page.getByRole('button', { name: 'Export…' }).click();
    }
    const deletion = await deleteAndUndo(page, browser, onFrame.timeout);
    await page.close();
    const libraryFile = readerLibraryFile();
    return { articles: size, filled: direct ? 'direct' : 'import', ...(libraryFile ? { libraryFile } : {}), ...(importFormat ? { importFormat } : {}), importMs, indexedMs, importRate: importMs ? Math.round((size / importMs) * 1000) : 0, firstRowMs, shellMs, countsMs, filterValuesMs, wholeListMs, countShown, floorMs, writeWaitsMs, exportMs, exportWriteWaitsMs, deletion, ...(restarted ? { restarted } : {}) };
  } finally {
    await browser.close();
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** " as BibTeX" when the runs imported another format than CSL-JSON (BENCH_IMPORT_FORMAT). */
export function importedAs(figures: { importFormat?: ImportFileFormat }[]): string {
  const formats = [...new Set(figures.flatMap((f) => (f.importFormat ? [f.importFormat === 'bibtex' ? 'BibTeX' : 'RIS'] : [])))];
  return formats.length ? ` as ${formats.join(', ')}` : '';
}

export function formatLibraryPageScale(figures: LibraryPageScaleFigures[]): string {
  const imported = figures.some((f) => f.filled === 'import');
  const files = [...new Set(figures.flatMap((f) => (f.libraryFile ? [basename(f.libraryFile)] : [])))];
  const how = (imported ? `imported through the page${importedAs(figures)}` : 'filled directly, no import') + (files.length ? `, the first articles of ${files.join(', ')}` : '');
  const lines = [`| library page (Chromium, ${how}) | ` + figures.map((f) => f.articles).join(' | ') + ' |', '| --- |' + figures.map(() => ' --- |').join('')];
  /** A row's cells: each size's part of the figures, or '–' where that size has none (filled directly, no export...). */
  const cells = <T>(part: (f: LibraryPageScaleFigures) => T | undefined, cell: (value: T) => string) =>
    figures.map((f) => { const value = part(f); return value === undefined ? '–' : cell(value); }).join(' | ');
  const ofImport = (f: LibraryPageScaleFigures) => (f.filled === 'import' ? f : undefined);
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  if (imported) {
    lines.push(`| import, s | ${cells(ofImport, (f) => seconds(f.importMs))} |`);
    lines.push(`| import rate, articles/s | ${cells(ofImport, (f) => String(f.importRate))} |`);
    lines.push(`| a write's wait beside the import (a read-write transaction on the articles every 100 ms), median / p95 / max ms | ${cells(ofImport, (f) => formatWriteWaits(f.writeWaitsMs))} |`);
    lines.push(`| similarity index holds every article, s after the import's report | ${cells(ofImport, (f) => seconds(f.indexedMs))} |`);
  }
  lines.push(`| first row, median ms (runs) | ${figures.map((f) => medianOfRuns(f.firstRowMs)).join(' | ')} |`);
  lines.push(`| page header drawn, median ms | ${figures.map((f) => median(f.shellMs)).join(' | ')} |`);
  lines.push(`| an extension page of static HTML (no style, no code) at the same moments, median ms (runs) | ${figures.map((f) => medianOfRuns(f.floorMs)).join(' | ')} |`);
  if (figures.some((f) => f.restarted)) {
    lines.push(`| first row, opened first thing in a browser started again on the library's profile, median ms (restarts) | ${cells((f) => f.restarted?.firstRowMs, medianOfRuns)} |`);
    lines.push(`| the static page opened next in that browser, median ms (restarts) | ${cells((f) => f.restarted?.floorMs, medianOfRuns)} |`);
    lines.push(`| the static page opened first thing instead, in restarts of its own, median ms (restarts) | ${cells((f) => f.restarted?.floorFirstMs, medianOfRuns)} |`);
  }
  lines.push(`| count shown, median ms | ${figures.map((f) => median(f.countsMs)).join(' | ')} |`);
  lines.push(`| filters' values shown, median ms | ${figures.map((f) => median(f.filterValuesMs)).join(' | ')} |`);
  lines.push(`| whole list read, median ms | ${figures.map((f) => median(f.wholeListMs)).join(' | ')} |`);
  lines.push(`| count shown | ${figures.map((f) => f.countShown).join(' | ')} |`);
  if (figures.some((f) => f.exportMs)) {
    lines.push(`| whole library exported as BibTeX, first (citation keys pinned) / again, s | ${cells((f) => f.exportMs, (e) => `${seconds(e.bibtexFirst)} / ${seconds(e.bibtexAgain)}`)} |`);
    lines.push(`| whole library exported as RIS, s | ${cells((f) => f.exportMs, (e) => seconds(e.ris))} |`);
    lines.push(`| a write's wait beside the first BibTeX export, median / p95 / max ms | ${cells((f) => f.exportMs && f.exportWriteWaitsMs, formatWriteWaits)} |`);
  }
  lines.push(`| whole library selected and deleted / the deletion undone, s | ${cells((f) => f.deletion, (d) => `${seconds(d.deleteMs)} / ${seconds(d.undoMs)}`)} |`);
  lines.push(`| a write's wait beside the deletion / beside its undo, median / p95 / max ms | ${cells((f) => f.deletion, (d) => `${formatWriteWaits(d.deleteWriteWaitsMs)} / ${formatWriteWaits(d.undoWriteWaitsMs)}`)} |`);
  return lines.join('\n');
}

/**
 * A browser bench run at each size in turn, the extension built before the first (unless
 * BENCH_NO_BUILD=1), each size's figures printed as they come.
 */
export async function runAtSizes<T>(sizes: number[], run: (size: number, build: boolean) => Promise<T>): Promise<T[]> {
  const figures: T[] = [];
  for (const [i, size] of sizes.entries()) {
    figures.push(await run(size, i === 0 && process.env.BENCH_NO_BUILD !== '1'));
    console.log(JSON.stringify(figures.at(-1)));
  }
  return figures;
}

/** The sizes a browser bench runs at: those given on the command line, else the variable's (comma-separated), else 10k and 50k. */
export function benchSizes(variable: string | undefined, args: string[] = []): number[] {
  const given = args.map(Number).filter(Boolean);
  return given.length ? given : (variable ?? '10000,50000').split(',').map(Number);
}

export function runLibraryPageScale(sizes: number[]): Promise<LibraryPageScaleFigures[]> {
  return runAtSizes(sizes, (size, build) => runLibraryPageScaleBench(size, build));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runLibraryPageScale(benchSizes(process.env.BENCH_LIBRARY_PAGE_SIZES, process.argv.slice(2))).then((figures) => console.log(formatLibraryPageScale(figures)));
}
