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
import { decodeVarintsInto, VarintWriter } from './varint';
import { grown } from './typed-arrays';
import { findInKeyOrder, isSortedKeyOrder, sortedKeyOrder, sortedKeyOrderAfter } from './key-order';

/** Terms by number and their weights, in the order the terms first occur. All weights are > 0. */
export interface TermVector {
  ids: Int32Array;
  values: Float64Array;
}

export class TermSpace {
  /** Term -> number: every term's, or, after a load from terms in sorted order (of), those put in so far (mapSome); the others are found in `loadedOrder`. */
  private readonly numbers = new Map<string, number>();
  private terms: string[] = [];
  /**
   * A loaded space's terms' numbers in ascending order of term: until all are in `numbers`, terms
   * are looked up there. Putting 100,000 terms into a Map was a third of loading a library of
   * 50,000 articles with a real library's vocabulary, and only a query's few hundred terms are
   * looked up before the warm-up has put them in. `mapped`: how many are in `numbers` (by number,
   * from 0). Kept once all are: the next snapshot's order is it merged with the terms added since.
   */
  private loadedOrder: Uint32Array | undefined;
  private mapped = 0;
  /** Zero everywhere between uses: a vector's weights by term number while it is looked up. */
  private scratch = new Float64Array(1024);
  /** sharedTerms()'s positions in the candidate, in order, and their parts of the similarity. */
  private sharedOrder = new Int32Array(64);
  private sharedParts = new Float64Array(64);

  /** Occurrences weighted by field, damped by log, times idf, scaled to unit length. */
  vector(terms: ArticleTerms, fieldWeights: Record<Field, number>, idf: (term: string) => number, pool?: VectorPool): TermVector {
    const counts = addWeightedCounts(new Map(), terms, fieldWeights);
    for (const [term, count] of counts) counts.set(term, Math.log1p(count));
    return this.vectorOfWeights(counts, idf, pool);
  }

  /**
   * vector() from the log-damped weighted counts themselves (termWeights() in query.ts gives
   * them for the query's own terms): weight times idf, scaled to unit length.
   */
  vectorOfWeights(weights: Map<string, number>, idf: (term: string) => number, pool?: VectorPool): TermVector {
    const room = pool ?? new VectorPool(weights.size);
    const start = room.reserve(weights.size);
    const { ids, values } = room;
    let kept = 0;
    let norm = 0;
    // forEach, not for-of: iterating entries makes an array per term.
    weights.forEach((weight, term) => {
      const value = weight * idf(term);
      if (value <= 0) return;
      ids[start + kept] = this.number(term);
      values[start + kept] = value;
      norm += value * value;
      kept++;
    });
    return room.take(start, kept, norm > 0 ? 1 / Math.sqrt(norm) : 0);
  }

  /** The dot products of a unit vector with unit vectors: their cosine similarities. */
  cosines(query: TermVector, vectors: TermVector[]): number[] {
    const dense = this.spread(query);
    const similarities = new Array<number>(vectors.length);
    for (let v = 0; v < vectors.length; v++) {
      const { ids, values } = vectors[v];
      let sum = 0;
      for (let i = 0; i < ids.length; i++) {
        const weight = dense[ids[i]];
        if (weight !== 0) sum += values[i] * weight;
      }
      similarities[v] = sum;
    }
    this.clear(query);
    return similarities;
  }

