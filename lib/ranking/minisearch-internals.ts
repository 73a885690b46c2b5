/**
 * What the ranker reads and writes of MiniSearch's private state, named in one place.
 *
 * None of it is public API. A loaded snapshot puts objects of its own in place of some of these
 * Maps (document-maps.ts, posting-list.ts): they offer what MiniSearch 7.2.0 calls on them. minisearch is pinned at 7.2.0: on an upgrade, check these names
 * against its source, then run tests/lib/ranking, where bulk-load, posting-list, more-like-this
 * and snapshot compare their results with MiniSearch's own.
 */
import type MiniSearch from 'minisearch';
import type { Postings } from './posting-list';

/** Term key -> field number -> short document id -> term frequency (a SearchableMap, or a loaded snapshot's TermIndex). */
export interface TermTree extends Iterable<[string, Map<number, Postings>]> {
  get(key: string): Map<number, Postings> | undefined;
  set(key: string, byField: Map<number, Postings>): unknown;
}

export interface MiniSearchInternals {
  _index: TermTree;
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _storedFields: Map<number, Record<string, unknown>>;
  _fieldIds: Record<string, number>;
  /** Short document id -> distinct terms per field; discarded documents have none. */
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
}

export function internalsOf<T>(mini: MiniSearch<T>): MiniSearchInternals {
  return mini as unknown as MiniSearchInternals;
}
