/**
 * Many documents into a MiniSearch index at once.
 *
 * MiniSearch's add() walks its radix tree once per token; here posting lists are gathered in a
 * hash map, and each distinct term enters the tree once. At 50,000 articles that walk was about
 * a third of a full rebuild (tests/bench/ranking.ts). The documents, field lengths and stored
 * fields, and the posting lists (compact PostingLists, encoded as a snapshot keeps them), go in
 * as a snapshot's do (snapshot.ts, document-maps.ts, term-index.ts): no Map entry per document,
 * and no term tree until something needs one (not public API: see minisearch-internals.ts).
 *
 * The index equals the one add() builds from the same documents in the same order, down to
 * MiniSearch's running average of field lengths, so scores do not depend on how the index was
 * built (tests/lib/ranking/bulk-load.test.ts).
 */
import MiniSearch, { type Options } from 'minisearch';
import { internalsOf } from './minisearch-internals';
import { PostingList } from './posting-list';
import { loadDocuments, type DocumentsHeader } from './snapshot';
import { sortedKeyOrder, TermIndex } from './term-index';

export interface BulkDocument {
  id: string;
  /** Per field, in the order of the index's fields: the terms as add() indexes them (after processTerm). */
  fieldTerms: string[][];
  /** Stored fields in the order of `storeFields`; undefined ones are not stored, as with add(). */
  stored: Record<string, unknown>;
}

export class BulkIndexWriter {
  private readonly documentIds: string[] = [];
  private readonly fieldLength: number[][] = [];
  /** Stored fields by short id (none when the index stores no fields). */
  private readonly storedFields: Record<number, Record<string, unknown>> = {};
  private readonly averageFieldLength: number[];
  /** MiniSearch's layout: term -> field number -> short document id -> term frequency, all in order of first occurrence. */
  private readonly postings = new Map<string, Map<number, PostingList>>();
  private readonly seen = new Set<string>();

  constructor(private readonly fields: readonly string[]) {
    this.averageFieldLength = fields.map(() => 0);
  }

  get size(): number {
    return this.documentIds.length;
  }

  /** Adds a document; a second document with the same id is refused, as add() refuses it. */
  add({ id, fieldTerms, stored }: BulkDocument): void {
    if (this.seen.has(id)) throw new Error(`duplicate id ${id}`);
    this.seen.add(id);
    const docId = this.documentIds.length;
    this.documentIds.push(id);
    // As add(): an index that stores fields has an entry for every document, one that stores none has none.
    if (Object.keys(stored).length > 0) this.storedFields[docId] = definedValues(stored);
    const lengths: number[] = [];
    fieldTerms.forEach((terms, fieldId) => {
      // Term frequencies are counted in the posting lists themselves: one lookup per occurrence.
      let distinct = 0;
      for (const term of terms) {
        let byField = this.postings.get(term);
        if (!byField) this.postings.set(term, (byField = new Map()));
        let documents = byField.get(fieldId);
        if (!documents) byField.set(fieldId, (documents = new PostingList()));
        if (documents.addOccurrence(docId)) distinct++;
      }
      lengths[fieldId] = distinct;
      // MiniSearch's running average, so that BM25 gets the very same numbers as after add().
      this.averageFieldLength[fieldId] = (this.averageFieldLength[fieldId] * docId + distinct) / (docId + 1);
    });
    this.fieldLength.push(lengths);
  }

  /**
   * The index; the writer is not to be used afterwards. Its documents and terms go in as a
   * snapshot's do (snapshot.ts): MiniSearch's per-document Maps over arrays, its terms looked up
   * in sorted keys and its term tree built only when something needs it, in the order of first
   * occurrence, which is the order add() inserts terms in.
   */
  load<T>(options: Options<T>): MiniSearch<T> {
    const mini = new MiniSearch<T>(options);
    const state = internalsOf(mini);
    if (JSON.stringify(state._fieldIds) !== JSON.stringify(Object.fromEntries(this.fields.map((field, i) => [field, i])))) throw new Error('the index has other fields');
    const count = this.documentIds.length;
    const fieldLengths = new Uint32Array(count * this.fields.length);
    this.fieldLength.forEach((lengths, docId) => fieldLengths.set(lengths, docId * this.fields.length));
    const header: DocumentsHeader = {
      documentCount: count,
      nextId: count,
      dirtCount: 0,
      fieldIds: state._fieldIds,
      averageFieldLength: this.averageFieldLength,
      ids: this.documentIds,
      storedFields: Object.entries(this.storedFields).map(([docId, stored]) => [Number(docId), stored]),
    };
    loadDocuments(state, header, { shortIds: Uint32Array.from(this.documentIds.keys()), fieldLengths });
    const lists: PostingList[] = [];
    for (const byField of this.postings.values()) for (const list of byField.values()) lists.push(list);
    PostingList.encode(lists);
    const keys = [...this.postings.keys()];
    const entries = [...this.postings.values()];
    state._index = new TermIndex(keys, sortedKeyOrder(keys), (termNumber) => entries[termNumber]);
    this.postings.clear();
    return mini;
  }
}

function definedValues(record: Record<string, unknown>): Record<string, unknown> {
  const defined: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record)) if (value !== undefined) defined[name] = value;
  return defined;
}
