/**
 * `npm run bench -- --peers`: Simlit's ranker side by side with plain MiniSearch, FlexSearch and
 * Orama on the benchmark corpus (tests/bench/corpus.ts), each engine in its own process
 * (measure.ts, forked with --expose-gc), interleaved (every engine's run 1, then every engine's
 * run 2, …), min / median of the repeats, ratios to Simlit; and P@10 on the labelled sets.
 *
 *   BENCH_PEER_SIZES=10000,50000   library sizes (2000 while developing)
 *   BENCH_PEER_REPEATS=3           runs per engine and size
 *   BENCH_PEER_QUERIES=100         more-like-this queries per run (the same seeded sample for every engine)
 *   BENCH_PEER_ENGINES=Simlit,Orama  a subset of the engines
 *   BENCH_PEER_QUALITY=0           skips P@10
 *   BENCH_PEER_VOCABULARY=growing  a library's vocabulary growth (corpus.ts: Heaps' law fitted on the
 *                                  labelled sets) instead of the sets' terms only
 *   BENCH_LIBRARY_FILE=my.bib      a reader's own library (BibTeX, RIS or CSL-JSON) instead of the
 *                                  corpus: its first N articles at each size (reader-library.ts)
 *
 * Writes bench-results/peers-<time>.json, peers-latest.json and peers-latest.md after every
 * measurement, so that a long run that is stopped keeps what it measured.
 */
import { fork } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINES } from './engines';
import { vocabularyNamed, type Vocabulary } from '../corpus';
import { readerLibraryFile } from '../reader-library';
import type { Job, QualityFigures, SpeedFigures } from './measure';
import { ratio, summarize, type Summary } from './stats';

const RESULTS_DIR = 'bench-results';
const MEASURE = fileURLToPath(new URL('./measure.ts', import.meta.url));

export interface PeerResults {
  date: string;
  node: string;
  versions: Record<string, string>;
  load: number[];
  repeats: number;
  queries: number;
  /** The corpus's vocabulary (corpus.ts); absent in results written before it could grow. */
  vocabulary?: Vocabulary;
  /** The reader's library file measured instead of the corpus (BENCH_LIBRARY_FILE), by its name. */
  libraryFile?: string;
  methods: Record<string, string>;
  /** Per size, per engine, one entry per run. */
  speed: Record<string, Record<string, SpeedFigures[]>>;
  quality: Record<string, QualityFigures>;
}

interface Config {
  sizes: number[];
  repeats: number;
  queries: number;
  engines: string[];
  quality: boolean;
  vocabulary: Vocabulary;
  libraryFile: string | undefined;
}

function config(env: NodeJS.ProcessEnv = process.env): Config {
  const list = (value: string | undefined, fallback: string) => (value ?? fallback).split(',').map((item) => item.trim()).filter(Boolean);
  const names = ENGINES.map((engine) => engine.name);
  const engines = list(env.BENCH_PEER_ENGINES, names.join(','));
  for (const name of engines) if (!names.includes(name)) throw new Error(`BENCH_PEER_ENGINES: no engine named ${name} (${names.join(', ')})`);
  return {
    sizes: list(env.BENCH_PEER_SIZES, '10000,50000').map(Number),
    repeats: Number(env.BENCH_PEER_REPEATS ?? 3),
    queries: Number(env.BENCH_PEER_QUERIES ?? 100),
    engines: names.filter((name) => engines.includes(name)),
    quality: env.BENCH_PEER_QUALITY !== '0',
    vocabulary: vocabularyNamed(env.BENCH_PEER_VOCABULARY, 'BENCH_PEER_VOCABULARY'),
    libraryFile: readerLibraryFile(env),
  };
}

/** Runs one job in a fresh node process with --expose-gc; its figures come back over IPC. */
function runForked<T>(job: Job): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(MEASURE, [JSON.stringify(job)], { execArgv: ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx'], stdio: 'inherit' });
    let answered = false;
    child.on('message', (message: { figures?: T; error?: string }) => {
      answered = true;
      if (message.error) reject(new Error(`${job.engine}: ${message.error}`));
      else resolve(message.figures as T);
    });
    child.on('exit', (code) => {
      if (!answered) reject(new Error(`${job.engine}: the measuring process ended (code ${code}) without figures`));
    });
  });
}

