/** Reading the shared labelled abstracts (../shared/eval) for the benchmark scripts. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { articleFromRecord, readJsonl } from '../../lib/cli/commands/eval';
import type { RankableArticle } from '../../lib/ranking/article-terms';

export const EVAL_DIR = [resolve('../shared/eval'), '/work/shared/eval'].find((dir) => existsSync(dir)) ?? resolve('../shared/eval');

export interface LabelledSet {
  name: string;
  articles: RankableArticle[];
  labels: Map<string, string[]>;
}

export function loadLabelled(file: string, label: string): LabelledSet {
  const records = readJsonl(resolve(EVAL_DIR, file));
  const articles = records.map(articleFromRecord);
  return { name: file, articles, labels: new Map(records.map((record, i) => [articles[i].id, [String(record[label])]])) };
}

export const devSets = (): LabelledSet[] => [loadLabelled('dev-zh.jsonl', 'discipline'), loadLabelled('dev-en.jsonl', 'primary_category')];
