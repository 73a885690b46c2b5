/**
 * Load figures (issue 7): how many page captures per second the background's capture path
 * sustains (pageArticles + storeCapture, on fake-indexeddb in Node), and a library of 100,000
 * articles opening, listing, searching and ranking without failure.
 * `npx tsx tests/bench/load.ts [articles]`, or `runLoadBench()` from another bench script.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { articleFromRecord, readJsonl } from '../../lib/cli/commands/eval';
import { pageArticles } from '../../lib/capture/page-articles';
import { loadSummaries, queryLibrary } from '../../lib/db/articles-query';
import { LibrarySearch } from '../../lib/search/library-search';
import { SimlitDB } from '../../lib/db/schema';
import { storeCapture } from '../../lib/db/store-capture';
import type { Article, ExtractedItem } from '../../lib/model/article';
import { SimilarityIndex } from '../../lib/ranking/similarity-index';
import type { RankableArticle } from '../../lib/ranking/article-terms';

const EVAL_DIR = [resolve(import.meta.dirname, '../../../shared/eval'), '/work/shared/eval'].find((dir) => existsSync(dir));

/** The shared labelled abstracts, Chinese and English, as the text the load is made of. */
function evalTexts(): RankableArticle[] {
  if (!EVAL_DIR) throw new Error('no shared eval data (../shared/eval) for the load benchmark');
  return ['dev-zh.jsonl', 'dev-en.jsonl'].flatMap((file) => readJsonl(resolve(EVAL_DIR, file)).map(articleFromRecord));
}

export interface LoadFigures {
  captures: { pages: number; itemsPerPage: number; seconds: number; capturesPerSecond: number; articlesPerSecond: number; stored: number };
  library: {
    articles: number;
    writeSeconds: number;
    openSeconds: number;
    listSeconds: number;
    searchSeconds: number;
    searchText: string;
    searchHits: number;
    indexBuildSeconds: number;
    similarMs: number;
    similarHits: number;
    heapMb: number;
  };
}

const seconds = (start: number) => Math.round((performance.now() - start) / 10) / 100;

/** Real titles and abstracts (the shared eval sets), varied so that every copy is a distinct article. */
function* itemStream(texts: RankableArticle[]): Generator<ExtractedItem> {
  for (let n = 0; ; n++) {
    const source = texts[n % texts.length];
    const round = Math.floor(n / texts.length);
    const words = (source.abstract ?? '').split(/(?<=[。；,，.;])/);
    // Rotating the abstract's clauses gives each round its own fingerprint.
    const rotated = words.slice(round % Math.max(words.length, 1)).concat(words.slice(0, round % Math.max(words.length, 1))).join('');
    yield {
      title: `${source.title ?? ''} (${round})`,
      abstract: `${rotated} [${n}]`,
      keywords: (source.keyword ?? '').split(/;\s*/),
      authors: ['张三', 'Smith, J.'],
      date: String(2000 + (n % 25)),
      containerTitle: n % 2 ? '中国行政管理' : 'Journal of Testing',
      platformId: String(n),
      position: (n % 20) + 1,
    };
  }
}

function take<T>(stream: Iterator<T>, count: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(stream.next().value as T);
  return out;
}

/** Page captures through the background's path; a third of each page's items were seen before. */
async function measureCaptures(texts: RankableArticle[], pages = 300, perPage = 20): Promise<LoadFigures['captures']> {
  const db = new SimlitDB('load-captures', { indexedDB: new IDBFactory(), IDBKeyRange });
  const stream = itemStream(texts);
  let previous: ExtractedItem[] = [];
  const start = performance.now();
  for (let p = 0; p < pages; p++) {
    const fresh = take(stream, perPage - Math.floor(perPage / 3));
    const items = [...fresh, ...previous.slice(0, Math.floor(perPage / 3))];
    const url = `http://journal.example.cn/ch/reader/search_similar.aspx?file_no=${p}`;
    const capturedAt = 1_700_000_000_000 + p;
    const articles = pageArticles({ platform: 'qinyun', kind: 'list', items }, url, capturedAt);
    await storeCapture(db, { pageUrl: url, platform: 'qinyun', kind: 'list', tabId: 1, capturedAt }, articles);
    previous = fresh;
  }
  const elapsed = seconds(start);
  const stored = await db.articles.count();
  db.close();
  return { pages, itemsPerPage: perPage, seconds: elapsed, capturesPerSecond: Math.round(pages / elapsed), articlesPerSecond: Math.round((pages * perPage) / elapsed), stored };
}

