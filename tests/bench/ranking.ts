/**
 * `npm run bench`: indexing, persistence, similar-article and search speed and memory of the
 * similarity index at 1k, 10k and 50k articles (BENCH_SIZES=10000 to change); the library page's
 * full-text search at 10k and 50k, and in Chromium at 50k (BENCH_LIBRARY=0 to skip); then extraction
 * per page, the popup's first answer in Chromium at 10k (BENCH_POPUP=0 to skip), the load
 * figures at 100k (BENCH_LOAD=0 to skip), the library page and the popup in Firefox at 10k and
 * 50k (BENCH_FIREFOX=0 to skip), a backup of 10k restored in Chromium and Firefox
 * (BENCH_RESTORE=0 to skip), and the library exported in every format and imported again at 10k
 * and 50k (BENCH_EXPORT=0 to skip). Prints a table,
 * writes bench-results/ranking-<time>.json and bench-results/ranking-latest.json, and shows the
 * ratio to the previous latest run. Run under `node --expose-gc` for heap figures. Queries are
 * timed after the warm-up the ranking service runs on an index it built or loaded, and again
 * ("before warm-up") on a fresh load that is not warmed.
 *
 * `npm run bench -- --peers` runs only the side-by-side table of Simlit and its peers instead
 * (tests/bench/peers/run.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { SimilarityIndex } from '../../lib/ranking/similarity-index';
import { articleTerms, type RankableArticle } from '../../lib/ranking/article-terms';
import { decodeTerms, encodeTerms } from '../../lib/ranking/stored-terms';
import { snapshotBytes } from '../../lib/ranking/snapshot';
import { DEFAULT_TOKENIZER } from '../../lib/ranking/tokenize';
import type { StoredTermsRow } from '../../lib/db/schema';
import { benchCorpus, seededRandom } from './corpus';
import { formatLibraryPageFigures, formatLibrarySearchFigures, measureLibrarySearch, runLibraryPageBench } from './library-search';
import { benchSizes, formatLibraryPageScale, runLibraryPageScale } from './library-page';
import { formatFirefoxScale, runFirefoxScale } from './firefox-scale';
import { formatRestore, runRestore } from './restore';
import { formatExportFigures, runExportBench } from './export';
import { formatLoadFigures, runLoadBench } from './load';
import { formatPopupOpenFigures, runPopupOpenBench } from './popup-open';
import { formatScrapeFigures, runScrapeBench } from './scrape';
import { formatProxiedScrapeFigures, runProxiedScrapeBench } from './proxied-scrape';
import { percentile } from './stats';
import { runPeers } from './peers/run';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
/** BENCH_RANKING_ONLY=1: the similarity index's figures only (no library page, scraping, popup or load). */
const RANKING_ONLY = process.env.BENCH_RANKING_ONLY === '1';
const QUERIES = 200;
const RESULTS_DIR = 'bench-results';

type Figures = Record<string, number>;

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
}

/**
 * The JavaScript heap and the typed arrays' buffers (kept outside it), after a full collection.
 * V8 releases the buffers of collected arrays a moment after the collection, on another thread:
 * read once they stop shrinking (the build's temporary buffers, 34 MB at 50k, were counted in
 * some runs and not in others).
 */
