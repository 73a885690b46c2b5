/**
 * Many documents into a MiniSearch index at once.
 *
 * MiniSearch's add() walks its radix tree once per token; here posting lists are gathered in a
 * hash map, and each distinct term enters the tree once. At 50,000 articles that walk was about
 * a third of a full rebuild (tests/bench/ranking.ts). The documents, field lengths and stored
 * fields go in through MiniSearch's serialized form (`MiniSearch.loadJS`); the posting lists,
 * as compact PostingLists, are put into its term tree as loadJS itself puts them, without
 * first turning them into objects keyed by strings, which cost as much as the walk saved (not
 * public API: see minisearch-internals.ts).
 *
 * The index equals the one add() builds from the same documents in the same order, down to
 * MiniSearch's running average of field lengths, so scores do not depend on how the index was
 * built (tests/lib/ranking/bulk-load.test.ts).
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { internalsOf } from './minisearch-internals';
import { PostingList } from './posting-list';

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

  /** The index; the writer is not to be used afterwards. */
  load<T>(options: Options<T>): MiniSearch<T> {
    const js: AsPlainObject = {
      documentCount: this.documentIds.length,
      nextId: this.documentIds.length,
      // Arrays are objects keyed by their indexes, which is what loadJS reads.
      documentIds: this.documentIds,
      fieldIds: Object.fromEntries(this.fields.map((field, i) => [field, i])),
      fieldLength: this.fieldLength as unknown as AsPlainObject['fieldLength'],
      averageFieldLength: this.averageFieldLength,
      storedFields: this.storedFields,
      dirtCount: 0,
      index: [],
      serializationVersion: 2,
    };
    const lists: PostingList[] = [];
    for (const byField of this.postings.values()) for (const list of byField.values()) lists.push(list);
    PostingList.encode(lists);
    const mini = loadWithPostings(js, this.postings, options);
    this.postings.clear();
    return mini;
  }
}

/**
 * A MiniSearch index from its serialized documents (`index` left empty) and its posting lists,
 * put into the term tree as loadJS itself puts them.
 */
export function loadWithPostings<T>(js: AsPlainObject, postings: Iterable<[string, Map<number, PostingList>]>, options: Options<T>): MiniSearch<T> {
  const mini = MiniSearch.loadJS<T>(js, options);
  const tree = internalsOf(mini)._index;
  for (const [term, byField] of postings) tree.set(term, byField);
  return mini;
}

function definedValues(record: Record<string, unknown>): Record<string, unknown> {
  const defined: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record)) if (value !== undefined) defined[name] = value;
  return defined;
}
