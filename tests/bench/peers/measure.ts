/**
 * One engine, one measurement, in a process of its own (forked by run.ts with --expose-gc): so
 * that no engine's heap, JIT state or garbage is charged to another.
 *
 *   speed:   build from records, heap of that index, save, load, more-like-this over the query
 *            sample (on the loaded index: its first questions, then, once warm, the sample), build
 *            from tokens; at one library size.
 *   quality: P@10, leave-one-out, on each labelled set (../shared/eval), index built from records.
 */
import { performance } from 'node:perf_hooks';
import type { RankableArticle } from '../../../lib/ranking/article-terms';
import { leaveOneOutQueries, precisionAtK } from '../../../lib/ranking/evaluate';
import { benchCorpus, seededRandom, type Vocabulary } from '../corpus';
import { devSets } from '../eval-data';
import { readerArticles } from '../reader-library';
import { tokenizedArticle, type PeerEngine, type PeerIndex } from './engine';
import { engineNamed } from './engines';
import { latency } from './stats';

export type Job =
  | { kind: 'speed'; engine: string; size: number; queries: number; vocabulary?: Vocabulary; libraryFile?: string }
  | { kind: 'quality'; engine: string; k: number };

export interface SpeedFigures {
  'build from records ms': number;
  'build from tokens ms'?: number;
  'heap MB': number;
  'saved MB': number;
  'save ms': number;
  'load ms': number;
  'more-like-this p50 ms': number;
  'more-like-this p95 ms': number;
  /** The loaded index's first question, and the mean of its first COLD_QUESTIONS: a fresh process's code and data are cold. */
  'first question ms'?: number;
  'first questions mean ms'?: number;
  /**
   * The load and the first question together, in the same run: what a reader waits for after a
   * start. An engine may load less and leave more to its first question (Simlit decodes its lists
   * on first use), so each figure alone favours one kind of engine.
   */
  'load and first question ms'?: number;
}

export type QualityFigures = Record<string, number>;

/**
 * Questions asked of the loaded index before the sample is timed. In a fresh process the first
 * ~100 questions run while the JIT compiles (Simlit at 10k, p95 / p50 after 10, 30, 100 and 300
 * warm-up questions: 5.5, 2.4, 1.9, 1.8): p50 / p95 are of a warm index, and the cold start is
 * its own figure, the first questions' times.
 */
const WARM_UP = 100;
const COLD_QUESTIONS = 10;

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the peers benchmark needs node --expose-gc (run.ts forks with it)');
  gc();
  gc();
}

/** What the index holds on the heap: the JS heap and the ArrayBuffers outside it. */
function memoryInUse(): number {
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

/** The query sample: the same articles for every engine (seeded), drawn from the library. */
export function querySample(library: RankableArticle[], count: number, seed = 7): RankableArticle[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => library[Math.floor(random() * library.length)]);
}

/** The library of `size` articles: the same one `npm run bench` measures at that size (with the sets' vocabulary). */
export const benchLibrary = (size: number, vocabulary: Vocabulary = 'sources'): RankableArticle[] => benchCorpus(size, { seed: size, vocabulary });

async function measureSpeed(engine: PeerEngine, size: number, queryCount: number, vocabulary?: Vocabulary, libraryFile?: string): Promise<SpeedFigures> {
  const library = libraryFile ? readerArticles(libraryFile, size) : benchLibrary(size, vocabulary);
  // Every engine tokenizes with Simlit's tokenizer: its tables (OpenCC, the segmenter) are loaded
  // here, so that neither the build time nor the heap of any index includes them.
  library.slice(0, 10).forEach(tokenizedArticle);
  const queries = querySample(library, queryCount);
  // Never one of the timed articles: a question asked before would find its data warm.
  const timedIds = new Set(queries.map(({ id }) => id));
  const warmUp = querySample(library.filter(({ id }) => !timedIds.has(id)), WARM_UP, 11);

  const before = memoryInUse();
  let [index, buildFromRecords]: [PeerIndex | undefined, number] = await timed(() => engine.buildFromRecords(library));
  const heap = memoryInUse() - before;
  const [saved, save] = await timed(() => index!.save());
  index = undefined;
  collectGarbage();

  const [loaded, load] = await timed(() => engine.load(saved));
  const timedQuestion = (query: RankableArticle) => {
    const start = performance.now();
    loaded.moreLikeThis(query, 10);
    return performance.now() - start;
  };
  const cold = warmUp.map(timedQuestion).slice(0, COLD_QUESTIONS);
  const { p50, p95 } = latency(queries.map(timedQuestion));

  let buildFromTokens: number | undefined;
  if (engine.buildFromTokens) {
    // Made only now: held during the build from records, the tokens' strings were what its heap
    // figure measured less of, as the build made the copies of each term into one (Simlit's heap
    // of 50,000 real articles read 6.6 MB with them held, 12.3 MB without).
    const tokens = library.map(tokenizedArticle);
    collectGarbage();
    buildFromTokens = (await timed(() => engine.buildFromTokens!(tokens)))[1];
  }
  return {
    'build from records ms': buildFromRecords,
    ...(buildFromTokens === undefined ? {} : { 'build from tokens ms': buildFromTokens }),
    'heap MB': heap / 2 ** 20,
    'saved MB': saved.bytes / 2 ** 20,
    'save ms': save,
    'load ms': load,
    'more-like-this p50 ms': p50,
    'more-like-this p95 ms': p95,
    'first question ms': cold[0],
    'first questions mean ms': cold.reduce((sum, time) => sum + time, 0) / cold.length,
    'load and first question ms': load + cold[0],
  };
}

/** Mean P@k over every article of each labelled set as the query, the set's other articles as the library. */
export async function measureQuality(engine: PeerEngine, k: number): Promise<QualityFigures> {
  const figures: QualityFigures = {};
  for (const set of devSets()) {
    const index = await engine.buildFromRecords(set.articles);
    let sum = 0;
    let counted = 0;
    for (const query of leaveOneOutQueries(set.articles, set.labels)) {
      if (query.relevant.size === 0) continue;
      sum += precisionAtK(index.moreLikeThis(query.article, k).map((id) => query.relevant.has(id)), k);
      counted++;
    }
    figures[set.name.replace(/\.jsonl$/, '')] = counted ? sum / counted : 0;
  }
  return figures;
}

async function runJob(job: Job): Promise<SpeedFigures | QualityFigures> {
  const engine = engineNamed(job.engine);
  return job.kind === 'speed' ? measureSpeed(engine, job.size, job.queries, job.vocabulary, job.libraryFile) : measureQuality(engine, job.k);
}

// Forked by run.ts: the job comes as the first argument, the figures go back over IPC.
if (process.send && process.argv[2]) {
  runJob(JSON.parse(process.argv[2]) as Job).then(
    (figures) => process.send!({ figures }, () => process.exit(0)),
    (error: unknown) => process.send!({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(1)),
  );
}