async function heapMb(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  let buffers = Infinity;
  for (let round = 0; round < 20; round++) {
    gc?.();
    const { arrayBuffers } = process.memoryUsage();
    if (arrayBuffers >= buffers) break;
    buffers = arrayBuffers;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 2 ** 20;
}

/** CPU time of the process in milliseconds (all threads): steadier than wall time on a shared machine. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const SEARCHES = ['neural network', 'quantum', 'graph algorithm', '控制系统', '土壤', '治疗 疗效', 'supercond', '教学改革'];

/** Snapshot and reload; in a function of its own so that neither stays on the heap afterwards. */
function measurePersistence(index: SimilarityIndex, query: RankableArticle): Figures {
  const [snapshot, snapshotMs] = time(() => index.toSnapshot());
  const loadCpu = cpuMs();
  const [loaded, load] = time(() => SimilarityIndex.fromSnapshot(snapshot)!);
  const loadCpuMs = cpuMs() - loadCpu;
  const [, firstAnswer] = time(() => loaded.similarTo(query, { limit: 10 }));
  return { 'snapshot MB': snapshotBytes(snapshot.data) / 2 ** 20, 'snapshot ms': snapshotMs, 'load ms': load, 'load cpu ms': loadCpuMs, 'load + first answer ms': load + firstAnswer };
}

/** Terms per warm-up slice, as the ranking service warms an index (WARM_UP_SLICE in lib/ranking/ranking-service.ts). */
const WARM_UP_SLICE = 100;

/**
 * The ranking service's warm-up after a build or a load, slice by slice as it runs it between
 * other tasks: how long it takes in all, and the longest slice (what a question asked meanwhile
 * may wait).
 */
function warmUp(index: SimilarityIndex): Figures {
  const cpu = cpuMs();
  const start = performance.now();
  let longest = 0;
  for (let done = false; !done; ) {
    const sliceStart = performance.now();
    done = index.warmUp(WARM_UP_SLICE);
    longest = Math.max(longest, performance.now() - sliceStart);
  }
  return { 'warm-up ms': performance.now() - start, 'warm-up cpu ms': cpuMs() - cpu, 'warm-up longest slice ms': longest };
}

/**
 * The same queries asked before any warm-up, on a fresh load of the index (what a question asked
 * right after the service loaded the index gets): in a function of its own so that the loaded
 * index does not stay on the heap.
 */
function measureBeforeWarmUp(index: SimilarityIndex, queries: RankableArticle[]): Figures {
  const loaded = SimilarityIndex.fromSnapshot(index.toSnapshot())!;
  const similar = queries.map((query) => time(() => loaded.similarTo(query, { limit: 10 }))[1]);
  return { 'similar before warm-up p50 ms': percentile(similar, 50), 'similar before warm-up p95 ms': percentile(similar, 95) };
}

/** An article with the terms stored for it, as the ranking service reads it (decoding included in what is timed). */
const withTerms = (article: RankableArticle, row: StoredTermsRow): RankableArticle => ({ ...article, terms: decodeTerms(row) });

async function measure(size: number): Promise<Figures> {
  const corpus = benchCorpus(size + 20 * 10, { seed: size });
  const library = corpus.slice(0, size);
  const pages = Array.from({ length: 10 }, (_, p) => corpus.slice(size + p * 20, size + (p + 1) * 20));
  const random = seededRandom(7);
  const queryPositions = Array.from({ length: QUERIES }, () => Math.floor(random() * size));

  // Done once per article, when it is captured, imported or edited (lib/ranking/stored-terms.ts).
  const tokenizeCpu = cpuMs();
  const [rows, tokenize] = time(() => library.map((article) => encodeTerms(article, articleTerms(article), DEFAULT_TOKENIZER)));
  const tokenizeCpuMs = cpuMs() - tokenizeCpu;
  const queries = queryPositions.map((position) => [library[position], rows[position]] as const);

  const heapBefore = await heapMb();
  let progressCalls = 0;
  const buildStart = performance.now();
  const buildCpu = cpuMs();
  // A rebuild reads the stored terms: nothing is tokenized again.
  const index = await SimilarityIndex.build(
    library.map((article, i) => withTerms(article, rows[i])),
    { onProgress: () => progressCalls++ },
  );
  const build = performance.now() - buildStart;
  const rebuildCpu = cpuMs() - buildCpu;
  const heap = (await heapMb()) - heapBefore;

  const persistence = measurePersistence(index, withTerms(...queries[0]));
  // The ranking service warms every index it builds or loads before the popup asks (see below
  // for queries asked before that).
  const warmed = warmUp(index);
  const heapWarmed = (await heapMb()) - heapBefore;

  for (const query of queries.slice(0, 20)) index.similarTo(withTerms(...query)); // warm up the JIT
  const similarCpu = cpuMs();
  const similar = queries.map((query) => time(() => index.similarTo(withTerms(...query), { limit: 10 }))[1]);
  const similarCpuMs = (cpuMs() - similarCpu) / queries.length;
  // The same queries again: their terms' document frequencies are cached by now.
  const similarAgain = queries.map((query) => time(() => index.similarTo(withTerms(...query), { limit: 10 }))[1]);
  const pageQueries = pages.slice(0, 5).map((page) => time(() => index.similarTo(page, { limit: 20 }))[1]);
  const search = SEARCHES.flatMap((text) => [0, 1, 2].map(() => time(() => index.search(text, { limit: 20 }))[1]));
  // With the caches that queries fill (idf, candidate vectors); adding articles empties them.
  const heapInUse = (await heapMb()) - heapBefore;
  const beforeWarmUp = measureBeforeWarmUp(index, queries.map((query) => withTerms(...query)));
  // Captures change the library and the popup asks at once: the first question after each change
  // (idf and the candidate search's field lengths are looked up again).
  const afterAdd = pages.map((page, p) => [time(() => index.addAll(page))[1], time(() => index.similarTo(withTerms(...queries[p]), { limit: 10 }))[1]]);
  const add20 = afterAdd.map(([add]) => add);

  return {
    articles: size,
    'tokenize (once, at capture) ms': tokenize,
    'tokenize cpu ms': tokenizeCpuMs,
    'rebuild from stored terms ms': build,
    'rebuild from stored terms cpu ms': rebuildCpu,
    'build progress calls': progressCalls,
    'heap MB': heap,
    ...warmed,
    'heap after warm-up MB': heapWarmed,
    'heap after queries MB': heapInUse,
    ...persistence,
    'similar p50 ms': percentile(similar, 50),
    'similar p95 ms': percentile(similar, 95),
    'similar again p50 ms': percentile(similarAgain, 50),
    'similar again p95 ms': percentile(similarAgain, 95),
    'similar cpu ms a query': similarCpuMs,
    ...beforeWarmUp,
    'page of 20 similar p50 ms': percentile(pageQueries, 50),
    'search p50 ms': percentile(search, 50),
    'add 20 p50 ms': percentile(add20, 50),
    'similar right after an add p50 ms': percentile(afterAdd.map(([, ask]) => ask), 50),
  };
}

function previousRun(): Record<string, Figures> | undefined {
  const path = `${RESULTS_DIR}/ranking-latest.json`;
  if (!existsSync(path)) return undefined;
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { results: Record<string, Figures> }).results;
  } catch {
    return undefined;
  }
}

