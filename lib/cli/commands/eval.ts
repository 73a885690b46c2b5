import { readFileSync } from 'node:fs';
import { normalizeDoi } from '../../text/clean';
import type { RankableArticle } from '../../ranking/article-terms';
import { evaluateQueries, formatEvalLine, leaveOneOutQueries, type EvalQuery } from '../../ranking/evaluate';
import { SimilarityIndex } from '../../ranking/similarity-index';
import { calibrate, formatCalibration, type ScoredNeighbour } from '../../ranking/calibration';
import { type ParsedArgs, UsageError, requireFlag } from '../args';

export const usage =
  'eval --data FILE.jsonl (--label FIELD | --queries QUERIES.jsonl) [--k 10]    similar-article ranking quality (P@k, nDCG@k)';

type JsonRecord = Record<string, unknown>;

export function readJsonl(path: string): JsonRecord[] {
  const records: JsonRecord[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        records.push(JSON.parse(line) as JsonRecord);
      } catch {
        throw new Error(`${path}:${i + 1}: not a JSON line`);
      }
    });
  return records;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);

/** An eval record ({id, title, abstract, keywords?, doi?}) as the ranker reads an article. */
export function articleFromRecord(record: JsonRecord): RankableArticle {
  if (record.id === undefined || record.id === null) throw new Error('a record has no id');
  const keywords = Array.isArray(record.keywords) ? record.keywords.filter((k): k is string => typeof k === 'string') : [];
  return {
    id: String(record.id),
    title: text(record.title),
    abstract: text(record.abstract),
    keyword: keywords.length ? keywords.join('; ') : text(record.keyword),
    DOI: normalizeDoi(text(record.doi) ?? text(record.DOI)) || undefined,
  };
}

function labelsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined && v !== '').map(String);
  return value === null || value === undefined || value === '' ? [] : [String(value)];
}

function queriesFromFile(path: string): EvalQuery[] {
  return readJsonl(path).map((record) => {
    const id = String(record.id);
    const relevant = Array.isArray(record.relevant) ? record.relevant.map(String) : [];
    // A query is free text: it has no identity of its own that could match a library article.
    return { id, article: { id: `query:${id}`, abstract: text(record.text) ?? '', titleKey: '', fingerprint: '' }, relevant: new Set(relevant) };
  });
}

export function runEval(args: ParsedArgs): string[] {
  const data = requireFlag(args, 'data');
  const k = Number(args.flags.get('k') ?? 10);
  if (!Number.isInteger(k) || k < 1) throw new UsageError('--k must be a positive integer');
  const label = args.flags.get('label');
  const queriesPath = args.flags.get('queries');
  if (Boolean(label) === Boolean(queriesPath)) throw new UsageError('give either --label FIELD or --queries QUERIES.jsonl');
  const records = readJsonl(data);
  const articles = records.map(articleFromRecord);
  const index = SimilarityIndex.create(articles);
  const queries = label
    ? leaveOneOutQueries(articles, new Map(records.map((record, i) => [articles[i].id, labelsOf(record[label])])))
    : queriesFromFile(queriesPath!);
  const rankings: ScoredNeighbour[][] = [];
  const result = evaluateQueries(index, queries, k, (query, ranked) => {
    rankings.push(ranked.map(({ id, score }) => ({ score, relevant: query.relevant.has(id) })));
  });
  const mode = label ? `leave-one-out on "${label}"` : `queries ${queriesPath}`;
  return [`articles ${articles.length}, ${mode}, k ${k}`, ...formatCalibration(calibrate(rankings), k), formatEvalLine(result)];
}

export function run(args: ParsedArgs): void {
  process.stdout.write(`${runEval(args).join('\n')}\n`);
}
