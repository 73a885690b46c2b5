/**
 * Re-ranking by cosine similarity of tf-idf vectors, with Rocchio pseudo-relevance feedback.
 *
 * MiniSearch's BM25 over a bounded "more like this" query finds the candidates fast; comparing
 * whole term vectors then orders them better, and feedback (adding the best neighbours' vectors
 * to the query vector) pulls the ranking toward what the neighbourhood has in common. Both are
 * measured against BM25 alone in tests/bench/tokenizer-options.ts.
 *
 * Vectors are sparse arrays over term numbers given by a TermSpace: a quarter of the memory of a
 * Map per vector (so many candidates' vectors can stay cached), and products read a dense
 * scratch array instead of hashing strings. Sums run in the same order as over the terms
 * themselves, so scores do not depend on the representation.
 */
import { addWeightedCounts, type ArticleTerms, type Field } from './article-terms';

/** Terms by number and their weights, in the order the terms first occur. All weights are > 0. */
export interface TermVector {
  ids: Int32Array;
  values: Float64Array;
}

export class TermSpace {
  private readonly numbers = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Zero everywhere between uses: a vector's weights by term number while it is looked up. */
  private scratch = new Float64Array(1024);

  /** Occurrences weighted by field, damped by log, times idf, scaled to unit length. */
  vector(terms: ArticleTerms, fieldWeights: Record<Field, number>, idf: (term: string) => number): TermVector {
    const counts = addWeightedCounts(new Map(), terms, fieldWeights);
    const ids: number[] = [];
    const values: number[] = [];
    let norm = 0;
    for (const [term, count] of counts) {
      const value = Math.log1p(count) * idf(term);
      if (value <= 0) continue;
      ids.push(this.number(term));
      values.push(value);
      norm += value * value;
    }
    return scaled(ids, values, norm > 0 ? 1 / Math.sqrt(norm) : 0);
  }

  /** The dot products of a unit vector with unit vectors: their cosine similarities. */
  cosines(query: TermVector, vectors: TermVector[]): number[] {
    const dense = this.spread(query);
    const similarities = vectors.map((vector) => {
      let sum = 0;
      for (let i = 0; i < vector.ids.length; i++) {
        const weight = dense[vector.ids[i]];
        if (weight !== 0) sum += vector.values[i] * weight;
      }
      return sum;
    });
    this.clear(query);
    return similarities;
  }

  /** The shared terms of two vectors, largest contribution to their similarity first. */
  sharedTerms(query: TermVector, candidate: TermVector, limit: number): string[] {
    const dense = this.spread(query);
    const shared: [string, number][] = [];
    for (let i = 0; i < candidate.ids.length; i++) {
      const other = dense[candidate.ids[i]];
      if (other !== 0) shared.push([this.terms[candidate.ids[i]], candidate.values[i] * other]);
    }
    this.clear(query);
    return shared
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .map(([term]) => term);
  }

  /** Rocchio: the query plus `share` times the mean of the neighbours, back to unit length. */
  withFeedback(query: TermVector, neighbours: TermVector[], share: number): TermVector {
    if (neighbours.length === 0 || share <= 0) return query;
    const dense = this.spread(query);
    const ids = [...query.ids];
    const each = share / neighbours.length;
    for (const neighbour of neighbours) {
      for (let i = 0; i < neighbour.ids.length; i++) {
        const id = neighbour.ids[i];
        if (dense[id] === 0) ids.push(id);
        dense[id] = dense[id] + each * neighbour.values[i];
      }
    }
    const values = ids.map((id) => dense[id]);
    for (const id of ids) dense[id] = 0;
    let norm = 0;
    for (const value of values) norm += value * value;
    return scaled(ids, values, 1 / Math.sqrt(norm));
  }

  private number(term: string): number {
    let id = this.numbers.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.numbers.set(term, id);
      this.terms.push(term);
      if (id >= this.scratch.length) {
        const grown = new Float64Array(this.scratch.length * 2);
        grown.set(this.scratch);
        this.scratch = grown;
      }
    }
    return id;
  }

  private spread(vector: TermVector): Float64Array {
    const dense = this.scratch;
    for (let i = 0; i < vector.ids.length; i++) dense[vector.ids[i]] = vector.values[i];
    return dense;
  }

  private clear(vector: TermVector): void {
    for (const id of vector.ids) this.scratch[id] = 0;
  }
}

function scaled(ids: number[], values: number[], factor: number): TermVector {
  const vector = { ids: Int32Array.from(ids), values: new Float64Array(values.length) };
  for (let i = 0; i < values.length; i++) vector.values[i] = values[i] * factor;
  return vector;
}