/** A library of `count` articles: written, opened afresh, listed, searched and ranked. */
async function measureLibrary(texts: RankableArticle[], count: number): Promise<LoadFigures['library']> {
  const indexedDB = new IDBFactory();
  const writer = new SimlitDB('load-library', { indexedDB, IDBKeyRange });
  const stream = itemStream(texts);
  let start = performance.now();
  for (let done = 0; done < count; done += 5000) {
    const batch = pageArticles({ platform: 'qinyun', kind: 'list', items: take(stream, Math.min(5000, count - done)) }, 'http://journal.example.cn/list', 1_700_000_000_000 + done);
    await writer.articles.bulkPut(batch);
  }
  const writeSeconds = seconds(start);
  writer.close();

  start = performance.now();
  const db = new SimlitDB('load-library', { indexedDB, IDBKeyRange });
  await db.open();
  const articles = await db.articles.count();
  const openSeconds = seconds(start);

  start = performance.now();
  const rows = await loadSummaries(db);
  const listed = queryLibrary(rows, { text: '', filters: { state: 'all' }, sort: 'captured' });
  const listSeconds = seconds(start);
  if (listed.length !== articles) throw new Error(`the library lists ${listed.length} of ${articles} articles`);

  start = performance.now();
  // A word from a title in the library, so that the search has something to find.
  const word = (rows[Math.floor(rows.length / 3)].title ?? '研究').slice(0, 4);
  const query = { text: word, filters: { state: 'all' as const }, sort: 'captured' as const };
  const { hits: found } = await new LibrarySearch(db).search(query.text);
  const scores = new Map(found.map((hit) => [hit.id, hit.score]));
  const hits = queryLibrary(rows, query, scores);
  const searchSeconds = seconds(start);

  start = performance.now();
  const all: Article[] = await db.articles.toArray();
  const index = SimilarityIndex.create(all);
  const indexBuildSeconds = seconds(start);
  start = performance.now();
  const similar = index.similarTo(all[Math.floor(all.length / 2)], { limit: 10 });
  const similarMs = Math.round(performance.now() - start);
  db.close();
  return {
    articles,
    writeSeconds,
    openSeconds,
    listSeconds,
    searchSeconds,
    searchText: word,
    searchHits: hits.length,
    indexBuildSeconds,
    similarMs,
    similarHits: similar.length,
    heapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
  };
}

export async function runLoadBench(libraryArticles = 100_000): Promise<LoadFigures> {
  const texts = evalTexts();
  const captures = await measureCaptures(texts);
  const library = await measureLibrary(texts, libraryArticles);
  return { captures, library };
}

export function formatLoadFigures({ captures, library }: LoadFigures): string {
  return [
    `load: ${captures.capturesPerSecond} captures/s (${captures.articlesPerSecond} articles/s; ${captures.pages} pages of ${captures.itemsPerPage} items, a third already known; ${captures.stored} stored) on fake-indexeddb`,
    `load: library of ${library.articles} articles: written in ${library.writeSeconds} s, opened in ${library.openSeconds} s, listed in ${library.listSeconds} s, ` +
      `searched for "${library.searchText}" in ${library.searchSeconds} s (${library.searchHits} hits), index built in ${library.indexBuildSeconds} s, similar in ${library.similarMs} ms (${library.similarHits} hits), heap ${library.heapMb} MB`,
  ].join('\n');
}

if (process.argv[1]?.endsWith('load.ts')) {
  const count = Number(process.argv[2] ?? 100_000);
  runLoadBench(count).then(
    (figures) => console.log(formatLoadFigures(figures)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