function printTable(results: Record<string, Figures>, previous: Record<string, Figures> | undefined): void {
  const sizes = Object.keys(results);
  const metrics = Object.keys(results[sizes[0]]).filter((metric) => metric !== 'articles');
  const header = ['metric', ...sizes.flatMap((size) => (previous?.[size] ? [size, 'vs last'] : [size]))];
  const rows = metrics.map((metric) => [
    metric,
    ...sizes.flatMap((size) => {
      const value = results[size][metric];
      const cell = value >= 100 ? value.toFixed(0) : value.toFixed(2);
      const before = previous?.[size]?.[metric];
      return previous?.[size] ? [cell, before ? `x${(value / before).toFixed(2)}` : '-'] : [cell];
    }),
  ]);
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

async function main(): Promise<void> {
  if (!(globalThis as { gc?: unknown }).gc) console.warn('run with node --expose-gc for heap figures');
  const results: Record<string, Figures> = {};
  for (const size of SIZES) {
    console.error(`measuring ${size} articles...`);
    results[String(size)] = await measure(size);
  }
  const previous = previousRun();
  printTable(results, previous);
  console.log(
    '\n"similar": after the warm-up the ranking service runs once it has built or loaded the index (posting lists checked, idf looked up, re-ranking terms put in a Map; lib/ranking/ranking-service.ts), then 20 queries to warm up the JIT. ' +
      '"similar before warm-up": the same queries on a fresh load of the index, not warmed (a question asked right after a load), asked after the others (the JIT is warm by then).',
  );
  mkdirSync(RESULTS_DIR, { recursive: true });
  if (RANKING_ONLY) return;
  // The library page's full-text search, at the sizes the index is measured at (1k and up).
  const librarySearch = Object.fromEntries(SIZES.filter((size) => size >= 10_000).map((size) => [String(size), measureLibrarySearch(size)]));
  if (Object.keys(librarySearch).length) console.log(formatLibrarySearchFigures(librarySearch));
  const libraryPage = process.env.BENCH_LIBRARY === '0' ? undefined : await runLibraryPageBench(Number(process.env.BENCH_LIBRARY_ARTICLES ?? 50_000));
  if (libraryPage) console.log(formatLibraryPageFigures(libraryPage));
  // The library page filled through its own Import: import rate and first row at 10k and 50k (BENCH_LIBRARY=0 skips it).
  const libraryPageScale = process.env.BENCH_LIBRARY === '0' ? undefined : await runLibraryPageScale(benchSizes(process.env.BENCH_LIBRARY_PAGE_SIZES));
  if (libraryPageScale) console.log(formatLibraryPageScale(libraryPageScale));
  const scrape = runScrapeBench();
  console.log(formatScrapeFigures(scrape));
  const proxied = runProxiedScrapeBench();
  console.log(formatProxiedScrapeFigures(proxied));
  // In the real browser: BENCH_POPUP=0 skips it (it needs Chromium).
  const popup = process.env.BENCH_POPUP === '0' ? undefined : await runPopupOpenBench(Number(process.env.BENCH_POPUP_ARTICLES ?? 10_000));
  if (popup) console.log(formatPopupOpenFigures(popup));
  const load = process.env.BENCH_LOAD === '0' ? undefined : await runLoadBench(Number(process.env.BENCH_LOAD_ARTICLES ?? 100_000));
  if (load) console.log(formatLoadFigures(load));
  // The library page and the popup at 10k and 50k in Firefox (BENCH_FIREFOX=0 skips it).
  const firefox = process.env.BENCH_FIREFOX === '0' ? undefined : await runFirefoxScale(benchSizes(process.env.BENCH_FIREFOX_SIZES));
  if (firefox) console.log(formatFirefoxScale(firefox));
  // A backup restored through the options page, in both browsers (BENCH_RESTORE=0 skips it).
  const restore = process.env.BENCH_RESTORE === '0' ? undefined : await runRestore(benchSizes(process.env.BENCH_RESTORE_SIZES ?? '10000'));
  if (restore) console.log(formatRestore(restore));
  // Every export format and the import's parsers at 10k and 50k (BENCH_EXPORT=0 skips it).
  const exports = process.env.BENCH_EXPORT === '0' ? undefined : runExportBench(benchSizes(process.env.BENCH_EXPORT_SIZES));
  if (exports) console.log(formatExportFigures(exports));
  const record = JSON.stringify({ date: new Date().toISOString(), node: process.version, results, librarySearch, libraryPage, libraryPageScale, scrape, proxied, popup, load, firefox, restore, exports }, null, 2);
  writeFileSync(`${RESULTS_DIR}/ranking-${Date.now()}.json`, record);
  writeFileSync(`${RESULTS_DIR}/ranking-latest.json`, record);
}

if (process.argv.includes('--peers')) void runPeers();
else void main();
