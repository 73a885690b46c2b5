/**
 * The candidate search of "more like this", run over MiniSearch's own inverted index.
 *
 * It gives the scores of MiniSearch's OR query with term boosts (BM25 with MiniSearch's
 * defaults, each field boosted, a document's sum multiplied by the number of query terms it
 * matched, summed in the same order) and the same order of results. What differs is the
 * bookkeeping: sums go into arrays indexed by MiniSearch's short document ids, where
 * MiniSearch builds a result object per document and term and merges them. With a 20-term query
 * on a large library that bookkeeping was most of the query's time (tests/bench/ranking.ts).
 * Only the few best matches become objects.
 */
import { FieldLengths } from './document-maps';
import type { MiniSearchInternals } from './minisearch-internals';
import type { Postings } from './posting-list';
import { inverseDocumentFrequency } from './query';
import { TermIndex } from './term-index';

export interface QueryTerm {
  /** The term as spelled in the index. */
  key: string;
  boost: number;
}

export interface ScoredDocument {
  docId: number;
  score: number;
}

// MiniSearch's default BM25 parameters.
const K = 1.2;
const B = 0.7;
const D = 0.5;

/** Extra matches looked at beyond the wanted count: the query article itself is usually among the best. */
const SPARE_MATCHES = 8;

export class MoreLikeThis {
  /** Sums per short document id; zero between queries. */
  private total = new Float64Array(0);
  private termTotal = new Float64Array(0);
  private matchedTerms = new Uint16Array(0);
  /** Documents matched by the query in order of first match, by the current term, and their scores. */
  private touched = new Int32Array(0);
  private termTouched = new Int32Array(0);
  private scores = new Float64Array(0);
  private busy = false;
  /** MiniSearch's field lengths, read by short id (document-maps.ts). */
  private readonly lengths: FieldLengths;
  private readonly fields: number;

  /**
   * `fieldBoosts`: field number and boost, in the order MiniSearch scores fields. An index that
   * MiniSearch made itself (not loaded from a snapshot or built by the bulk writer) gets its field
   * lengths' Map replaced by a FieldLengths holding the same entries.
   */
  constructor(
    private readonly mini: MiniSearchInternals,
    private readonly fieldBoosts: [number, number][],
  ) {
    this.fields = Object.keys(mini._fieldIds).length;
    if (!(mini._fieldLength instanceof FieldLengths)) mini._fieldLength = FieldLengths.fromMap(this.fields, mini._fieldLength) as unknown as Map<number, number[]>;
    this.lengths = mini._fieldLength as unknown as FieldLengths;
  }

  /** The `count` best-scoring documents that `accept` takes, best first; ties keep the order of first match. */
  best(terms: QueryTerm[], accept: (docId: number) => boolean, count: number): ScoredDocument[] {
    // `accept` runs while the lists hold this query's matches: a query asked from inside it gets lists of its own.
    if (this.busy) return new MoreLikeThis(this.mini, this.fieldBoosts).best(terms, accept, count);
    this.busy = true;
    try {
      return this.bestMatches(terms, accept, count);
    } finally {
      this.busy = false;
    }
  }

  private bestMatches(terms: QueryTerm[], accept: (docId: number) => boolean, count: number): ScoredDocument[] {
    const matched = this.accumulate(terms);
    const { touched, total, matchedTerms } = this;
    const scores = this.scores.subarray(0, matched);
    for (let i = 0; i < matched; i++) {
      const docId = touched[i];
      scores[i] = total[docId] * matchedTerms[docId];
      total[docId] = 0;
      matchedTerms[docId] = 0;
    }
    // Looking at a few more than wanted is enough unless `accept` turns many down: then look at more.
    for (let wanted = count + SPARE_MATCHES; ; wanted *= 4) {
      const kept: ScoredDocument[] = [];
      const best = bestPositions(scores, wanted);
      for (const position of best) {
        if (kept.length >= count) break;
        if (accept(touched[position])) kept.push({ docId: touched[position], score: scores[position] });
      }
      if (kept.length >= count || best.length === matched) return kept;
    }
  }

  /** Which of the terms the document holds, in the given order. */
  matchedBy(docId: number, terms: QueryTerm[]): QueryTerm[] {
    return terms.filter(({ key }) => [...(this.mini._index.get(key)?.values() ?? [])].some((documents) => documents.has(docId)));
  }

  /**
   * Articles holding the term in any one field (the largest of the fields' counts). A loaded
   * snapshot's term is read by its number (documentFrequencyAt) without making its entry: a
   * question weighs every term of its article and searches a few dozen.
   */
  documentFrequency(key: string): number {
    const index = this.mini._index;
    const termNumber = index instanceof TermIndex ? index.numberOf(key) : -1;
    const fromSizes = termNumber < 0 ? undefined : this.documentFrequencyAt(termNumber);
    if (fromSizes !== undefined) return fromSizes;
    let frequency = 0;
    for (const documents of this.mini._index.get(key)?.values() ?? []) frequency = Math.max(frequency, this.liveCount(documents));
    return frequency;
  }