  /**
   * The shared terms of two vectors that `keep` takes, largest contribution to their similarity
   * first (then in order of spelling), at most `limit`. Sorted in scratch arrays kept between
   * calls: the pairs and the sort of every shared term made a tenth of a query's garbage.
   */
  sharedTerms(query: TermVector, candidate: TermVector, limit: number, keep?: (term: string) => boolean): string[] {
    const dense = this.spread(query);
    if (this.sharedOrder.length < candidate.ids.length) {
      this.sharedOrder = new Int32Array(candidate.ids.length * 2);
      this.sharedParts = new Float64Array(candidate.ids.length * 2);
    }
    const { sharedOrder: order, sharedParts: parts, terms } = this;
    let count = 0;
    for (let i = 0; i < candidate.ids.length; i++) {
      const other = dense[candidate.ids[i]];
      if (other === 0) continue;
      const part = candidate.values[i] * other;
      const term = terms[candidate.ids[i]];
      // Insertion sort: a few dozen shared terms, each term once (a vector holds a term once).
      let at = count++;
      for (; at > 0; at--) {
        const before = parts[at - 1];
        if (before > part || (before === part && terms[candidate.ids[order[at - 1]]] < term)) break;
        order[at] = order[at - 1];
        parts[at] = before;
      }
      order[at] = i;
      parts[at] = part;
    }
    this.clear(query);
    const shared: string[] = [];
    for (let n = 0; n < count && shared.length < limit; n++) {
      const term = terms[candidate.ids[order[n]]];
      if (!keep || keep(term)) shared.push(term);
    }
    return shared;
  }

  /** Rocchio: the query plus `share` times the mean of the neighbours, back to unit length. */
  withFeedback(query: TermVector, neighbours: TermVector[], share: number, pool?: VectorPool): TermVector {
    if (neighbours.length === 0 || share <= 0) return query;
    let most = query.ids.length;
    for (const neighbour of neighbours) most += neighbour.ids.length;
    const room = pool ?? new VectorPool(most);
    const start = room.reserve(most);
    const { ids, values } = room;
    const dense = this.spread(query);
    ids.set(query.ids, start);
    let length = query.ids.length;
    const each = share / neighbours.length;
    for (const neighbour of neighbours) {
      for (let i = 0; i < neighbour.ids.length; i++) {
        const id = neighbour.ids[i];
        if (dense[id] === 0) ids[start + length++] = id;
        dense[id] = dense[id] + each * neighbour.values[i];
      }
    }
    let norm = 0;
    for (let i = start; i < start + length; i++) {
      const value = dense[ids[i]];
      values[i] = value;
      dense[ids[i]] = 0;
      norm += value * value;
    }
    return room.take(start, length, 1 / Math.sqrt(norm));
  }

  /** How many terms have numbers. */
  get size(): number {
    return this.terms.length;
  }

  /** The term a number stands for. */
  term(id: number): string {
    return this.terms[id];
  }

  /** Every numbered term, in the order of their numbers (for snapshots). */
  allTerms(): readonly string[] {
    return this.terms;
  }

  /**
   * A space with these terms numbered in this order (from a snapshot). With `sorted`, their numbers
   * in ascending order of term (sortedOrder()), the terms are looked up there until mapSome() has
   * put them in the Map; undefined when `sorted` is not that order.
   */
  static of(terms: string[], sorted?: Uint32Array): TermSpace | undefined {
    const space = new TermSpace();
    if (!sorted) {
      for (const term of terms) space.number(term);
      return space;
    }
    if (!isSortedKeyOrder(terms, sorted)) return undefined;
    space.terms = terms;
    space.scratch = new Float64Array(Math.max(space.scratch.length, terms.length));
    space.loadedOrder = sorted;
    return space;
  }

  number(term: string): number {
    let id = this.numbers.get(term);
    // A loaded term not yet in the Map: found in the loaded order.
    if (id === undefined && this.loadedOrder && this.mapped < this.loadedOrder.length) {
      const loaded = findInKeyOrder(this.terms, this.loadedOrder, term);
      if (loaded >= 0) id = loaded;
    }
    if (id === undefined) {
      id = this.terms.length;
      this.numbers.set(term, id);
      this.terms.push(term);
      if (id >= this.scratch.length) this.scratch = grown(this.scratch, this.scratch.length * 2);
    }
    return id;
  }

