/**
 * Many documents into a MiniSearch index at once.
 *
 * MiniSearch's add() walks its radix tree once per token and keeps a Map per posting list; here
 * terms are numbered once (a key is hashed when first met, never again per occurrence), each
 * document's postings are appended to typed arrays by term number, and the lists are written at
 * the end straight into the varint bytes a snapshot keeps them in. At 10,000 articles the
 * string-keyed Maps this replaces (term -> field -> list, one lookup per occurrence) were a third
 * of building from stored terms. The documents, field lengths and stored fields, and the posting
 * lists (compact PostingLists over those bytes), go in as a snapshot's do (snapshot.ts,
 * document-maps.ts, term-index.ts): no Map entry per document, and no term tree until something
 * needs one (not public API: see minisearch-internals.ts).
 *
 * The index equals the one add() builds from the same documents in the same order, down to
 * MiniSearch's running average of field lengths and the order of its terms, so scores do not
 * depend on how the index was built (tests/lib/ranking/bulk-load.test.ts).
 */
import MiniSearch, { type Options } from 'minisearch';
import { internalsOf } from './minisearch-internals';
import { EncodedPostings, PostingList } from './posting-list';
import { loadDocuments, type DocumentsHeader } from './snapshot';
import { sortedKeyOrder } from './key-order';
import { TermIndex } from './term-index';
import { grown } from './typed-arrays';
import { runAtOnce } from './work-slices';

export interface BulkDocument {
  id: string;
  /** Per field, in the order of the index's fields: the terms as add() indexes them (after processTerm). */
  fieldTerms: string[][];
  /** Stored fields in the order of `storeFields`; undefined ones are not stored, as with add(). */
  stored: Record<string, unknown>;
}

/**
 * One field of a document by term number (BulkIndexWriter.termNumber): `terms[i]` occurs
 * `frequencies[i]` times, for i < `length`. A number may come more than once: its frequencies add
 * up, and it counts once in the field's length, at its first place.
 */
export interface NumberedField {
  terms: ArrayLike<number>;
  frequencies: ArrayLike<number>;
  length: number;
}

const NONE = -1;
/** Postings per chunk of the writer's arrays. */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;
/** Documents whose postings are written between two steps of loadSteps() (about 1.5 ms at 50,000 articles). */
const STEP_DOCUMENTS = 1000;

export class BulkIndexWriter {
  private readonly documentIds: string[] = [];
  private readonly seen = new Set<string>();
  /** Distinct terms per field, document after document. */
  private fieldLength = new Uint32Array(1024);
  /** Stored fields by short id (none when the index stores no fields). */
  private readonly storedFields: [number, Record<string, unknown>][] = [];
  private readonly averageFieldLength: number[];

  /** Term keys by number, in order of first occurrence (the order add() inserts them in). */
  private readonly keys: string[] = [];
  private readonly numbers = new Map<string, number>();

  /** By term number * fields + field: its list's number, or NONE. */
  private listOf: Int32Array;
  /** By term number: its first and last list, and by list: the term's next one, in order of creation (MiniSearch's field Map order). */
  private firstList = new Int32Array(1024).fill(NONE);
  private lastList = new Int32Array(1024).fill(NONE);
  private nextList = new Int32Array(1024);
  /** By list: its field and how many postings it holds. */
  private listField = new Uint32Array(1024);
  private listSize = new Uint32Array(1024);
  private lists = 0;

  /**
   * Every posting, document after document: its list and the term's frequency, in chunks of
   * CHUNK postings. Lists are written out only at the end (encodeLists), so adding is an append;
   * chunks are never copied (at 50,000 articles, doubling one array of 2.5 million postings
   * copied and faulted in some 50 MB, an eighth of the build).
   */
  private readonly listChunks: Uint32Array[] = [];
  private readonly frequencyChunks: Uint32Array[] = [];
  private postings = 0;
  /** By document: where its postings end. */
  private documentEnd = new Uint32Array(1024);

  /** By term number, while a document's field is added: where its posting is (NONE between documents). */
  private pending = new Int32Array(1024).fill(NONE);
  private readonly touched: number[] = [];

  constructor(private readonly fields: readonly string[]) {
    this.averageFieldLength = fields.map(() => 0);
    this.listOf = new Int32Array(this.firstList.length * fields.length).fill(NONE);
  }

  get size(): number {
    return this.documentIds.length;
  }