  /**
   * documentFrequency() of the term with this number in the index's TermIndex (its numberOf), read
   * from its lists' sizes without making its entry; undefined where those sizes cannot tell:
   * discarded documents not yet vacuumed still hold postings, and only the entries tell them apart.
   */
  documentFrequencyAt(termNumber: number): number | undefined {
    return this.mini._dirtCount === 0 ? (this.mini._index as TermIndex).largestList(termNumber) : undefined;
  }

  /**
   * Adds each term's BM25 scores into `total`; the documents matched go into `touched` in order of
   * first match, and their number is returned. The lists are kept from query to query: growing
   * fresh arrays of up to a library's size made most of a query's garbage, and the collections
   * it set off made the slowest queries (tests/bench/ranking.ts).
   */
  private accumulate(terms: QueryTerm[]): number {
    this.reserve(this.mini._nextId);
    const lengths = this.lengths.rows();
    const { total, termTotal, matchedTerms, mini, touched, termTouched, fields } = this;
    let matched = 0;
    for (const { key, boost } of terms) {
      const postings = mini._index.get(key);
      if (!postings) continue;
      let termMatched = 0;
      for (const [fieldId, fieldBoost] of this.fieldBoosts) {
        const frequencies = postings.get(fieldId);
        if (!frequencies) continue;
        const holders = this.liveCount(frequencies);
        const idf = inverseDocumentFrequency(holders, mini._documentCount);
        const averageLength = mini._avgFieldLength[fieldId];
        const weight = boost * fieldBoost;
        frequencies.forEach((frequency, docId) => {
          const length = lengths[docId * fields + fieldId];
          if (length === 0) return; // discarded, not yet vacuumed out of the postings
          const bm25 = idf * (D + (frequency * (K + 1)) / (frequency + K * (1 - B + (B * length) / averageLength)));
          if (termTotal[docId] === 0) termTouched[termMatched++] = docId;
          termTotal[docId] += weight * bm25;
        });
      }
      // A term's field scores are summed first, then added to the document's sum, as MiniSearch does.
      for (let i = 0; i < termMatched; i++) {
        const docId = termTouched[i];
        if (matchedTerms[docId] === 0) touched[matched++] = docId;
        total[docId] += termTotal[docId];
        matchedTerms[docId] += 1;
        termTotal[docId] = 0;
      }
    }
    return matched;
  }

  /** Postings of discarded documents stay until MiniSearch vacuums; they do not count as holders. */
  private liveCount(frequencies: Postings): number {
    if (this.mini._dirtCount === 0) return frequencies.size;
    let live = 0;
    for (const docId of frequencies.keys()) if (this.mini._fieldLength.has(docId)) live++;
    return live;
  }

  private reserve(size: number): void {
    if (this.total.length >= size) return;
    const capacity = Math.max(size, this.total.length * 2, 1024);
    this.total = new Float64Array(capacity);
    this.termTotal = new Float64Array(capacity);
    this.matchedTerms = new Uint16Array(capacity);
    this.touched = new Int32Array(capacity);
    // A document scoring 0 in a field (boost 0) is listed again by the next field.
    this.termTouched = new Int32Array(capacity * Math.max(1, this.fieldBoosts.length));
    this.scores = new Float64Array(capacity);
  }
}

/**
 * Positions of the `count` highest scores, highest first, earlier position first among equals:
 * a bounded heap, since sorting every match of a large library costs more than the search. It
 * allocates nothing but its answer and the heap, which a query's garbage is made of otherwise.
 */
export function bestPositions(scores: Float64Array, count: number): number[] {
  const n = scores.length;
  if (count >= n) return Array.from({ length: n }, (_, i) => i).sort((a, b) => (isBetter(scores, a, b) ? -1 : 1));
  if (!(count > 0)) return [];
  count = Math.ceil(count); // as many as a heap grown while smaller than `count` holds
  // Min-heap on "better": the root is the worst position kept so far.
  const heap = new Int32Array(count);
  for (let position = 0; position < count; position++) {
    heap[position] = position;
    for (let i = position; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!isBetter(scores, heap[parent], heap[i])) break;
      const swapped = heap[i];
      heap[i] = heap[parent];
      heap[parent] = swapped;
      i = parent;
    }
  }
  for (let position = count; position < n; position++) {
    if (!isBetter(scores, position, heap[0])) continue;
    heap[0] = position;
    siftDown(scores, heap, count);
  }
  // Taking the worst off the heap, one at a time, fills the answer from its end.
  const best = new Array<number>(count);
  for (let size = count; size > 0; size--) {
    best[size - 1] = heap[0];
    heap[0] = heap[size - 1];
    siftDown(scores, heap, size - 1);
  }
  return best;
}

function isBetter(scores: Float64Array, a: number, b: number): boolean {
  return scores[a] > scores[b] || (scores[a] === scores[b] && a < b);
}

/** Moves the root of the heap's first `size` entries down to its place. */
function siftDown(scores: Float64Array, heap: Int32Array, size: number): void {
  for (let i = 0; ; ) {
    const left = 2 * i + 1;
    const right = left + 1;
    let worst = i;
    if (left < size && isBetter(scores, heap[worst], heap[left])) worst = left;
    if (right < size && isBetter(scores, heap[worst], heap[right])) worst = right;
    if (worst === i) return;
    const swapped = heap[i];
    heap[i] = heap[worst];
    heap[worst] = swapped;
    i = worst;
  }
}
