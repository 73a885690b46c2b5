/**
 * "More like this" query building: from the terms of one or more articles, the few terms that
 * best tell what they are about, weighted. Fewer terms mean a faster search; picking them by
 * tf-idf against the library keeps the ones that separate topics.
 */
import { addWeightedCounts, type ArticleTerms, type Field } from './article-terms';

export interface WeightedTerm {
  term: string;
  /** How much the term says about the query articles (query-side weight, no idf). */
  weight: number;
}

export interface QueryOptions {
  maxTerms: number;
  /** Weight of an occurrence in each field when counting a term in the query articles. */
  fieldWeights: Record<Field, number>;
  /** Terms found in more than this share of the library are too common to be worth a lookup. */
  maxDocShare: number;
  /** Terms are picked by weight x idf^selectIdfPower: above 1 favours rare terms, below 1 common ones. */
  selectIdfPower: number;
  /** Each picked term is boosted by weight x idf^boostIdfPower (BM25 applies one idf by itself). */
  boostIdfPower: number;
}

export interface TermStats {
  documentCount: number;
  /** Articles of the library holding the term, not counting the query articles themselves. */
  documentFrequency(term: string): number;
}

/** Each term's weight in the query articles: occurrences weighted by field, damped by log. */
export function termWeights(terms: ArticleTerms[], fieldWeights: Record<Field, number>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const article of terms) addWeightedCounts(counts, article, fieldWeights);
  for (const [term, count] of counts) counts.set(term, Math.log1p(count));
  return counts;
}

const MIN_DOC_CAP = 100;

/** BM25's idf, as MiniSearch computes it: high for rare terms, near zero for terms most articles share. */
export function inverseDocumentFrequency(df: number, documentCount: number): number {
  return Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
}

interface RankedTerm extends WeightedTerm {
  rank: number;
}

/** Higher rank first, then the term that sorts first: a total order, since terms differ. */
const outranks = (rank: number, term: string, b: RankedTerm) => rank > b.rank || (rank === b.rank && term < b.term);

/**
 * The `maxTerms` terms with the highest weight x idf, leaving out terms no other article holds
 * (they cannot find anything) and terms too many articles hold. Only the best so far are kept,
 * in order: an article has hundreds of terms, and ranking them all made garbage on every query.
 */
export function selectTerms(weights: Map<string, number>, stats: TermStats, options: QueryOptions): WeightedTerm[] {
  const best: RankedTerm[] = [];
  const maxTerms = Math.floor(options.maxTerms);
  if (!(maxTerms > 0)) return best;
  // The cap saves time on large libraries only: in a small one, a term shared by a few articles is topical.
  const maxDf = Math.max(MIN_DOC_CAP, options.maxDocShare * stats.documentCount);
  // forEach, not for-of: iterating entries makes an array per term.
  weights.forEach((weight, term) => {
    const df = stats.documentFrequency(term);
    if (df <= 0 || df > maxDf) return;
    const idf = inverseDocumentFrequency(df, stats.documentCount);
    const rank = weight * idf ** options.selectIdfPower;
    if (best.length >= maxTerms && !outranks(rank, term, best[best.length - 1])) return;
    let at = best.length;
    while (at > 0 && outranks(rank, term, best[at - 1])) at--;
    best.splice(at, 0, { term, weight: weight * idf ** options.boostIdfPower, rank });
    if (best.length > maxTerms) best.pop();
  });
  return best.map(({ term, weight }) => ({ term, weight }));
}
