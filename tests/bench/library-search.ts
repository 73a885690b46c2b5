/**
 * The library page's full-text search (lib/search): building its index, its memory, and the time
 * of each kind of query at 10k and 50k articles, in Node; then in Chromium (BENCH_LIBRARY=0 to
 * skip), a large library opened in the library page: first rows, the first search (the worker
 * reads the library from IndexedDB and builds the index) and later searches.
 * Run alone: `node --expose-gc --import tsx tests/bench/library-search.ts [articles...]`.
 */
import { performance } from 'node:perf_hooks';
import { FullTextIndex } from '../../lib/search/full-text-index';
import { parseQuery } from '../../lib/search/query';
import { searchFields } from '../../lib/search/search-document';
import { launchWithExtension } from '../e2e/chromium';
import { servePages } from '../e2e/page-server';
import { buildExtension } from './build-extension';
import { asArticles, fill } from './popup-open';
import { median, percentile } from './stats';

/** What readers type: Chinese terms common and rare, English words whole, cut short, misspelt, several, a phrase. */
export const LIBRARY_QUERIES: Record<string, string> = {
  'zh common (研究)': '研究',
  'zh 2 chars (治理)': '治理',
  'zh 4 chars (控制系统)': '控制系统',
  'en word (network)': 'network',
  'en prefix (superc)': 'superc',
  'en typo (algorithn)': 'algorithn',
  'two terms (neural network)': 'neural network',
  'phrase ("neural network")': '"neural network"',
  'mixed (深度学习 model)': '深度学习 model',
};

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

export type LibrarySearchFigures = Record<string, number>;

export function measureLibrarySearch(size: number): LibrarySearchFigures {
  const articles = asArticles(size);
  const before = heapMb();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const index = new FullTextIndex();
  for (const article of articles) index.add(article.id, searchFields(article), article.updatedAt);
  const buildMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  const heap = heapMb() - before;
  // CPU time beside wall time: on a shared machine the wall time mostly measures the neighbours.
  const figures: LibrarySearchFigures = { articles: size, 'build ms': buildMs, 'build cpu ms': (user + system) / 1000, 'heap MB': heap };
  for (const [name, text] of Object.entries(LIBRARY_QUERIES)) {
    const terms = parseQuery(text);
    index.search(terms); // warm up
    const times = Array.from({ length: 9 }, () => {
      const start = performance.now();
      index.search(terms);
      return performance.now() - start;
    });
    figures[`${name} p50 ms`] = median(times);
    figures[`${name} hits`] = index.search(terms).length;
  }
  const changed = asArticles(20).map((article, i) => ({ ...article, id: articles[i * 7].id }));
  const start = performance.now();
  for (const article of changed) index.add(article.id, searchFields(article), article.updatedAt + 1);
  figures['re-index 20 changed ms'] = performance.now() - start;
  return figures;
}

export interface LibraryPageFigures {
  articles: number;
  fillMs: number;
  firstRowsMs: number;
  firstSearchMs: number;
  laterSearchMs: number[];
}

/** The library page in Chromium: first rows, the first search (index built in the worker), later ones. */
export async function runLibraryPageBench(size = 50_000): Promise<LibraryPageFigures> {
  buildExtension();
  const server = await servePages([]);
  const browser = await launchWithExtension({ port: server.port });
  try {
    let started = Date.now();
    await fill(browser.worker, asArticles(size));
    const fillMs = Date.now() - started;
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const onFrame = { polling: 'raf' as const, timeout: 300_000 };
    started = Date.now();
    await page.goto(`chrome-extension://${browser.extensionId}/library.html`);
    await page.waitForFunction(() => document.querySelector('.library-row'), null, onFrame);
    const firstRowsMs = Date.now() - started;
    const searchFor = async (text: string) => {
      const begin = Date.now();
      await page.getByRole('searchbox').fill(text);
      await page.waitForFunction((typed) => document.querySelector('.search-status')?.textContent?.includes(`“${typed}”`), text, onFrame);
      return Date.now() - begin;
    };
    const firstSearchMs = await searchFor('治理');
    const laterSearchMs: number[] = [];
    for (const text of ['控制系统', 'network', 'algorithn', '土壤', 'superc', '"neural network"', '教学改革']) laterSearchMs.push(await searchFor(text));
    return { articles: size, fillMs, firstRowsMs, firstSearchMs, laterSearchMs };
  } finally {
    await browser.close();
    await server.close();
  }
}

export function formatLibrarySearchFigures(results: Record<string, LibrarySearchFigures>): string {
  const sizes = Object.keys(results);
  const metrics = Object.keys(results[sizes[0]]).filter((metric) => metric !== 'articles');
  const lines = [`| library search (Node) | ${sizes.join(' | ')} |`, `| --- |${sizes.map(() => ' --- |').join('')}`];
  for (const metric of metrics) lines.push(`| ${metric} | ${sizes.map((size) => { const v = results[size][metric]; return v >= 100 ? v.toFixed(0) : v.toFixed(2); }).join(' | ')} |`);
  return lines.join('\n');
}

export function formatLibraryPageFigures(f: LibraryPageFigures): string {
  return [
    `library page in Chromium, ${f.articles} articles (filled in ${f.fillMs} ms):`,
    `  first rows shown: ${f.firstRowsMs} ms (the whole list's summaries are read today)`,
    `  first search, from typing to the hits (the worker reads the library and builds the index): ${f.firstSearchMs} ms`,
    `  later searches: p50 ${median(f.laterSearchMs)} ms, p95 ${percentile(f.laterSearchMs, 95)} ms (runs ${f.laterSearchMs.join(', ')})`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  const results = Object.fromEntries((sizes.length ? sizes : [10_000, 50_000]).map((size) => [String(size), measureLibrarySearch(size)]));
  console.log(formatLibrarySearchFigures(results));
  if (process.env.BENCH_LIBRARY !== '0') runLibraryPageBench(Number(process.env.BENCH_LIBRARY_ARTICLES ?? 50_000)).then((f) => console.log(formatLibraryPageFigures(f)));
}
