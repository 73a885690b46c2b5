/**
 * A posting list (short document id -> term frequency) that takes a third of the memory of the
 * Map MiniSearch keeps for it.
 *
 * The index of a 50,000-article library holds some 2.5 million postings, and a Map entry costs
 * about 40 bytes: most of the index's heap. Here the postings are one array of numbers, id and
 * frequency in turn, sorted by id: 16 bytes each. MiniSearch appends new documents with the
 * highest id yet, so adding stays an append; lookups are binary searches, and the lookups
 * MiniSearch makes while it walks the list in order hit the cursor left by the last one.
 *
 * It offers the part of Map that MiniSearch 7.2.0 uses on posting lists (get, set, has, delete,
 * size, keys, entries, iteration, forEach), and iterators walk a copy, so that deleting while
 * iterating (MiniSearch's vacuum does) behaves as with a Map. The bulk writer and snapshots
 * (bulk-load.ts, snapshot.ts) make these; terms new to the index after that get MiniSearch's
 * Maps until the next snapshot load.
 */
export class PostingList {
  /** id, frequency, id, frequency... ascending by id. */
  private flat: number[];
  private cursor = 0;

  /** From (id, frequency) pairs in ascending order of id. */
  constructor(pairs: Iterable<[number, number]> = []) {
    this.flat = [];
    for (const [id, frequency] of pairs) this.flat.push(id, frequency);
  }

  /** From the flat form toFlat() gives. */
  static fromFlat(flat: number[]): PostingList {
    const list = new PostingList();
    list.flat = flat;
    return list;
  }

  /** id, frequency, id, frequency... ascending by id: the list's own array, for serializing. */
  toFlat(): readonly number[] {
    return this.flat;
  }

  get size(): number {
    return this.flat.length >> 1;
  }

  get(id: number): number | undefined {
    const at = this.find(id);
    return at >= 0 ? this.flat[at + 1] : undefined;
  }

  has(id: number): boolean {
    return this.find(id) >= 0;
  }

  set(id: number, frequency: number): this {
    const flat = this.flat;
    const last = flat.length - 2;
    if (last < 0 || flat[last] < id) {
      flat.push(id, frequency);
      return this;
    }
    const at = this.find(id);
    if (at >= 0) flat[at + 1] = frequency;
    else flat.splice(this.insertionPoint(id), 0, id, frequency);
    return this;
  }

  /** One more occurrence of the term in the document; true when the document is new to the list. */
  addOccurrence(id: number): boolean {
    const flat = this.flat;
    const last = flat.length - 2;
    // Documents are indexed one after another, so the one being indexed is the last or new.
    if (last >= 0 && flat[last] === id) {
      flat[last + 1] += 1;
      return false;
    }
    const frequency = this.get(id);
    this.set(id, (frequency ?? 0) + 1);
    return frequency === undefined;
  }

  delete(id: number): boolean {
    const at = this.find(id);
    if (at < 0) return false;
    this.flat.splice(at, 2);
    return true;
  }

  forEach(callback: (frequency: number, id: number) => void): void {
    const flat = this.flat;
    for (let i = 0; i < flat.length; i += 2) callback(flat[i + 1], flat[i]);
  }

  keys(): IterableIterator<number> {
    const ids: number[] = [];
    for (let i = 0; i < this.flat.length; i += 2) ids.push(this.flat[i]);
    return ids[Symbol.iterator]();
  }

  entries(): IterableIterator<[number, number]> {
    const pairs: [number, number][] = [];
    for (let i = 0; i < this.flat.length; i += 2) pairs.push([this.flat[i], this.flat[i + 1]]);
    return pairs[Symbol.iterator]();
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }

  /** Index in `flat` of the id, or -1. */
  private find(id: number): number {
    const flat = this.flat;
    // Lookups in the order of the list (MiniSearch reads each id it iterates) hit the cursor.
    const hint = this.cursor;
    if (flat[hint] === id) return hint;
    if (flat[hint + 2] === id) return (this.cursor = hint + 2);
    const at = this.insertionPoint(id);
    if (flat[at] !== id) return -1;
    this.cursor = at;
    return at;
  }

  /** Index in `flat` where the id is or would go. */
  private insertionPoint(id: number): number {
    let low = 0;
    let high = this.flat.length >> 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.flat[middle * 2] < id) low = middle + 1;
      else high = middle;
    }
    return low * 2;
  }
}

/** What the ranker reads of a posting list, Map or PostingList. */
export interface Postings {
  readonly size: number;
  get(id: number): number | undefined;
  has(id: number): boolean;
  forEach(callback: (frequency: number, id: number) => void): void;
  keys(): IterableIterator<number>;
}
