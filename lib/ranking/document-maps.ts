import { findInKeyOrder, sortedKeyOrderAfter } from './key-order';
import { grown } from './typed-arrays';

/**
 * MiniSearch's per-document Maps, as a snapshot loads them: over arrays indexed by short
 * document id instead of a Map entry per document.
 *
 * MiniSearch keeps each document's id and field lengths in Maps keyed by its short id. Filling
 * them was a fifth of loading a 50,000-article snapshot (two Maps of 50,000 entries, 50,000 small
 * arrays). Short ids are dense (0 to nextId, with gaps where documents were discarded), so an
 * array does as well: these offer the part of Map that MiniSearch 7.2.0 and the ranker use on
 * them (get, has, set, delete, size, keys, values, entries, iteration, forEach, clear),
 * iterating in ascending short id, which is the order MiniSearch inserts them in.
 */

/** A Map from short document id to a value, over an array (holes: no entry). */
export class DenseMap<V> {
  private count = 0;

  /** `values` by short id (undefined: no entry); used as it is, not copied. */
  constructor(private slots: (V | undefined)[] = []) {
    for (const value of slots) if (value !== undefined) this.count++;
  }

  /** The values at the short ids (ascending), in one array. */
  static of<V>(shortIds: ArrayLike<number>, values: V[], size: number): DenseMap<V> {
    if (shortIds.length === size && (size === 0 || shortIds[size - 1] === size - 1)) return new DenseMap(values);
    const spread: (V | undefined)[] = new Array(size);
    for (let i = 0; i < shortIds.length; i++) spread[shortIds[i]] = values[i];
    return new DenseMap(spread);
  }

  get size(): number {
    return this.count;
  }

  get(id: number): V | undefined {
    return this.slots[id];
  }

  has(id: number): boolean {
    return this.slots[id] !== undefined;
  }

  set(id: number, value: V): this {
    if (this.slots[id] === undefined) this.count++;
    this.slots[id] = value;
    return this;
  }

  delete(id: number): boolean {
    if (this.slots[id] === undefined) return false;
    this.slots[id] = undefined;
    this.count--;
    return true;
  }

  clear(): void {
    this.slots = [];
    this.count = 0;
  }

  forEach(callback: (value: V, id: number) => void): void {
    const slots = this.slots;
    for (let id = 0; id < slots.length; id++) if (slots[id] !== undefined) callback(slots[id]!, id);
  }

  *entries(): IterableIterator<[number, V]> {
    const slots = this.slots;
    for (let id = 0; id < slots.length; id++) if (slots[id] !== undefined) yield [id, slots[id]!];
  }

  *keys(): IterableIterator<number> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): IterableIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[number, V]> {
    return this.entries();
  }
}

/**
 * MiniSearch's Map from document id to short id, as a snapshot loads it: the snapshot's ids are
 * looked up by binary search in their sorted order (saved with them), ids set or deleted since
 * in a Map. Filling a Map with 50,000 ids was the largest part of reading a snapshot's documents
 * (13–16 ms of a cold start's 35–40 ms load in the popup's worker), and a start looks up a handful.
 * It offers what MiniSearch 7.2.0 uses of it: get, has, set, delete.
 */
export class ShortIdsById {
  /** Ids set or deleted since the load: their short id, or undefined once deleted. */
  private readonly changed = new Map<string, number | undefined>();

  /** `ids` and `shortIds` side by side, `sorted` the positions of the ids in ascending order (key-order.ts); all used as they are, and never to be changed. */
  constructor(
    private readonly ids: string[],
    private readonly shortIds: Uint32Array,
    private readonly sorted: Uint32Array,
  ) {}

  get(id: string): number | undefined {
    if (this.changed.has(id)) return this.changed.get(id);
    const at = findInKeyOrder(this.ids, this.sorted, id);
    return at < 0 ? undefined : this.shortIds[at];
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  set(id: string, shortId: number): this {
    this.changed.set(id, shortId);
    return this;
  }

  delete(id: string): boolean {
    const had = this.has(id);
    if (had) this.changed.set(id, undefined);
    return had;
  }

  /**
   * The sorted order of the ids an index holds now, in the order of their short ids (what a save
   * writes): the snapshot's ids still held come first in their order, those added since after
   * them, so the snapshot's sorted order is kept and only the added ids are sorted (sorting 50,000
   * took 10–18 ms of a save).
   */
  sortedOrderOf(ids: string[]): Uint32Array {
    // Where each of the snapshot's ids is now (-1: discarded since, even if added again).
    const now = new Int32Array(this.ids.length);
    let held = 0;
    for (let at = 0; at < this.ids.length; at++) now[at] = held < ids.length && ids[held] === this.ids[at] ? held++ : -1;
    const kept = new Uint32Array(held);
    for (let i = 0, k = 0; i < this.sorted.length; i++) if (now[this.sorted[i]] >= 0) kept[k++] = now[this.sorted[i]];
    return sortedKeyOrderAfter(ids, kept);
  }
}

/** A field with no length (MiniSearch's array has a hole there). */
export const NO_LENGTH = 0xffffffff;

/**
 * MiniSearch's field lengths (short id -> distinct terms per field) over one Uint32Array of rows,
 * `fields` numbers per short id, NO_LENGTH for a field without: a snapshot's rows used as they
 * are, documents set afterwards added to them. MiniSearch sets a new array for a document and
 * fills it in as it indexes it, so a row set is kept as it was given until rows() is next read.
 *
 * The candidate search reads lengths from rows() by short id (more-like-this.ts), where it used to
 * copy every document's into arrays of its own on the first question after a load (2–6 ms at
 * 50,000 articles).
 */
export class FieldLengths {
  /** Rows set since rows() was last read, as MiniSearch set them (and may still be filling them in). */
  private readonly pending = new Map<number, number[]>();
  private count = 0;

