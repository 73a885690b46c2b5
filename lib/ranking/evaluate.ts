/**
 * Ranking quality, measured the way the `eval` command reports it: precision and nDCG at k
 * (binary relevance) over queries whose relevant articles are known.
 */
import type { RankableArticle } from './article-terms';
import { DEFAULT_RANKER, SimilarityIndex, type RankerOptions, type SimilarArticle } from './similarity-index';

export function precisionAtK(relevance: boolean[], k: number): number {
  let hits = 0;
  for (let i = 0; i < k && i < relevance.length; i++) if (relevance[i]) hits++;
  return hits / k;
}

/** nDCG with gain 1 per relevant article; the ideal ranking puts min(k, totalRelevant) of them first. */
export function ndcgAtK(relevance: boolean[], totalRelevant: number, k: number): number {
  const discount = (rank: number) => 1 / Math.log2(rank + 2);
  let dcg = 0;
  for (let i = 0; i < k && i < relevance.length; i++) if (relevance[i]) dcg += discount(i);
  let ideal = 0;
  for (let i = 0; i < Math.min(k, totalRelevant); i++) ideal += discount(i);
  return ideal === 0 ? 0 : dcg / ideal;
}

export interface EvalQuery {
  id: string;
  /** The article to find neighbours of. */
  article: RankableArticle;
  relevant: Set<string>;
}

export interface EvalResult {
  precision: number;
  ndcg: number;
  queries: number;
  k: number;
}

/**
 * Queries without any relevant article are not counted: no ranking could score on them.
 * `onRanked` sees each counted query's ranking (the calibration of scores reads them).
 */
export function evaluateQueries(index: SimilarityIndex, queries: EvalQuery[], k: number, onRanked?: (query: EvalQuery, ranked: SimilarArticle[]) => void): EvalResult {
  let precision = 0;
  let ndcg = 0;
  let counted = 0;
  for (const query of queries) {
    if (query.relevant.size === 0) continue;
    const ranked = index.similarTo(query.article, { limit: k });
    onRanked?.(query, ranked);
    const relevance = ranked.map((result) => query.relevant.has(result.id));
    precision += precisionAtK(relevance, k);
    ndcg += ndcgAtK(relevance, query.relevant.size, k);
    counted++;
  }
  return { precision: counted ? precision / counted : 0, ndcg: counted ? ndcg / counted : 0, queries: counted, k };
}

/** Each article in turn is the query; the others sharing one of its labels are relevant. */
export function leaveOneOutQueries(articles: RankableArticle[], labels: Map<string, string[]>): EvalQuery[] {
  const byLabel = new Map<string, string[]>();
  for (const article of articles) {
    for (const label of labels.get(article.id) ?? []) {
      const members = byLabel.get(label);
      if (members) members.push(article.id);
      else byLabel.set(label, [article.id]);
    }
  }
  return articles.map((article) => {
    const relevant = new Set<string>();
    for (const label of labels.get(article.id) ?? []) for (const id of byLabel.get(label) ?? []) if (id !== article.id) relevant.add(id);
    return { id: article.id, article, relevant };
  });
}

export function evaluateLeaveOneOut(
  articles: RankableArticle[],
  labels: Map<string, string[]>,
  k: number,
  options: RankerOptions = DEFAULT_RANKER,
): EvalResult {
  return evaluateQueries(SimilarityIndex.create(articles, options), leaveOneOutQueries(articles, labels), k);
}

/** Formats the result as the eval command's last line ("P@10 0.xxx nDCG@10 0.xxx queries N"). */
export function formatEvalLine(result: EvalResult): string {
  return `P@${result.k} ${result.precision.toFixed(3)} nDCG@${result.k} ${result.ndcg.toFixed(3)} queries ${result.queries}`;
}
