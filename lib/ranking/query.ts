/**
 * "More like this" query building: from the terms of one or more articles, the few terms that
 * best tell what they are about, weighted. Fewer terms mean a faster search; picking them by
 * tf-idf against the library keeps the ones that separate topics.
 */
import type { ArticleTerms, Field } from './article-terms';

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
}

export interface TermStats {
  documentCount: number;
  /** Articles of the library holding the term, not counting the query articles themselves. */
  documentFrequency(term: string): number;
}

function weightedCounts(terms: ArticleTerms[], fieldWeights: Record<Field, number>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const article of terms) {
    for (const field of Object.keys(fieldWeights) as Field[]) {
      const weight = fieldWeights[field];
      for (const term of article[field]) counts.set(term, (counts.get(term) ?? 0) + weight);
    }
  }
  return counts;
}

/** BM25's idf: high for rare terms, near zero for terms most articles share. */
export function inverseDocumentFrequency(df: number, documentCount: number): number {
  return Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
}

/**
 * The `maxTerms` terms with the highest tf-idf over the query articles, leaving out terms no
 * other article holds (they cannot find anything) and terms most articles hold.
 */
export function buildQuery(terms: ArticleTerms[], stats: TermStats, options: QueryOptions): WeightedTerm[] {
  const ranked: { term: string; weight: number; rank: number }[] = [];
  const maxDf = Math.max(1, options.maxDocShare * stats.documentCount);
  for (const [term, count] of weightedCounts(terms, options.fieldWeights)) {
    const df = stats.documentFrequency(term);
    if (df <= 0 || df > maxDf) continue;
    const weight = Math.log1p(count);
    ranked.push({ term, weight, rank: weight * inverseDocumentFrequency(df, stats.documentCount) });
  }
  ranked.sort((a, b) => b.rank - a.rank || (a.term < b.term ? -1 : 1));
  return ranked.slice(0, options.maxTerms).map(({ term, weight }) => ({ term, weight }));
}