  /**
   * `lengths`: `fields` numbers per short id below `present.length`, NO_LENGTH for a field
   * without; `present`: 1 for the short ids that have an entry. Both used as they are; `lengths`
   * is copied before its first change when `borrowed` (a snapshot's array, which may be loaded again).
   */
  constructor(
    private readonly fields: number,
    private lengths: Uint32Array,
    private present: Uint8Array,
    private borrowed = false,
  ) {
    for (let i = 0; i < present.length; i++) this.count += present[i];
  }

  /** From one row of lengths per document, in the order of the short ids (ascending). */
  static of(fields: number, shortIds: ArrayLike<number>, rows: Uint32Array, size: number): FieldLengths {
    // Without discarded documents, the rows are already by short id.
    if (shortIds.length === size && (size === 0 || shortIds[size - 1] === size - 1)) return new FieldLengths(fields, rows, new Uint8Array(size).fill(1), true);
    const lengths = new Uint32Array(size * fields);
    const present = new Uint8Array(size);
    for (let i = 0; i < shortIds.length; i++) {
      const id = shortIds[i];
      lengths.set(rows.subarray(i * fields, (i + 1) * fields), id * fields);
      present[id] = 1;
    }
    return new FieldLengths(fields, lengths, present);
  }

  /** The entries of MiniSearch's own Map (an index it made itself). */
  static fromMap(fields: number, map: Map<number, number[]>): FieldLengths {
    const lengths = new FieldLengths(fields, new Uint32Array(0), new Uint8Array(0));
    map.forEach((row, id) => lengths.set(id, row));
    return lengths;
  }

  get size(): number {
    return this.count + this.pending.size;
  }

  /** The array set, until rows() is read; else a new array (changing it changes nothing). */
  get(id: number): number[] | undefined {
    if (this.present[id] !== 1) return this.pending.get(id);
    const row: number[] = [];
    for (let field = 0, at = id * this.fields; field < this.fields; field++, at++) if (this.lengths[at] !== NO_LENGTH) row[field] = this.lengths[at];
    return row;
  }

  has(id: number): boolean {
    return this.present[id] === 1 || this.pending.has(id);
  }

  set(id: number, lengths: number[]): this {
    this.drop(id);
    this.pending.set(id, lengths);
    return this;
  }

  delete(id: number): boolean {
    return this.pending.delete(id) || this.drop(id);
  }

  clear(): void {
    this.present.fill(0);
    this.writable().fill(0);
    this.count = 0;
    this.pending.clear();
  }

  /**
   * Every document's lengths, `fields` numbers per short id (the rows set meanwhile written in):
   * 0 where a short id has no entry (a discarded document), NO_LENGTH for a field without. Valid
   * until the next set().
   */
  rows(): Uint32Array {
    if (this.pending.size === 0) return this.lengths;
    let last = -1;
    this.pending.forEach((_, id) => (last = Math.max(last, id)));
    this.reserve(last + 1);
    const lengths = this.writable();
    this.pending.forEach((row, id) => {
      for (let field = 0; field < this.fields; field++) lengths[id * this.fields + field] = row[field] ?? NO_LENGTH;
      this.present[id] = 1;
      this.count++;
    });
    this.pending.clear();
    return this.lengths;
  }

  forEach(callback: (lengths: number[], id: number) => void): void {
    for (let id = 0; id < this.present.length; id++) if (this.present[id] === 1) callback(this.get(id)!, id);
    this.pending.forEach(callback);
  }

  *entries(): IterableIterator<[number, number[]]> {
    for (let id = 0; id < this.present.length; id++) if (this.present[id] === 1) yield [id, this.get(id)!];
    yield* this.pending.entries();
  }

  *keys(): IterableIterator<number> {
    for (const [id] of this.entries()) yield id;
  }

  [Symbol.iterator](): IterableIterator<[number, number[]]> {
    return this.entries();
  }

  /** Takes a row out of `lengths`, zeroed (what a discarded document reads as); false if it had none there. */
  private drop(id: number): boolean {
    if (this.present[id] !== 1) return false;
    this.present[id] = 0;
    this.writable().fill(0, id * this.fields, (id + 1) * this.fields);
    this.count--;
    return true;
  }

  /** `lengths`, copied first if it is borrowed. */
  private writable(): Uint32Array {
    if (this.borrowed) {
      this.lengths = this.lengths.slice();
      this.borrowed = false;
    }
    return this.lengths;
  }

  private reserve(size: number): void {
    if (this.present.length >= size) return;
    const capacity = Math.max(size, Math.ceil(this.present.length * 1.5));
    this.present = grown(this.present, capacity);
    this.lengths = grown(this.lengths, capacity * this.fields);
    this.borrowed = false;
  }
}
