/**
 * The persisted form of a MiniSearch index with compact posting lists: binary, so that
 * IndexedDB stores and returns it without parsing.
 *
 * MiniSearch's own JSON writes each posting list as an object keyed by document number, and even
 * as flat arrays in JSON the 2.5 million postings of 50,000 articles were most of a 54 MB
 * `JSON.parse` at every start. Here the posting lists are one array of bytes (varints of the gaps
 * between document numbers), which IndexedDB keeps as it is (structured clone); loading leaves
 * them there, each list decoded on its first use (posting-list.ts): a query reads a few dozen of
 * some 25,000 lists, and decoding all 5 million numbers at 50,000 articles was a fifth of loading. The term
 * keys go as one string, with their order by key: a loaded index looks terms up there and builds
 * MiniSearch's term tree only when something needs it (term-index.ts). The documents go as their ids (JSON), their ids' sorted order
 * (looked up there, in place of MiniSearch's Map from id) and typed arrays of short ids and
 * field lengths, which MiniSearch's per-document Maps are then read from, in place of Maps
 * (document-maps.ts): filling its own from its `AsPlainObject` form (an object keyed by short id
 * for each Map) was a third of loading.
 */
import MiniSearch from 'minisearch';
import type { Options } from 'minisearch';
import { DenseMap, FieldLengths, NO_LENGTH, ShortIdsById } from './document-maps';
import { internalsOf, type MiniSearchInternals, type TermTree } from './minisearch-internals';
import { EncodedPostings, PostingList, type Postings } from './posting-list';
import { isSortedKeyOrder, sortedKeyOrder } from './key-order';
import { sortedByKey, TermIndex } from './term-index';
import { VarintWriter } from './varint';
import { runAtOnce } from './work-slices';

export interface SerializedIndex {
  /** The index's counts and averages, and its documents' ids, as JSON (DocumentsHeader). */
  documents: string;
  /** The documents' short ids, ascending, in the order of the header's ids. */
  shortIds: Uint32Array;
  /** The positions of the header's ids in ascending order of id: a loaded index looks ids up in it (document-maps.ts). Older snapshots have none. */
  sortedIds?: Uint32Array;
  /** Per document in that order, its distinct terms in each field (NO_LENGTH: no length for that field). */
  fieldLengths: Uint32Array;
  /** Term keys in ascending order, separated by TERM_BREAK: the order of `lists`, and the one MiniSearch's term tree is rebuilt in. */
  terms: string;
  /** The terms' numbers in ascending order of key: a loaded index looks terms up in it (term-index.ts). */
  sortedTerms: Uint32Array;
  /**
   * Per posting list: the number of its term, its field number, and where it ends, counted in
   * postings and in bytes of `postings` (it starts where the previous one ends).
   */
  lists: Uint32Array;
  /**
   * Every list, one after another, as varints (varint.ts): per posting the gap from the list's
   * previous document number (the first: the number itself), then the frequency. Document
   * numbers ascend in a list, so gaps are small: some 3 bytes a posting where the lists in
   * memory take 8.
   */
  postings: Uint8Array;
}

/** What MiniSearch keeps besides its Maps, and the documents' ids and stored fields (for an index that stores any). */
export interface DocumentsHeader {
  documentCount: number;
  nextId: number;
  dirtCount: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  ids: string[];
  storedFields: [number, Record<string, unknown>][];
}

/** Never in a term key: the tokenizer keeps letters, marks and digits, index-keys.ts adds none of these. */
const TERM_BREAK = '\n';

/** `onTerm`: told each term key with its number in the snapshot (what its term index's numberOf() gives once loaded). */
export function serializeIndex<T>(mini: MiniSearch<T>, onTerm?: (key: string, termNumber: number) => void): SerializedIndex {
  return runAtOnce(serializeIndexSteps(mini, onTerm));
}

/** Terms written between two steps of serializeIndexSteps() (a few milliseconds at 50,000 articles). */
const STEP_TERMS = 5000;

