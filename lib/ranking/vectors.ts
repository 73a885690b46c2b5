/**
 * Re-ranking by cosine similarity of tf-idf vectors, with Rocchio pseudo-relevance feedback.
 *
 * MiniSearch's BM25 over a bounded "more like this" query finds the candidates fast; comparing
 * whole term vectors then orders them better, and feedback (adding the best neighbours' vectors
 * to the query vector) pulls the ranking toward what the neighbourhood has in common. Both are
 * measured against BM25 alone in tests/bench/tokenizer-options.ts.
 */
import type { ArticleTerms, Field } from './article-terms';

export type TermVector = Map<string, number>;

/** Occurrences weighted by field, damped by log, times idf, scaled to unit length. */
export function termVector(terms: ArticleTerms, fieldWeights: Record<Field, number>, idf: (term: string) => number): TermVector {
  const counts = new Map<string, number>();
  for (const field of Object.keys(fieldWeights) as Field[]) {
    const weight = fieldWeights[field];
    for (const term of terms[field]) counts.set(term, (counts.get(term) ?? 0) + weight);
  }
  const vector: TermVector = new Map();
  let norm = 0;
  for (const [term, count] of counts) {
    const value = Math.log1p(count) * idf(term);
    if (value <= 0) continue;
    vector.set(term, value);
    norm += value * value;
  }
  return scale(vector, norm > 0 ? 1 / Math.sqrt(norm) : 0);
}

function scale(vector: TermVector, factor: number): TermVector {
  for (const [term, value] of vector) vector.set(term, value * factor);
  return vector;
}

/** The dot product of two unit vectors; iterates the smaller one. */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, value] of small) {
    const other = large.get(term);
    if (other !== undefined) sum += value * other;
  }
  return sum;
}

/** The shared terms of two vectors, largest contribution to their similarity first. */
export function sharedTerms(query: TermVector, candidate: TermVector, limit: number): string[] {
  const shared: [string, number][] = [];
  for (const [term, value] of candidate) {
    const other = query.get(term);
    if (other !== undefined) shared.push([term, value * other]);
  }
  return shared
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([term]) => term);
}

/** Rocchio: the query plus `share` times the mean of the neighbours, back to unit length. */
export function withFeedback(query: TermVector, neighbours: TermVector[], share: number): TermVector {
  if (neighbours.length === 0 || share <= 0) return query;
  const merged: TermVector = new Map(query);
  const each = share / neighbours.length;
  for (const neighbour of neighbours) for (const [term, value] of neighbour) merged.set(term, (merged.get(term) ?? 0) + each * value);
  let norm = 0;
  for (const value of merged.values()) norm += value * value;
  return scale(merged, 1 / Math.sqrt(norm));
}