  /** The number of a term key, numbered in order of first call: call it in the order terms occur. */
  termNumber(key: string): number {
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.keys.length;
      this.numbers.set(key, number);
      this.keys.push(key);
      this.reserveTerms(number + 1);
    }
    return number;
  }

  /** Adds a document; a second document with the same id is refused, as add() refuses it. */
  add({ id, fieldTerms, stored }: BulkDocument): void {
    const fields = fieldTerms.map((terms): NumberedField => {
      const numbers = terms.map((term) => this.termNumber(term));
      return { terms: numbers, frequencies: numbers.map(() => 1), length: numbers.length };
    });
    this.addNumbered(id, fields, stored);
  }

  /** add() for terms numbered already (termNumber), one entry per field. */
  addNumbered(id: string, fields: readonly NumberedField[], stored: Record<string, unknown> = {}): void {
    if (this.seen.has(id)) throw new Error(`duplicate id ${id}`);
    this.seen.add(id);
    const docId = this.documentIds.length;
    this.documentIds.push(id);
    // As add(): an index that stores fields has an entry for every document, one that stores none has none.
    if (Object.keys(stored).length > 0) this.storedFields.push([docId, definedValues(stored)]);
    const fieldCount = this.fields.length;
    if (this.fieldLength.length < (docId + 1) * fieldCount) this.fieldLength = grown(this.fieldLength, (docId + 1) * fieldCount * 2);
    fields.forEach((field, fieldId) => {
      const distinct = this.addField(fieldId, field);
      this.fieldLength[docId * fieldCount + fieldId] = distinct;
      // MiniSearch's running average, so that BM25 gets the very same numbers as after add().
      this.averageFieldLength[fieldId] = (this.averageFieldLength[fieldId] * docId + distinct) / (docId + 1);
    });
    if (docId >= this.documentEnd.length) this.documentEnd = grown(this.documentEnd, this.documentEnd.length * 2);
    this.documentEnd[docId] = this.postings;
  }

  /** Appends the field's postings to its terms' lists; returns how many distinct terms it holds. */
  private addField(fieldId: number, { terms, frequencies, length }: NumberedField): number {
    const { pending, touched } = this;
    for (let i = 0; i < length; i++) {
      const term = terms[i];
      const at = pending[term];
      if (at !== NONE) {
        this.frequencyChunks[at >>> CHUNK_BITS][at & CHUNK_MASK] += frequencies[i];
        continue;
      }
      const posting = this.append(this.listFor(term, fieldId), frequencies[i]);
      pending[term] = posting;
      touched.push(term);
    }
    const distinct = touched.length;
    for (const term of touched) pending[term] = NONE;
    touched.length = 0;
    return distinct;
  }

  /** The term's list in the field, made on first need. */
  private listFor(term: number, fieldId: number): number {
    const slot = term * this.fields.length + fieldId;
    let list = this.listOf[slot];
    if (list !== NONE) return list;
    list = this.lists++;
    if (list >= this.listSize.length) this.reserveLists(list + 1);
    this.listOf[slot] = list;
    this.listField[list] = fieldId;
    this.nextList[list] = NONE;
    this.listSize[list] = 0;
    if (this.firstList[term] === NONE) this.firstList[term] = list;
    else this.nextList[this.lastList[term]] = list;
    this.lastList[term] = list;
    return list;
  }

  /** A posting of the document being added; returns where it is. */
  private append(list: number, frequency: number): number {
    const posting = this.postings++;
    const chunk = posting >>> CHUNK_BITS;
    if (chunk === this.listChunks.length) {
      this.listChunks.push(new Uint32Array(CHUNK));
      this.frequencyChunks.push(new Uint32Array(CHUNK));
    }
    this.listChunks[chunk][posting & CHUNK_MASK] = list;
    this.frequencyChunks[chunk][posting & CHUNK_MASK] = frequency;
    this.listSize[list]++;
    return posting;
  }

  /**
   * The index; the writer is not to be used afterwards. Its documents and terms go in as a
   * snapshot's do (snapshot.ts): MiniSearch's per-document Maps over arrays, its terms looked up
   * in sorted keys and its term tree built only when something needs it, in the order of first
   * occurrence, which is the order add() inserts terms in.
   */
  load<T>(options: Options<T>): MiniSearch<T> {
    return runAtOnce(this.loadSteps(options));
  }

  /**
   * load() in steps, for a build that yields to the event loop between slices of time (runInSlices):
   * writing the lists, some 80 ms at 50,000 articles, pauses every STEP_DOCUMENTS documents.
   */
  *loadSteps<T>(options: Options<T>): Generator<void, MiniSearch<T>> {
    const mini = new MiniSearch<T>(options);
    const state = internalsOf(mini);
    if (JSON.stringify(state._fieldIds) !== JSON.stringify(Object.fromEntries(this.fields.map((field, i) => [field, i])))) throw new Error('the index has other fields');
    const count = this.documentIds.length;
    const header: DocumentsHeader = {
      documentCount: count,
      nextId: count,
      dirtCount: 0,
      fieldIds: state._fieldIds,
      averageFieldLength: this.averageFieldLength,
      ids: this.documentIds,
      storedFields: this.storedFields,
    };
    loadDocuments(state, header, { shortIds: Uint32Array.from(this.documentIds.keys()), fieldLengths: this.fieldLength.slice(0, count * this.fields.length) });
    const { bytes, starts, ends } = yield* this.encodeLists();
    const source = new EncodedPostings(bytes, count);
    const { firstList, nextList, listField, listSize } = this;
    // Each term's entry (field -> list, in the order its lists were made) when first used: PostingLists over the bytes.
    const entryOf = (termNumber: number) => {
      const entry = new Map<number, PostingList>();
      for (let list = firstList[termNumber]; list !== NONE; list = nextList[list]) {
        entry.set(listField[list], PostingList.fromEncoded(source, starts[list], ends[list], listSize[list]));
      }
      return entry;
    };
    const largestLists = new Uint32Array(this.keys.length);
    for (let termNumber = 0; termNumber < largestLists.length; termNumber++) {
      for (let list = firstList[termNumber]; list !== NONE; list = nextList[list]) largestLists[termNumber] = Math.max(largestLists[termNumber], listSize[list]);
    }
    state._index = new TermIndex(this.keys, sortedKeyOrder(this.keys), entryOf, largestLists, source);
    this.numbers.clear();
    return mini;
  }

  /**
   * Every list as a snapshot keeps it (per posting the gap from the previous document, then the
   * frequency: PostingList.writeTo), in order of term and of the term's lists; where each starts
   * and ends, by list. Two passes over the postings in document order: the bytes each list
   * takes, then the bytes themselves, each list written from its own place onwards.
   */
  private *encodeLists(): Generator<void, { bytes: Uint8Array; starts: Uint32Array; ends: Uint32Array }> {
    const { listChunks, frequencyChunks, documentEnd, lists } = this;
    const previous = new Uint32Array(lists);
    const ends = new Uint32Array(lists);
    let posting = 0;
    for (let docId = 0; docId < this.documentIds.length; docId++) {
      for (const end = documentEnd[docId]; posting < end; posting++) {
        const chunk = posting >>> CHUNK_BITS;
        const offset = posting & CHUNK_MASK;
        const list = listChunks[chunk][offset];
        ends[list] += varintSize(docId - previous[list]) + varintSize(frequencyChunks[chunk][offset]);
        previous[list] = docId;
      }
      if (docId % STEP_DOCUMENTS === STEP_DOCUMENTS - 1) yield;
    }
    // Byte lengths to places, term after term.
    const starts = new Uint32Array(lists);
    let size = 0;
    for (let term = 0; term < this.keys.length; term++) {
      for (let list = this.firstList[term]; list !== NONE; list = this.nextList[list]) {
        starts[list] = size;
        size += ends[list];
        ends[list] = starts[list];
      }
    }
    const bytes = new Uint8Array(size);
    previous.fill(0);
    // `ends` moves along as each list is written.
    posting = 0;
    for (let docId = 0; docId < this.documentIds.length; docId++) {
      for (const end = documentEnd[docId]; posting < end; posting++) {
        const chunk = posting >>> CHUNK_BITS;
        const offset = posting & CHUNK_MASK;
        const list = listChunks[chunk][offset];
        let at = writeVarint(bytes, ends[list], docId - previous[list]);
        at = writeVarint(bytes, at, frequencyChunks[chunk][offset]);
        ends[list] = at;
        previous[list] = docId;
      }
      if (docId % STEP_DOCUMENTS === STEP_DOCUMENTS - 1) yield;
    }
    return { bytes, starts, ends };
  }

  private reserveTerms(size: number): void {
    if (this.firstList.length >= size) return;
    const capacity = Math.max(size, this.firstList.length * 2);
    this.firstList = grown(this.firstList, capacity, NONE);
    this.lastList = grown(this.lastList, capacity, NONE);
    this.pending = grown(this.pending, capacity, NONE);
    this.listOf = grown(this.listOf, capacity * this.fields.length, NONE);
  }

  private reserveLists(size: number): void {
    const capacity = Math.max(size, this.listSize.length * 2);
    this.listField = grown(this.listField, capacity);
    this.nextList = grown(this.nextList, capacity);
    this.listSize = grown(this.listSize, capacity);
  }
}

/** How many bytes the varint of a number takes (varint.ts). */
function varintSize(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
}

/** Writes the varint of a number at `at`; returns where it ends. */
function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  let rest = value >>> 0;
  while (rest >= 0x80) {
    bytes[at++] = (rest & 0x7f) | 0x80;
    rest >>>= 7;
  }
  bytes[at++] = rest;
  return at;
}

function definedValues(record: Record<string, unknown>): Record<string, unknown> {
  const defined: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record)) if (value !== undefined) defined[name] = value;
  return defined;
}
