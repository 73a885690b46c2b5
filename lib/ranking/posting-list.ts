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
 * (bulk-load.ts, snapshot.ts) make these, left as varint bytes (some 3 bytes a posting) until
 * first read (documents added after the bytes' last are kept beside them meanwhile); terms new
 * to the index after that get MiniSearch's Maps until the next snapshot load.
 */
import { countVarints, decodeVarintsInto, VarintWriter } from './varint';

/** Varint bytes that posting lists are decoded from on first use (fromEncoded): a snapshot's or a bulk load's, shared by all their lists. */
export class EncodedPostings {
  /**
   * Whether a list was found not to hold the count of numbers its size says: storage damaged
   * the bytes. Lists are checked as they are decoded (a check of all of them at load was a
   * tenth of loading 50,000 articles) or checked in place (bytesHold: the warm-up checks them all
   * soon after a load).
   */
  damaged = false;

  /**
   * `idsBelow`: every document id in the bytes is below it (the index's next id when they were
   * written), so a document added since comes after the last of every list. `unchecked`: bytes
   * read back from storage whose lists the warm-up has not checked all yet: a save checks each
   * list it writes undecoded meanwhile (bytes encoded here need no check).
   */
  constructor(
    readonly bytes: Uint8Array,
    readonly idsBelow: number,
    public unchecked = false,
  ) {}
}

export class PostingList {
  /**
   * id, frequency, id, frequency... ascending by id, in data[start..end), which is the list's
   * own to change. A list read from a snapshot or encoded after a bulk load gets a Uint32Array
   * (4 bytes a number) when it is decoded; a document appended to it moves it to a Uint32Array
   * with room to grow (`grown`), one inserted before its last copies it into a plain array.
   */
  private data: number[] | Uint32Array = [];
  /** The array append() made, with room after the postings: appends go there until it is full. */
  private grown: Uint32Array | undefined = undefined;
  private start = 0;
  private end = 0;
  private cursor = 0;
  /**
   * While the list is still a stretch of varint bytes (gaps between ids, then the frequency, as a
   * snapshot keeps them: snapshot.ts), those bytes: decoded on first use. `end` already says
   * how many numbers they hold.
   */
  private encoded: EncodedPostings | undefined = undefined;
  private encodedStart = 0;
  private encodedEnd = 0;
  /**
   * While the list is still in bytes: postings of documents added since they were written
   * (EncodedPostings.idsBelow), id and frequency in turn, ascending. Adding them leaves the bytes
   * undecoded: the first articles after a start (a capture, a catch-up) touch hundreds of lists,
   * and decoding each on the way was most of adding them; a read or a save decodes them later.
   */
  private appended: number[] | undefined = undefined;

  /** From (id, frequency) pairs in ascending order of id. */
  constructor(pairs: Iterable<[number, number]> = []) {
    const flat: number[] = [];
    for (const [id, frequency] of pairs) flat.push(id, frequency);
    this.own(flat);
  }

  /** From the flat form toFlat() gives, or a stretch of a shared buffer (not copied). */
  static fromFlat(flat: number[] | Uint32Array, start = 0, end = flat.length): PostingList {
    const list = new PostingList();
    list.data = flat;
    list.start = start;
    list.end = end;
    list.cursor = start;
    return list;
  }

  /**
   * A list of `size` postings still in varint bytes, bytes[start..end), decoded on first use. Bytes
   * that do not hold exactly 2 * size numbers decode to an empty list and mark `source` damaged.
   */
  static fromEncoded(source: EncodedPostings, start: number, end: number, size: number): PostingList {
    const list = new PostingList();
    list.encoded = source;
    list.encodedStart = start;
    list.encodedEnd = end;
    list.end = size * 2;
    return list;
  }

  /**
   * Moves the lists into one array of varint bytes, as a snapshot keeps them, each list decoded
   * again on first use: a list takes some 3 bytes a posting where a Uint32Array takes 8. A
   * built index then holds its lists as a loaded one does.
   */
  static encode(lists: PostingList[]): Uint8Array {
    const writer = new VarintWriter();
    const ranges: number[] = [];
    for (const list of lists) {
      const start = writer.size;
      list.writeTo(writer);
      ranges.push(start, writer.size);
    }
    const bytes = writer.finish();
    let idsBelow = 0;
    for (const list of lists) {
      const flat = list.toFlat();
      if (flat.length) idsBelow = Math.max(idsBelow, flat[flat.length - 2] + 1);
    }
    const source = new EncodedPostings(bytes, idsBelow);
    lists.forEach((list, i) => {
      const size = list.size;
      list.data = [];
      list.start = 0;
      list.end = size * 2;
      list.cursor = 0;
      list.encoded = source;
      list.encodedStart = ranges[i * 2];
      list.encodedEnd = ranges[i * 2 + 1];
    });
    return bytes;
  }

  /**
   * Writes the list as a snapshot keeps it: per posting the gap from the previous id (the first:
   * the id), then the frequency. Throws for bytes found damaged: they are not saved again.
   */
  writeTo(writer: VarintWriter): void {
    const source = this.encoded;
    // Postings appended beside the bytes are written from the decoded list (the gap to the first needs the bytes' last id).
    if (source && this.appended && !this.decode()) throw new Error('the posting lists are damaged');
    if (source && this.encoded) {
      if (source.unchecked && countVarints(source.bytes, this.encodedStart, this.encodedEnd) !== this.end) {
        source.damaged = true;
        throw new Error('the posting lists are damaged');
      }
      writer.writeBytes(source.bytes.subarray(this.encodedStart, this.encodedEnd));
      return;
    }
    const { data, start, end } = this;
    for (let i = start; i < end; i += 2) {
      writer.write(i === start ? data[i] : data[i] - data[i - 2]);
      writer.write(data[i + 1]);
    }
  }

  /**
   * Whether bytes[start..end) of `source` hold the `size` postings a list of them says, with ids
   * below its bound: what decoding the list would find, checked without keeping what they decode
   * to (the warm-up checks a loaded snapshot's lists so; decoding them all made a third of a warm
   * index's heap at 50,000 articles). False marks `source` damaged.
   */
  static bytesHold(source: EncodedPostings, start: number, end: number, size: number): boolean {
    const count = size * 2;
    if (checkRoom.length < count) checkRoom = new Uint32Array(Math.max(count, checkRoom.length * 2));
    const whole = decodeChecked(source, start, end, count, checkRoom);
    if (!whole) source.damaged = true;
    return whole;
  }

  /** Whether the list is still in varint bytes, not yet decoded. */
  get isEncoded(): boolean {
    return this.encoded !== undefined;
  }

  /** id, frequency, id, frequency... ascending by id, for serializing (a view, not a copy, where it can). */
  toFlat(): Uint32Array | number[] {
    if (this.encoded) this.decode();
    return this.data instanceof Uint32Array ? this.data.subarray(this.start, this.end) : this.data.slice(this.start, this.end);
  }

  get size(): number {
    return (this.end - this.start + (this.appended?.length ?? 0)) >> 1;
  }

  get(id: number): number | undefined {
    if (this.pastBytes(id)) return this.appendedFrequency(id);
    if (this.encoded) this.decode();
    const at = this.find(id);
    return at >= 0 ? this.data[at + 1] : undefined;
  }

  has(id: number): boolean {
    if (this.pastBytes(id)) return this.appendedFrequency(id) !== undefined;
    if (this.encoded) this.decode();
    return this.find(id) >= 0;
  }

  set(id: number, frequency: number): this {
    if (this.pastBytes(id)) {
      this.setAppended(id, frequency);
      return this;
    }
    if (this.encoded) this.decode();
    const last = this.end - 2;
    if (last < this.start || this.data[last] < id) {
      this.append(id, frequency);
      return this;
    }
    const found = this.find(id);
    if (found >= 0) {
      this.data[found + 1] = frequency;
      return this;
    }
    this.writable().splice(this.insertionPoint(id), 0, id, frequency);
    this.end += 2;
    return this;
  }

  /** One more occurrence of the term in the document; true when the document is new to the list. */
  addOccurrence(id: number): boolean {
    if (this.pastBytes(id)) {
      const frequency = this.appendedFrequency(id);
      this.setAppended(id, (frequency ?? 0) + 1);
      return frequency === undefined;
    }
    if (this.encoded) this.decode();
    const last = this.end - 2;
    // Documents are indexed one after another, so the one being indexed is the last or new.
    if (last >= this.start && this.data[last] === id) {
      this.data[this.end - 1] += 1;
      return false;
    }
    const frequency = this.get(id);
    this.set(id, (frequency ?? 0) + 1);
    return frequency === undefined;
  }

  delete(id: number): boolean {
    if (this.encoded) this.decode();
    if (this.find(id) < 0) return false;
    const flat = this.writable();
    flat.splice(this.find(id), 2);
    this.end -= 2;
    this.cursor = 0;
    return true;
  }

  forEach(callback: (frequency: number, id: number) => void): void {
    if (this.encoded) this.decode();
    const { data, end } = this;
    for (let i = this.start; i < end; i += 2) callback(data[i + 1], data[i]);
  }

  keys(): IterableIterator<number> {
    if (this.encoded) this.decode();
    const ids: number[] = [];
    for (let i = this.start; i < this.end; i += 2) ids.push(this.data[i]);
    return ids[Symbol.iterator]();
  }

  entries(): IterableIterator<[number, number]> {
    if (this.encoded) this.decode();
    const pairs: [number, number][] = [];
    for (let i = this.start; i < this.end; i += 2) pairs.push([this.data[i], this.data[i + 1]]);
    return pairs[Symbol.iterator]();
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }

  /** Whether the list is still in bytes and the document was added since they were written: then it is looked up among, and added to, the postings appended since. */
  private pastBytes(id: number): boolean {
    return this.encoded !== undefined && id >= this.encoded.idsBelow;
  }

  private appendedFrequency(id: number): number | undefined {
    const appended = this.appended;
    if (!appended) return undefined;
    for (let i = appended.length - 2; i >= 0 && appended[i] >= id; i -= 2) if (appended[i] === id) return appended[i + 1];
    return undefined;
  }

  /** Sets the frequency of a document past the bytes' last, keeping the appended postings in order. */
  private setAppended(id: number, frequency: number): void {
    const appended = (this.appended ??= []);
    let at = appended.length;
    while (at > 0 && appended[at - 2] > id) at -= 2;
    if (at > 0 && appended[at - 2] === id) appended[at - 1] = frequency;
    else appended.splice(at, 0, id, frequency);
  }

  /**
   * The list's numbers out of its varint bytes, then those appended since, into an array of its
   * own; false, and only those appended kept, if the bytes are damaged.
   */
  private decode(): boolean {
    const source = this.encoded!;
    const count = this.end;
    const appended = this.appended ?? [];
    const data = new Uint32Array(count + appended.length);
    if (!decodeChecked(source, this.encodedStart, this.encodedEnd, count, data.subarray(0, count))) return this.dropDamagedBytes();
    data.set(appended, count);
    this.encoded = this.appended = undefined;
    this.data = data;
    this.start = this.cursor = 0;
    this.end = data.length;
    return true;
  }

  /** Bytes that do not hold the list's count of numbers: it keeps only what was appended since, and its source is marked damaged. */
  private dropDamagedBytes(): false {
    this.encoded!.damaged = true;
    const appended = this.appended ?? [];
    this.encoded = this.appended = undefined;
    this.own(appended);
    return false;
  }

  private own(flat: number[]): number[] {
    this.data = flat;
    this.start = 0;
    this.end = flat.length;
    this.cursor = 0;
    return flat;
  }

  /** The list's own array (copied out of a shared buffer first), starting at 0. */
  private writable(): number[] {
    if (Array.isArray(this.data) && this.start === 0 && this.end === this.data.length) return this.data;
    return this.own(Array.from(this.toFlat()));
  }

  private append(id: number, frequency: number): void {
    if (Array.isArray(this.data) && this.end === this.data.length) {
      this.data.push(id, frequency);
      this.end += 2;
      return;
    }
    // A decoded list: copied once into an array of its own with room, not into a plain array (a
    // common term's list holds thousands of postings, and an article added after a load appends
    // to a hundred lists).
    if (this.data !== this.grown || this.end + 2 > this.data.length) {
      const length = this.end - this.start;
      const grown = new Uint32Array(length + Math.max(16, length >> 1));
      grown.set(this.data instanceof Uint32Array ? this.data.subarray(this.start, this.end) : this.data.slice(this.start, this.end));
      this.data = this.grown = grown;
      this.start = 0;
      this.end = length;
      this.cursor = 0;
    }
    this.data[this.end] = id;
    this.data[this.end + 1] = frequency;
    this.end += 2;
  }

  /** Index in `data` of the id, or -1. */
  private find(id: number): number {
    const data = this.data;
    // Lookups in the order of the list (MiniSearch reads each id it iterates) hit the cursor.
    const hint = this.cursor;
    if (hint < this.end && data[hint] === id) return hint;
    if (hint + 2 < this.end && data[hint + 2] === id) return (this.cursor = hint + 2);
    const at = this.insertionPoint(id);
    if (at >= this.end || data[at] !== id) return -1;
    this.cursor = at;
    return at;
  }

  /** Index in `data` where the id is or would go. */
  private insertionPoint(id: number): number {
    const data = this.data;
    let low = 0;
    let high = (this.end - this.start) >> 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (data[this.start + middle * 2] < id) low = middle + 1;
      else high = middle;
    }
    return this.start + low * 2;
  }
}

/** Room bytesHold() decodes into, kept from list to list. */
let checkRoom = new Uint32Array(1024);

/**
 * A list's `count` numbers out of bytes[start..end) of `source` into `into`, ids summed from their
 * gaps; whether the bytes held exactly that many, every id below the source's bound (ids past it
 * would come after documents appended since). Decoding and the warm-up's check both ask it.
 */
function decodeChecked(source: EncodedPostings, start: number, end: number, count: number, into: Uint32Array): boolean {
  let decoded: number;
  try {
    decoded = decodeVarintsInto(source.bytes, start, end, into);
  } catch {
    return false; // a number cut off at the end, or longer than five bytes
  }
  if (decoded !== count) return false;
  for (let i = 2; i < count; i += 2) into[i] += into[i - 2];
  return count === 0 || into[count - 2] < source.idsBelow;
}

/** What the ranker reads of a posting list, Map or PostingList. */
export interface Postings {
  readonly size: number;
  get(id: number): number | undefined;
  has(id: number): boolean;
  forEach(callback: (frequency: number, id: number) => void): void;
  keys(): IterableIterator<number>;
}