/** serializeIndex() in steps, pausing every STEP_TERMS terms (run in slices by SimilarityIndex.snapshotSteps). */
export function* serializeIndexSteps<T>(mini: MiniSearch<T>, onTerm?: (key: string, termNumber: number) => void): Generator<void, SerializedIndex> {
  const state = internalsOf(mini);
  const fields = Object.keys(state._fieldIds).length;
  const ids: string[] = [];
  const shortIds: number[] = [];
  const fieldLengths: number[] = [];
  for (const [shortId, id] of state._documentIds) {
    ids.push(id);
    shortIds.push(shortId);
    const lengths = state._fieldLength.get(shortId) ?? [];
    for (let field = 0; field < fields; field++) fieldLengths.push(lengths[field] ?? NO_LENGTH);
  }
  const header: DocumentsHeader = {
    documentCount: state._documentCount,
    nextId: state._nextId,
    dirtCount: state._dirtCount,
    fieldIds: state._fieldIds,
    averageFieldLength: state._avgFieldLength,
    ids,
    storedFields: [...state._storedFields],
  };
  const terms: string[] = [];
  const lists: number[] = [];
  const postings = new VarintWriter();
  let count = 0;
  for (const [term, byField] of inKeyOrder(state._index)) {
    for (const [fieldId, documents] of byField) {
      const list = documents instanceof PostingList ? documents : new PostingList(sortedPostings(documents));
      if (list.size === 0) continue;
      // A list not decoded since it was loaded or built is copied as it is.
      list.writeTo(postings);
      count += list.size;
      lists.push(terms.length, fieldId, count, postings.size);
    }
    onTerm?.(term, terms.length);
    terms.push(term);
    if (terms.length % STEP_TERMS === 0) yield;
  }
  return {
    documents: JSON.stringify(header),
    shortIds: Uint32Array.from(shortIds),
    sortedIds: state._idToShortId instanceof ShortIdsById ? state._idToShortId.sortedOrderOf(ids) : sortedKeyOrder(ids),
    fieldLengths: Uint32Array.from(fieldLengths),
    terms: terms.join(TERM_BREAK),
    // Written in ascending order of key: each term's number is its place.
    sortedTerms: Uint32Array.from(terms.keys()),
    lists: Uint32Array.from(lists),
    postings: postings.finish(),
  };
}

/**
 * The terms with their entries in ascending order of key: one order whatever built the index (so
 * equal indexes save equal snapshots), and the one a loaded index's TermIndex gives without
 * building MiniSearch's tree.
 */
function inKeyOrder(index: TermTree): Iterable<[string, Map<number, Postings>]> {
  return index instanceof TermIndex ? index.inKeyOrder() : sortedByKey(index);
}

/** The index serializeIndex() wrote; throws on data of another shape. */
export function deserializeIndex<T>(data: unknown, options: Options<T>): MiniSearch<T> {
  if (!isSerializedIndex(data)) throw new Error('not a serialized index');
  const mini = new MiniSearch<T>(options);
  const state = internalsOf(mini);
  const header = readHeader(data.documents, state._fieldIds);
  loadDocuments(state, header, data);
  state._index = termIndex(data, header.nextId);
  return mini;
}

function readHeader(json: string, fieldIds: Record<string, number>): DocumentsHeader {
  const header = JSON.parse(json) as Partial<DocumentsHeader> | null;
  const fields = Object.keys(fieldIds);
  if (
    !header ||
    !Number.isInteger(header.documentCount) ||
    !Number.isInteger(header.nextId) ||
    !Number.isInteger(header.dirtCount) ||
    !Array.isArray(header.ids) ||
    !Array.isArray(header.storedFields) ||
    !Array.isArray(header.averageFieldLength) ||
    header.averageFieldLength.length > fields.length ||
    JSON.stringify(header.fieldIds) !== JSON.stringify(fieldIds)
  ) {
    throw new Error('not a serialized index');
  }
  return header as DocumentsHeader;
}

/** MiniSearch's documents, counts and averages, its per-document Maps over the snapshot's arrays (document-maps.ts); the bulk writer loads its documents so too. */
export function loadDocuments(
  state: MiniSearchInternals,
  header: DocumentsHeader,
  { shortIds, sortedIds, fieldLengths }: Pick<SerializedIndex, 'shortIds' | 'sortedIds' | 'fieldLengths'>,
): void {
  const { ids, nextId } = header;
  const fields = Object.keys(state._fieldIds).length;
  if (ids.length !== header.documentCount || shortIds.length !== ids.length || fieldLengths.length !== ids.length * fields) throw new Error('not a serialized index');
  // Without the ids' sorted order (older snapshots, bulk builds) the ids go into a Map.
  const byId = sortedIds ? undefined : new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    if (typeof ids[i] !== 'string' || shortIds[i] >= nextId || (i > 0 && shortIds[i] <= shortIds[i - 1])) throw new Error('not a serialized index');
    byId?.set(ids[i], shortIds[i]);
  }
  // Ids in strictly ascending order are distinct, as a Map would make them.
  if (sortedIds && !isSortedKeyOrder(ids, sortedIds)) throw new Error('not a serialized index');
  // A copy of the ids: the DenseMap below takes the header's array as its slots and empties a slot when its document is discarded.
  const idToShortId = byId ?? new ShortIdsById(ids.slice(), shortIds, sortedIds!);
  state._documentCount = header.documentCount;
  state._nextId = nextId;
  state._dirtCount = header.dirtCount;
  state._avgFieldLength = header.averageFieldLength;
  state._idToShortId = idToShortId as unknown as Map<string, number>;
  state._documentIds = DenseMap.of(shortIds, ids, nextId) as unknown as Map<number, string>;
  state._fieldLength = FieldLengths.of(fields, shortIds, fieldLengths, nextId) as unknown as Map<number, number[]>;
  state._storedFields = new Map(header.storedFields);
}