/** The installed version (read from node_modules: not every package exports its package.json). */
function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(resolve('node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

// ---- the table ----

type Row = { label: string; cell: (runs: SpeedFigures[], simlit: SpeedFigures[] | undefined) => string };

/** Three significant digits or fewer; the thresholds are where rounding reaches the next unit (9,996 ms reads "10 s", not "10.0 s"). */
function formatMs(ms: number): string {
  if (ms >= 9_950) return `${(ms / 1000).toFixed(0)} s`;
  if (ms >= 999.5) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 99.95) return `${ms.toFixed(0)} ms`;
  if (ms >= 9.995) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

const formatMb = (mb: number): string => (mb >= 100 ? `${mb.toFixed(0)} MB` : `${mb.toFixed(1)} MB`);

function formatRatio(value: number | undefined): string {
  return value === undefined ? '' : ` (×${value >= 10 ? value.toFixed(0) : value.toFixed(2)})`;
}

const figure = (runs: SpeedFigures[], key: keyof SpeedFigures): Summary | undefined => summarize(runs.map((run) => run[key]));

/** "min / median" of the repeats (one value when they agree to the digit), and the ratio of medians to Simlit's. */
function minMedianCell(key: keyof SpeedFigures, format: (value: number) => string, noValue = '–'): Row['cell'] {
  return (runs, simlit) => {
    const summary = figure(runs, key);
    if (!summary) return noValue;
    const [min, median] = [format(summary.min), format(summary.median)];
    const shown = min === median ? median : `${min} / ${median}`;
    return shown + formatRatio(ratio(summary.median, simlit && figure(simlit, key)?.median));
  };
}

function medianCell(key: keyof SpeedFigures, format: (value: number) => string): Row['cell'] {
  return (runs, simlit) => {
    const summary = figure(runs, key);
    return summary ? format(summary.median) + formatRatio(ratio(summary.median, simlit && figure(simlit, key)?.median)) : '–';
  };
}

/** Two times "first / second" (medians of the runs), with the ratio of `ratioKey`'s median to Simlit's. */
function twoTimesCell(first: keyof SpeedFigures, second: keyof SpeedFigures, ratioKey: keyof SpeedFigures): Row['cell'] {
  return (runs, simlit) => {
    const [one, two, compared] = [figure(runs, first), figure(runs, second), figure(runs, ratioKey)];
    if (!one || !two || !compared) return '–';
    return `${formatMs(one.median)} / ${formatMs(two.median)}${formatRatio(ratio(compared.median, simlit && figure(simlit, ratioKey)?.median))}`;
  };
}

const ROWS: Row[] = [
  { label: 'build from records (tokenizing included)', cell: minMedianCell('build from records ms', formatMs) },
  { label: 'build from tokens (the same terms for all)', cell: minMedianCell('build from tokens ms', formatMs, 'no entry') },
  { label: 'heap of the index', cell: medianCell('heap MB', formatMb) },
  { label: 'saved size', cell: medianCell('saved MB', formatMb) },
  { label: 'save', cell: minMedianCell('save ms', formatMs) },
  { label: 'load (to a query-ready index)', cell: minMedianCell('load ms', formatMs) },
  { label: 'more-like-this p50 / p95 (warm)', cell: twoTimesCell('more-like-this p50 ms', 'more-like-this p95 ms', 'more-like-this p50 ms') },
  { label: 'after the load: first question / mean of the first 10', cell: twoTimesCell('first question ms', 'first questions mean ms', 'first questions mean ms') },
  { label: 'load and first question (a start\'s first answer)', cell: minMedianCell('load and first question ms', formatMs) },
];

export function formatPeerTables(results: PeerResults): string {
  const engines = Object.keys(results.methods);
  const lines: string[] = [];
  const header = (first: string) => [`| ${first} | ${engines.join(' | ')} |`, `| --- |${engines.map(() => ' --- |').join('')}`];
  for (const [size, byEngine] of Object.entries(results.speed)) {
    // A run stopped part way leaves some engines with one run fewer than others.
    const counts = engines.map((engine) => byEngine[engine]?.length ?? 0);
    const [fewest, most] = [Math.min(...counts), Math.max(...counts)];
    const runs = fewest === most ? `${most} run${most === 1 ? '' : 's'}` : `${fewest}–${most} runs`;
    const library = results.libraryFile ? ` of ${basename(results.libraryFile)}` : results.vocabulary === 'growing' ? ", a library's vocabulary" : '';
    lines.push('', ...header(`${Number(size).toLocaleString('en')} articles${library} (${runs})`));
    for (const row of ROWS) lines.push(`| ${row.label} | ${engines.map((engine) => (byEngine[engine]?.length ? row.cell(byEngine[engine], engine === 'Simlit' ? undefined : byEngine.Simlit) : '–')).join(' | ')} |`);
  }
  const sets = [...new Set(Object.values(results.quality).flatMap((figures) => Object.keys(figures)))];
  if (sets.length) {
    lines.push('', ...header('P@10, leave-one-out'));
    for (const set of sets) lines.push(`| ${set} | ${engines.map((engine) => results.quality[engine]?.[set]?.toFixed(3) ?? '–').join(' | ')} |`);
    const mean = (engine: string) => {
      const values = sets.map((set) => results.quality[engine]?.[set]);
      return values.every((value) => value !== undefined) ? (values as number[]).reduce((a, b) => a + b, 0) / values.length : undefined;
    };
    if (sets.length > 1) lines.push(`| mean of the sets | ${engines.map((engine) => mean(engine)?.toFixed(3) ?? '–').join(' | ')} |`);
  }
  return lines.join('\n').trim();
}

function corpusNote(results: PeerResults): string {
  if (results.libraryFile) return `Library: the first articles of ${basename(results.libraryFile)} (BENCH_LIBRARY_FILE), in the file's order.`;
  return results.vocabulary === 'growing'
    ? `Corpus vocabulary growing as a library's does (Heaps' law fitted on the labelled sets: 40,000 distinct terms at 10k, 97,000 at 50k).`
    : `Corpus vocabulary: the labelled sets' terms (16,500 distinct terms at 10k and 50k).`;
}

function formatReport(results: PeerResults): string {
  return [
    `# Simlit beside its peers (${results.date}, node ${results.node}, load ${results.load.map((l) => l.toFixed(2)).join(' ')})`,
    '',
    `Versions: ${Object.entries(results.versions).map(([name, version]) => `${name} ${version}`).join(', ')}. ` +
      `Min / median of ${results.repeats} runs per engine (interleaved, each in its own process); (×n) is the median over Simlit's; ` +
      `more-like-this: median over the runs of the p50 / p95 of ${results.queries} queries (the same articles for every engine), ` +
      `timed after 100 warm-up questions; the first of those and the mean of the first 10 are the cold figures. ` +
      corpusNote(results),
    '',
    formatPeerTables(results),
    '',
    ...Object.entries(results.methods).map(([engine, method]) => `- ${engine}: ${method}`),
    '',
  ].join('\n');
}

function write(results: PeerResults, stamp: number): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = JSON.stringify(results, null, 2);
  writeFileSync(`${RESULTS_DIR}/peers-${stamp}.json`, json);
  writeFileSync(`${RESULTS_DIR}/peers-latest.json`, json);
  writeFileSync(`${RESULTS_DIR}/peers-latest.md`, formatReport(results));
}

export async function runPeers(env: NodeJS.ProcessEnv = process.env): Promise<PeerResults> {
  const { sizes, repeats, queries, engines, quality, vocabulary, libraryFile } = config(env);
  const stamp = Date.now();
  const results: PeerResults = {
    date: new Date().toISOString(),
    node: process.version,
    versions: { minisearch: packageVersion('minisearch'), flexsearch: packageVersion('flexsearch'), '@orama/orama': packageVersion('@orama/orama') },
    load: loadavg(),
    repeats,
    queries,
    vocabulary,
    ...(libraryFile ? { libraryFile } : {}),
    methods: Object.fromEntries(ENGINES.filter((engine) => engines.includes(engine.name)).map((engine) => [engine.name, engine.method])),
    speed: {},
    quality: {},
  };
  if (quality) {
    for (const engine of engines) {
      console.error(`P@10 on the labelled sets: ${engine}...`);
      results.quality[engine] = await runForked<QualityFigures>({ kind: 'quality', engine, k: 10 });
      write(results, stamp);
    }
  }
  for (const size of sizes) {
    const bySize: Record<string, SpeedFigures[]> = (results.speed[String(size)] = {});
    for (let run = 1; run <= repeats; run++) {
      for (const engine of engines) {
        console.error(`${size} articles, run ${run}/${repeats}: ${engine}...`);
        (bySize[engine] ??= []).push(await runForked<SpeedFigures>({ kind: 'speed', engine, size, queries, vocabulary, libraryFile }));
        results.load = loadavg();
        write(results, stamp);
      }
    }
  }
  console.log(formatReport(results));
  return results;
}
