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

/** A field with no length (MiniSearch's array has a hole there). */
export const NO_LENGTH = 0xffffffff;

/** One document's field lengths (MiniSearch's array, holes for fields without) into `columns`. */
export function copyRow(row: number[], id: number, columns: Float64Array[]): void {
  for (let field = 0; field < columns.length; field++) columns[field][id] = row[field] ?? 0;
}

/**
 * MiniSearch's field lengths (short id -> distinct terms per field) over one Uint32Array for the
 * documents of a snapshot; documents set afterwards (MiniSearch sets a new array and fills it in
 * as it indexes a document) are kept in a Map of their own, after the loaded ones.
 */
export class FieldLengths {
  private readonly added = new Map<number, number[]>();
  private count = 0;

  /**
   * `lengths`: `fields` numbers per short id below `present.length`, NO_LENGTH for a field
   * without; `present`: 1 for the short ids that have an entry. Both used as they are.
   */
  constructor(
    private readonly fields: number,
    private readonly lengths: Uint32Array,
    private readonly present: Uint8Array,
  ) {
    for (let i = 0; i < present.length; i++) this.count += present[i];
  }

  /** From one row of lengths per document, in the order of the short ids (ascending). */
  static of(fields: number, shortIds: ArrayLike<number>, rows: Uint32Array, size: number): FieldLengths {
    // Without discarded documents, the rows are already by short id.
    if (shortIds.length === size && (size === 0 || shortIds[size - 1] === size - 1)) return new FieldLengths(fields, rows, new Uint8Array(size).fill(1));
    const lengths = new Uint32Array(size * fields);
    const present = new Uint8Array(size);
    for (let i = 0; i < shortIds.length; i++) {
      const id = shortIds[i];
      lengths.set(rows.subarray(i * fields, (i + 1) * fields), id * fields);
      present[id] = 1;
    }
    return new FieldLengths(fields, lengths, present);
  }

  get size(): number {
    return this.count + this.added.size;
  }

  /** A new array for a loaded document (changing it changes nothing), the array set for others. */
  get(id: number): number[] | undefined {
    if (this.present[id] !== 1) return this.added.get(id);
    const row: number[] = [];
    for (let field = 0, at = id * this.fields; field < this.fields; field++, at++) if (this.lengths[at] !== NO_LENGTH) row[field] = this.lengths[at];
    return row;
  }

  has(id: number): boolean {
    return this.present[id] === 1 || this.added.has(id);
  }

  set(id: number, lengths: number[]): this {
    if (this.present[id] === 1) {
      this.present[id] = 0;
      this.count--;
    }
    this.added.set(id, lengths);
    return this;
  }

  delete(id: number): boolean {
    if (this.present[id] !== 1) return this.added.delete(id);
    this.present[id] = 0;
    this.count--;
    return true;
  }

  clear(): void {
    this.present.fill(0);
    this.count = 0;
    this.added.clear();
  }

  /**
   * Every document's length of each field into `columns` (one array per field, indexed by short
   * id, zero where a field has none): what forEach() gives, without an array per document. The
   * first question after a load reads them all (50,000 arrays took 8–14 ms).
   */
  copyInto(columns: Float64Array[]): void {
    const { fields, lengths, present } = this;
    for (let id = 0, at = 0; id < present.length; id++, at += fields) {
      if (present[id] !== 1) continue;
      for (let field = 0; field < fields; field++) {
        const length = lengths[at + field];
        columns[field][id] = length === NO_LENGTH ? 0 : length;
      }
    }
    this.added.forEach((row, id) => copyRow(row, id, columns));
  }

  forEach(callback: (lengths: number[], id: number) => void): void {
    for (let id = 0; id < this.present.length; id++) if (this.present[id] === 1) callback(this.get(id)!, id);
    this.added.forEach(callback);
  }

  *entries(): IterableIterator<[number, number[]]> {
    for (let id = 0; id < this.present.length; id++) if (this.present[id] === 1) yield [id, this.get(id)!];
    yield* this.added.entries();
  }

  *keys(): IterableIterator<number> {
    for (const [id] of this.entries()) yield id;
  }

  [Symbol.iterator](): IterableIterator<[number, number[]]> {
    return this.entries();
  }
}