function isSerializedIndex(data: unknown): data is SerializedIndex {
  const candidate = data as Partial<SerializedIndex> | undefined;
  return (
    typeof candidate?.documents === 'string' &&
    candidate.shortIds instanceof Uint32Array &&
    (candidate.sortedIds === undefined || candidate.sortedIds instanceof Uint32Array) &&
    candidate.fieldLengths instanceof Uint32Array &&
    typeof candidate.terms === 'string' &&
    candidate.sortedTerms instanceof Uint32Array &&
    candidate.lists instanceof Uint32Array &&
    candidate.postings instanceof Uint8Array &&
    candidate.lists.length % 4 === 0
  );
}

/**
 * The term index over the snapshot's keys and lists (term-index.ts): each term's entry is made
 * on first use, its lists left in the snapshot's bytes. Throws unless the lists and their bytes
 * fit together; the bytes of each list are checked as it is decoded (EncodedPostings.damaged).
 */
function termIndex({ terms, sortedTerms, lists, postings }: SerializedIndex, nextId: number): TermIndex {
  const keys = terms ? terms.split(TERM_BREAK) : [];
  if (!isSortedKeyOrder(keys, sortedTerms)) throw new Error('not a serialized index');
  // Where each term's lists begin in `lists` (by list number), checking each list's bounds on the way.
  const firstList = new Uint32Array(keys.length + 1);
  const largestLists = new Uint32Array(keys.length);
  let termNumber = 0;
  let count = 0;
  let start = 0;
  for (let list = 0; list * 4 < lists.length; list++) {
    const at = list * 4;
    const term = lists[at];
    const listEnd = lists[at + 2];
    const end = lists[at + 3];
    const size = listEnd - count;
    // A number takes one to five bytes.
    if (term < termNumber || term >= keys.length || size <= 0 || end - start < size * 2 || end - start > size * 10) throw new Error('not a serialized index');
    while (termNumber < term) firstList[++termNumber] = list;
    if (size > largestLists[term]) largestLists[term] = size;
    count = listEnd;
    start = end;
  }
  if (start !== postings.length) throw new Error('not a serialized index');
  while (termNumber < keys.length) firstList[++termNumber] = lists.length / 4;
  // A list starts where the previous one ends, in postings and in bytes.
  const sizeOf = (list: number) => lists[list * 4 + 2] - (list === 0 ? 0 : lists[list * 4 - 2]);
  const startOf = (list: number) => (list === 0 ? 0 : lists[list * 4 - 1]);
  const source = new EncodedPostings(postings, nextId, true);
  const entryOf = (term: number) => {
    const byField = new Map<number, PostingList>();
    for (let list = firstList[term]; list < firstList[term + 1]; list++) {
      byField.set(lists[list * 4 + 1], PostingList.fromEncoded(source, startOf(list), lists[list * 4 + 3], sizeOf(list)));
    }
    return byField;
  };
  const checkListsOf = (term: number) => {
    let postings = 0;
    for (let list = firstList[term]; list < firstList[term + 1]; list++) {
      PostingList.bytesHold(source, startOf(list), lists[list * 4 + 3], sizeOf(list));
      postings += sizeOf(list);
    }
    return postings;
  };
  return new TermIndex(keys, sortedTerms, entryOf, largestLists, source, checkListsOf);
}

/** Terms indexed since the last load still have MiniSearch's Maps: their postings in order of id. */
function sortedPostings(postings: Postings): [number, number][] {
  return [...postings.keys()].sort((a, b) => a - b).map((id) => [id, postings.get(id)!]);
}

/** Bytes a string takes in a structured clone (V8 keeps one byte a character where it can). */
function stringBytes(text: string): number {
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u00ff]/.test(text) ? text.length * 2 : text.length;
}

/** What a snapshot takes in IndexedDB, about (the benchmark's "saved size"): its strings and typed arrays. */
export function snapshotBytes(data: object): number {
  let bytes = 0;
  for (const value of Object.values(data)) {
    if (typeof value === 'string') bytes += stringBytes(value);
    else if (ArrayBuffer.isView(value)) bytes += value.byteLength;
    else if (value && typeof value === 'object') bytes += snapshotBytes(value);
  }
  return bytes;
}
