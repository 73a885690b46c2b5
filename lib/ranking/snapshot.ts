/**
 * The persisted form of a MiniSearch index with compact posting lists.
 *
 * MiniSearch's own JSON writes each posting list as an object keyed by document number: turning
 * 2.5 million postings (50,000 articles) into such objects and back was most of the time to
 * save and to load the index. Here the documents go as MiniSearch serializes them (its public
 * `AsPlainObject`, with an empty term index) and each posting list as the flat array a
 * PostingList keeps, read back without conversion.
 */
import type MiniSearch from 'minisearch';
import type { AsPlainObject, Options } from 'minisearch';
import { loadWithPostings } from './bulk-load';
import { internalsOf } from './minisearch-internals';
import { PostingList, type Postings } from './posting-list';

/** A term and, per field holding it, the field number and the flat posting list. */
type SerializedTerm = [string, ...(number | readonly number[])[]];

interface SerializedIndex {
  documents: AsPlainObject;
  terms: SerializedTerm[];
}

export function serializeIndex<T>(mini: MiniSearch<T>): string {
  const state = internalsOf(mini);
  const documents: AsPlainObject = {
    documentCount: state._documentCount,
    nextId: state._nextId,
    documentIds: Object.fromEntries(state._documentIds),
    fieldIds: state._fieldIds,
    fieldLength: Object.fromEntries(state._fieldLength),
    averageFieldLength: state._avgFieldLength,
    storedFields: Object.fromEntries(state._storedFields),
    dirtCount: state._dirtCount,
    index: [],
    serializationVersion: 2,
  };
  const terms: SerializedTerm[] = [];
  for (const [term, byField] of state._index) {
    const entry: SerializedTerm = [term];
    for (const [fieldId, postings] of byField) entry.push(fieldId, flatPostings(postings));
    terms.push(entry);
  }
  return JSON.stringify({ documents, terms } satisfies SerializedIndex);
}

/** The index serializeIndex() wrote; throws on data of another shape. */
export function deserializeIndex<T>(data: string, options: Options<T>): MiniSearch<T> {
  const { documents, terms } = JSON.parse(data) as SerializedIndex;
  if (!documents || !Array.isArray(terms)) throw new Error('not a serialized index');
  return loadWithPostings(documents, termPostings(terms), options);
}

function* termPostings(terms: SerializedTerm[]): Generator<[string, Map<number, PostingList>]> {
  for (const [term, ...fields] of terms) {
    const byField = new Map<number, PostingList>();
    for (let i = 0; i + 1 < fields.length; i += 2) byField.set(fields[i] as number, PostingList.fromFlat(fields[i + 1] as number[]));
    yield [term, byField];
  }
}

/** Terms indexed since the last load still have MiniSearch's Maps. */
function flatPostings(postings: Postings): readonly number[] {
  if (postings instanceof PostingList) return postings.toFlat();
  const flat: number[] = [];
  for (const id of [...postings.keys()].sort((a, b) => a - b)) flat.push(id, postings.get(id)!);
  return flat;
}