  /**
   * Every term's number in ascending order of term: what of() is given with the terms to load
   * without a Map. After a load, the loaded order merged with the terms added since (sorting
   * 100,000 terms took a third of a save).
   */
  sortedOrder(): Uint32Array {
    return this.loadedOrder ? sortedKeyOrderAfter(this.terms, this.loadedOrder) : sortedKeyOrder(this.terms);
  }

  /** Puts the next `count` loaded terms into the Map; true once all are (looking them up in the loaded order then ends). */
  mapSome(count: number): boolean {
    const total = this.loadedOrder?.length ?? 0;
    const last = Math.min(total, this.mapped + Math.floor(count));
    for (let id = this.mapped; id < last; id++) this.numbers.set(this.terms[id], id);
    this.mapped = last;
    return last >= total;
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

/**
 * Room for the vectors of one query (the candidates', the query's own): they are views into two
 * arrays kept from query to query, where each vector used to be two arrays of its own (some
 * 30 KB of garbage a query, and a buffer apiece for the collector to sweep). A vector taken from
 * the pool is valid until the pool is emptied; growing the pool leaves earlier vectors where they
 * are.
 */
export class VectorPool {
  ids: Int32Array;
  values: Float64Array;
  private used = 0;

  constructor(capacity = 4096) {
    this.ids = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
  }

  /** Forgets every vector taken: their room is written again. */
  empty(): void {
    this.used = 0;
  }

  /** Where a vector of up to `length` terms may be written into `ids` and `values`. */
  reserve(length: number): number {
    if (this.used + length > this.ids.length) {
      const capacity = Math.max(length, this.ids.length * 2);
      this.ids = new Int32Array(capacity);
      this.values = new Float64Array(capacity);
      this.used = 0;
    }
    return this.used;
  }

  /** The `length` terms written at `start`, their values multiplied by `factor`, as a vector. */
  take(start: number, length: number, factor: number): TermVector {
    const { ids, values } = this;
    for (let i = start; i < start + length; i++) values[i] = values[i] * factor;
    this.used = start + length;
    return { ids: ids.subarray(start, start + length), values: values.subarray(start, start + length) };
  }
}

/** Weighted counts are kept in quarters: exact for field weights that are whole, halves or quarters. */
const COUNT_STEP = 4;
const MAX_COUNT = 0xffff;

/** What a snapshot keeps of a DocumentVectors: the bytes it holds them in, used as they are when loaded. */
export interface SerializedVectors {
  /** Per document, per term: its number and its weighted count in quarters, as varints (varint.ts). */
  terms: Uint8Array;
  /** Per document: its short id and where its bytes end in `terms` (they start where the previous document's end). */
  documents: Uint32Array;
}

/**
 * Each indexed article's re-ranking terms, built once when it is indexed: term numbers and
 * weighted counts (occurrences weighted by field) in the order the terms first occur, by
 * MiniSearch's short document id. A candidate's tf-idf vector is then a pass over them with the
 * current idf by term number, where it used to be a stored string split and counted in a Map
 * for every candidate of every query (a third of a query's time).
 *
 * They are kept as varints, as a snapshot keeps them, and decoded per candidate (some 70 terms,
 * microseconds): 10 MB at 50,000 articles where decoded arrays took 21 MB, and loading a
 * snapshot takes its bytes as they are instead of decoding 7 million numbers. The bytes of a
 * snapshot or a finished build are never written again; documents set later go to a buffer of
 * their own (so the first capture after a load copies nothing).
 */
export class DocumentVectors {
  /** Bytes from a snapshot or a finished build. */
  private sealed: Uint8Array = new Uint8Array(0);
  /** Bytes of documents set since. */
  private added = new VarintWriter();
  /** By short document id: where its bytes start and how many there are (0: no terms), and whether they are in `added`. */
  private starts = new Uint32Array(1024);
  private lengths = new Uint32Array(1024);
  private inAdded = new Uint8Array(1024);
  /** A decoded document: term number, count, term number, count... */
  private decoded = new Uint32Array(1024);
  /**
   * A loaded snapshot's bytes are checked after the load, a slice at a time (checkSome: a whole
   * pass took a third of loading 50,000 articles); until then each document is checked as it is
   * read. The snapshot's documents and how many of them are checked.
   */
  private unchecked: { documents: Uint32Array; checked: number } | undefined;
  /** The term count of the snapshot whose bytes are sealed: its term numbers are below it. */
  private sealedTermCount = 0;
  private isDamaged = false;

  /** Sets a document's terms: `counts` by term, in order of first occurrence, as addWeightedCounts() gives them. */
  set(docId: number, space: TermSpace, counts: Map<string, number>): void {
    const start = this.startDocument(docId);
    for (const [term, count] of counts) this.writeTerm(space.number(term), count);
    this.endDocument(docId, start);
  }

  /** set() for terms numbered already (the bulk build, bulk-build.ts): `numbers[i]` weighs `counts[i]`, for i < `length`. */
  setNumbered(docId: number, numbers: ArrayLike<number>, counts: ArrayLike<number>, length: number): void {
    const start = this.startDocument(docId);
    for (let i = 0; i < length; i++) this.writeTerm(numbers[i], counts[i]);
    this.endDocument(docId, start);
  }

  /** Where the document's terms start among the bytes added. */
  private startDocument(docId: number): number {
    this.reserveDocuments(docId + 1);
    return this.added.size;
  }

  private writeTerm(number: number, count: number): void {
    this.added.write(number);
    this.added.write(Math.min(MAX_COUNT, Math.round(count * COUNT_STEP)));
  }

  private endDocument(docId: number, start: number): void {
    this.starts[docId] = start;
    this.lengths[docId] = this.added.size - start;
    this.inAdded[docId] = 1;
  }

  /**
   * The document's tf-idf vector, as TermSpace.vector() makes it from the same terms: log-damped
   * weighted counts times idf, terms with no weight left out, scaled to unit length, summed in
   * the same order (so scores do not depend on the representation).
   */
  vector(docId: number, idf: (id: number) => number, pool?: VectorPool): TermVector {
    const numbers = this.decode(docId);
    const decoded = this.decoded;
    const room = pool ?? new VectorPool(numbers >> 1);
    const start = room.reserve(numbers >> 1);
    const { ids, values } = room;
    let kept = 0;
    let norm = 0;
    for (let i = 0; i < numbers; i += 2) {
      const value = Math.log1p(decoded[i + 1] / COUNT_STEP) * idf(decoded[i]);
      if (value <= 0) continue;
      ids[start + kept] = decoded[i];
      values[start + kept] = value;
      norm += value * value;
      kept++;
    }
    return room.take(start, kept, norm > 0 ? 1 / Math.sqrt(norm) : 0);
  }

  /** Once a build has set every document: its bytes are sealed, trimmed to what they take. */
  seal(): void {
    if (this.sealed.length > 0) return;
    this.sealed = this.added.finish();
    this.added = new VarintWriter();
    this.inAdded.fill(0);
  }

  /** The documents' terms, compacted: only the documents named (the live ones), in that order. */
  serialize(docIds: Iterable<number>): SerializedVectors {
    const documents: number[] = [];
    let total = 0;
    for (const docId of docIds) {
      total += docId < this.lengths.length ? this.lengths[docId] : 0;
      documents.push(docId, total);
    }
    const terms = new Uint8Array(total);
    let at = 0;
    for (let i = 0; i < documents.length; i += 2) {
      const docId = documents[i];
      const length = documents[i + 1] - at;
      if (length > 0) terms.set(this.bytesOf(docId).subarray(this.starts[docId], this.starts[docId] + length), at);
      at += length;
    }
    return { terms, documents: Uint32Array.from(documents) };
  }

  /**
   * From serialize()'s arrays, the bytes used as they are; throws on arrays that do not fit
   * together. The bytes themselves (term numbers below `termCount`) are checked later (checkSome)
   * or as each document is read.
   */
  static deserialize({ terms, documents }: SerializedVectors, termCount: number): DocumentVectors {
    if (!(terms instanceof Uint8Array) || !(documents instanceof Uint32Array) || documents.length % 2) throw new Error('not serialized vectors');
    const vectors = new DocumentVectors();
    vectors.sealed = terms;
    let start = 0;
    for (let i = 0; i < documents.length; i += 2) {
      const docId = documents[i];
      const end = documents[i + 1];
      if (end < start || end > terms.length) throw new Error('not serialized vectors');
      vectors.reserveDocuments(docId + 1);
      vectors.starts[docId] = start;
      vectors.lengths[docId] = end - start;
      start = end;
    }
    if (start !== terms.length) throw new Error('not serialized vectors');
    vectors.sealedTermCount = termCount;
    if (documents.length > 0) vectors.unchecked = { documents, checked: 0 };
    return vectors;
  }

  /**
   * Checks the next `count` documents of a loaded snapshot: their bytes hold pairs of a term
   * number below the snapshot's term count and a count. True once every document is checked; a
   * damaged one marks the vectors damaged.
   */
  checkSome(count: number): boolean {
    const unchecked = this.unchecked;
    if (!unchecked) return true;
    const { documents } = unchecked;
    const last = Math.min(documents.length / 2, unchecked.checked + Math.floor(count));
    for (let document = unchecked.checked; document < last; document++) {
      const start = document === 0 ? 0 : documents[document * 2 - 1];
      if (this.decodeSealed(start, documents[document * 2 + 1]) < 0) return this.foundDamaged();
    }
    unchecked.checked = last;
    if (last * 2 < documents.length) return false;
    this.unchecked = undefined;
    return true;
  }

  /** Whether a snapshot's bytes were found not to hold what they should: such a document has no terms, and the index is worth building again. */
  get damaged(): boolean {
    return this.isDamaged;
  }

  private foundDamaged(): true {
    this.isDamaged = true;
    this.unchecked = undefined;
    return true;
  }

  /** Decodes sealed bytes into `decoded`; returns how many numbers, or -1 unless they are pairs of a term number below the snapshot's term count and a count. */
  private decodeSealed(start: number, end: number): number {
    this.reserveDecoded(end - start);
    let numbers: number;
    try {
      numbers = decodeVarintsInto(this.sealed, start, end, this.decoded);
    } catch {
      return -1;
    }
    if (numbers % 2) return -1;
    for (let i = 0; i < numbers; i += 2) if (this.decoded[i] >= this.sealedTermCount) return -1;
    return numbers;
  }

  private bytesOf(docId: number): Uint8Array {
    return this.inAdded[docId] ? this.added.written() : this.sealed;
  }

  /** Decodes a document's numbers into `decoded`; returns how many. */
  private decode(docId: number): number {
    const length = docId < this.lengths.length ? this.lengths[docId] : 0;
    if (length === 0) return 0;
    const start = this.starts[docId];
    if (this.inAdded[docId] || (!this.unchecked && !this.isDamaged)) {
      this.reserveDecoded(length);
      return decodeVarintsInto(this.bytesOf(docId), start, start + length, this.decoded);
    }
    // A snapshot's document not checked yet (or any, once one was found damaged): checked as it is read, and left out if damaged.
    const numbers = this.decodeSealed(start, start + length);
    if (numbers >= 0) return numbers;
    this.foundDamaged();
    return 0;
  }

  /** Room in `decoded` for the numbers of `bytes` bytes (a number takes at least one). */
  private reserveDecoded(bytes: number): void {
    if (this.decoded.length < bytes) this.decoded = new Uint32Array(Math.max(bytes, this.decoded.length * 2));
  }

  private reserveDocuments(size: number): void {
    if (this.starts.length >= size) return;
    const capacity = Math.max(size, this.starts.length * 2);
    this.starts = grown(this.starts, capacity);
    this.lengths = grown(this.lengths, capacity);
    this.inAdded = grown(this.inAdded, capacity);
  }
}
