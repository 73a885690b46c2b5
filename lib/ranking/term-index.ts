/**
 * MiniSearch's term index (term key -> field number -> posting list) as a snapshot loads it:
 * looked up in the snapshot's sorted keys, each term's entry made on its first use.
 *
 * MiniSearch keeps its terms in a radix tree (SearchableMap), and loading a snapshot used to
 * insert every term into it, a Map and a posting list object for each: with tens of thousands of
 * terms, a fixed third of loading a 10,000-article library (and the garbage it left). A "more
 * like this" query looks terms up one by one (get), and so does indexing a new article (fetch,
 * set): those are binary searches over the keys here. What needs the tree itself (prefix and
 * fuzzy search in the search box, iterating for a vacuum, deleting terms) builds
 * it once, on first need, inserting the snapshot's terms in the snapshot's order and then the
 * terms added since in their order: the tree a load used to build, then added to, so results
 * keep their order and scores from one load to the next (MiniSearch sums a prefix's terms in the
 * tree's order; an index built by additions has another tree, and its prefix scores may differ in
 * the last bits). A snapshot is written in order of key (inKeyOrder) without the tree.
 *
 * It offers the part of SearchableMap that MiniSearch 7.2.0 and the ranker use on the term
 * index (see minisearch-internals.ts).
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { EncodedPostings, Postings } from './posting-list';
import { compareKeys, findInKeyOrder } from './key-order';

type Entry = Map<number, Postings>;

export class TermIndex {
  /** Entries made or set so far, until the tree is built; then the tree holds them all. */
  private readonly entries = new Map<string, Entry>();
  /** Terms set that the snapshot did not hold, in order. */
  private readonly added: string[] = [];
  /**
   * By the snapshot's term number, 1 once its entry is made (and may have changed since): idf
   * reads every other term's list sizes from the snapshot without hashing its key.
   */
  private readonly made: Uint8Array;
  private tree: SearchableMap<Entry> | undefined;

  /**
   * `keys`: the snapshot's terms in its order; `sorted`: their numbers in ascending order of key;
   * `entryOf`: a term's entry by its number; `largestLists`: by number, the size of each term's
   * largest list (idf reads it for every term of every candidate); `postings`: the bytes its lists
   * are decoded from; `checkListsOf`: checks a term's lists in those bytes (none for bytes encoded
   * in memory), and gives how many postings it checked.
   */
  constructor(
    private readonly keys: string[],
    private readonly sorted: Uint32Array,
    private readonly entryOf: (termNumber: number) => Entry,
    private readonly largestLists: Uint32Array,
    private readonly postings?: EncodedPostings,
    private readonly checkListsOf?: (termNumber: number) => number,
  ) {
    this.made = new Uint8Array(keys.length);
  }

  /** Whether a posting list was found damaged as it was decoded or checked (EncodedPostings). */
  get damaged(): boolean {
    return this.postings?.damaged ?? false;
  }

  /**
   * Checks the snapshot's lists of the term with this number in their bytes, without making its
   * entry (a damaged one marks the index damaged); returns how many postings that took.
   */
  checkLists(termNumber: number): number {
    return this.checkListsOf?.(termNumber) ?? 0;
  }

  /** Told once checkLists() has run for every term: a save no longer checks the bytes it writes again. */
  listsAllChecked(): void {
    if (this.postings && !this.postings.damaged) this.postings.unchecked = false;
  }

  get size(): number {
    return this.tree ? this.tree.size : this.keys.length + this.added.length;
  }

  get(key: string): Entry | undefined {
    if (this.tree) return this.tree.get(key);
    let entry = this.entries.get(key);
    if (entry === undefined) {
      const termNumber = this.numberOf(key);
      if (termNumber < 0) return undefined;
      this.entries.set(key, (entry = this.entryOf(termNumber)));
      this.made[termNumber] = 1;
    }
    return entry;
  }

  has(key: string): boolean {
    return this.tree ? this.tree.has(key) : this.entries.has(key) || this.numberOf(key) >= 0;
  }

  set(key: string, entry: Entry): this {
    if (this.tree) this.tree.set(key, entry);
    else {
      if (!this.entries.has(key)) {
        const termNumber = this.numberOf(key);
        if (termNumber < 0) this.added.push(key);
        else this.made[termNumber] = 1;
      }
      this.entries.set(key, entry);
    }
    return this;
  }

  fetch(key: string, initial: () => Entry): Entry {
    let entry = this.get(key);
    if (entry === undefined) this.set(key, (entry = initial()));
    return entry;
  }

  delete(key: string): void {
    this.built().delete(key);
  }

  atPrefix(prefix: string): SearchableMap<Entry> {
    return this.built().atPrefix(prefix);
  }

  fuzzyGet(key: string, maxEditDistance: number): ReturnType<SearchableMap<Entry>['fuzzyGet']> {
    return this.built().fuzzyGet(key, maxEditDistance);
  }

  [Symbol.iterator](): IterableIterator<[string, Entry]> {
    return this.built()[Symbol.iterator]();
  }

  /**
   * Each term with its entry, in ascending order of key (the order a snapshot keeps): the
   * snapshot's terms merged with those added since, without building the tree (a save used to
   * build it only to walk it: a third of saving a freshly built 10,000-article index).
   */
  *inKeyOrder(): Generator<[string, Entry]> {
    if (this.tree) {
      yield* sortedByKey(this.tree);
      return;
    }
    const added = [...this.added].sort(compareKeys);
    let next = 0;
    for (const termNumber of this.sorted) {
      const key = this.keys[termNumber];
      for (; next < added.length && added[next] < key; next++) yield [added[next], this.entries.get(added[next])!];
      yield [key, this.entries.get(key) ?? this.entryOf(termNumber)];
    }
    for (; next < added.length; next++) yield [added[next], this.entries.get(added[next])!];
  }

  /** How many terms the snapshot held: they are numbered from 0 (entryAt). */
  get snapshotTerms(): number {
    return this.keys.length;
  }

  /** The entry of the snapshot's term with this number, as get() gives it (undefined once the term is deleted). */
  entryAt(termNumber: number): Entry | undefined {
    return this.get(this.keys[termNumber]);
  }

  /**
   * The most postings the snapshot's term with this number has in one field, counting documents
   * discarded and not yet vacuumed: read from the snapshot's list sizes while the term is untouched
   * since, without making its entry (idf needs it for every term of every candidate).
   */
  largestList(termNumber: number): number {
    if (!this.tree && this.made[termNumber] === 0) return this.largestLists[termNumber];
    const entry = this.tree ? this.tree.get(this.keys[termNumber]) : this.entries.get(this.keys[termNumber]);
    if (entry === undefined) return 0;
    let largest = 0;
    for (const postings of entry.values()) largest = Math.max(largest, postings.size);
    return largest;
  }

  /**
   * Whether a term that is not the snapshot's (numberOf() -1) may be in the index: only once one
   * was set, or the tree built (a vacuum's deletes and later sets then go to the tree).
   */
  get holdsOtherTerms(): boolean {
    return this.tree !== undefined || this.added.length > 0;
  }

  /** Whether the tree is built (for tests). */
  get isBuilt(): boolean {
    return this.tree !== undefined;
  }

  private built(): SearchableMap<Entry> {
    if (this.tree) return this.tree;
    const tree = new SearchableMap<Entry>();
    this.keys.forEach((key, termNumber) => tree.set(key, this.entries.get(key) ?? this.entryOf(termNumber)));
    for (const key of this.added) tree.set(key, this.entries.get(key)!);
    this.entries.clear();
    return (this.tree = tree);
  }

  /** The number of the snapshot's term with this key, or -1 (a term added since, or none). */
  numberOf(key: string): number {
    return findInKeyOrder(this.keys, this.sorted, key);
  }
}

/** A term tree's entries in ascending order of key. */
export function sortedByKey<T>(tree: Iterable<[string, T]>): [string, T][] {
  return [...tree].sort(([a], [b]) => compareKeys(a, b));
}
