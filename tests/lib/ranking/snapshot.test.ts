import type MiniSearch from 'minisearch';
import type { AsPlainObject } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { BulkIndexWriter } from '@/lib/ranking/bulk-load';
import { PostingList } from '@/lib/ranking/posting-list';
import { deserializeIndex, serializeIndex } from '@/lib/ranking/snapshot';
import { internalsOf } from '@/lib/ranking/minisearch-internals';
import { DenseMap, FieldLengths, ShortIdsById } from '@/lib/ranking/document-maps';
import { TermIndex } from '@/lib/ranking/term-index';

const OPTIONS = { fields: ['title', 'body'], storeFields: ['title'], tokenize: (text: string) => (text ? text.split(' ') : []) };

const DOCS = [
  { id: 'a', title: 'graph pebble', body: 'pebble game pebble sparse graph' },
  { id: 'b', title: 'soil', body: 'soil wheat yield soil' },
  { id: 'c', title: '', body: 'graph tree decomposition' },
];

/** An index as the ranker has them: compact lists from a bulk build, Maps for terms added later, a discarded document. */
function lived(): MiniSearch<(typeof DOCS)[number]> {
  const writer = new BulkIndexWriter(OPTIONS.fields);
  for (const doc of DOCS) writer.add({ id: doc.id, fieldTerms: [OPTIONS.tokenize(doc.title), OPTIONS.tokenize(doc.body)], stored: { title: doc.title } });
  const mini = writer.load<(typeof DOCS)[number]>(OPTIONS);
  mini.add({ id: 'd', title: 'rigidity', body: 'graph rigidity matroid' });
  mini.discard('b');
  return mini;
}

describe('index snapshots', () => {
  it('restore the whole state of the index: documents, stored fields, postings, averages and dirt', () => {
    const mini = lived();
    const restored = deserializeIndex(serializeIndex(mini), OPTIONS);
    // MiniSearch's own serialization describes the whole state. Its term tree lists terms in an
    // order that depends on how they were inserted (MiniSearch's own loadJSON reverses it too).
    const state = (index: { toJSON(): AsPlainObject }) => {
      const { index: terms, ...rest } = index.toJSON();
      return { ...rest, terms: [...terms].sort(([a], [b]) => (a < b ? -1 : 1)) };
    };
    expect(state(restored)).toEqual(state(mini));
    for (const query of ['graph', 'rigidity pebble', 'soil', 'gra']) expect(restored.search(query, { prefix: true })).toEqual(mini.search(query, { prefix: true }));
  });

  it('load every posting list compact, and go on taking additions', () => {
    const restored = deserializeIndex(serializeIndex(lived()), OPTIONS);
    const tree = internalsOf(restored)._index;
    expect(tree.get('matroid')!.get(1)).toBeInstanceOf(PostingList);
    restored.add({ id: 'e', title: 'matroid', body: '' });
    expect(restored.search('matroid').map(({ id }) => id)).toEqual(['e', 'd']);
  });

  it('are binary: typed arrays and strings that survive a structured clone, the lists left in its bytes until used', () => {
    const data = serializeIndex(lived());
    expect(data.postings).toBeInstanceOf(Uint8Array);
    const restored = deserializeIndex(structuredClone(data), OPTIONS);
    const tree = internalsOf(restored)._index;
    const list = (term: string, field: number) => tree.get(term)!.get(field) as PostingList;
    expect([list('graph', 1).isEncoded, list('pebble', 1).isEncoded]).toEqual([true, true]);
    expect(list('graph', 1).size).toBe(3);
    expect(restored.search('graph')).toEqual(deserializeIndex(data, OPTIONS).search('graph'));
    expect([list('graph', 1).isEncoded, list('pebble', 1).isEncoded]).toEqual([false, true]);
    // A list never decoded goes into the next snapshot as it is, a decoded one encoded again alike.
    const untouched = deserializeIndex(data, OPTIONS);
    expect(serializeIndex(restored)).toEqual(serializeIndex(untouched));
    expect(list('pebble', 1).isEncoded).toBe(true);
  });

  it('load posting lists without reading their bytes, and a list whose bytes are damaged answers nothing and marks the term index damaged', () => {
    const data = serializeIndex(lived());
    const postings = Uint8Array.from(data.postings);
    // The first list (term 'decomposition') with its first number run into the next.
    postings[0] |= 0x80;
    const restored = deserializeIndex({ ...data, postings }, OPTIONS);
    const terms = internalsOf(restored)._index as TermIndex;
    expect(terms.damaged).toBe(false);
    expect(restored.search('graph').map(({ id }) => id)).toEqual(deserializeIndex(data, OPTIONS).search('graph').map(({ id }) => id));
    expect(terms.damaged).toBe(false);
    expect(restored.search('decomposition')).toEqual([]);
    expect(deserializeIndex(data, OPTIONS).search('decomposition').map(({ id }) => id)).toEqual(['c']);
    expect(terms.damaged).toBe(true);
    expect(() => serializeIndex(deserializeIndex({ ...data, postings }, OPTIONS))).toThrow(/damaged/);
  });

  it('refuse data of another shape', () => {
    expect(() => deserializeIndex('{"documentCount":3}', OPTIONS)).toThrow();
    expect(() => deserializeIndex({ documents: '{}', terms: 'a', lists: [0, 0, 2], postings: [0, 1] }, OPTIONS)).toThrow();
    const data = serializeIndex(lived());
    expect(() => deserializeIndex({ ...data, lists: Uint32Array.from([0, 0, 1000]) }, OPTIONS)).toThrow();
    expect(() => deserializeIndex({ ...data, postings: data.postings.subarray(0, data.postings.length - 1) }, OPTIONS)).toThrow();
    // A list's bytes too few or too many for its numbers (one to five bytes each).
    const lists = Uint32Array.from(data.lists);
    lists[2] += 3;
    expect(() => deserializeIndex({ ...data, lists }, OPTIONS)).toThrow();
    // Documents: ids, short ids and field lengths that do not fit together, or another index's fields.
    expect(() => deserializeIndex({ ...data, shortIds: data.shortIds.subarray(1) }, OPTIONS)).toThrow();
    expect(() => deserializeIndex({ ...data, shortIds: Uint32Array.from(data.shortIds).reverse() }, OPTIONS)).toThrow();
    expect(() => deserializeIndex({ ...data, shortIds: Uint32Array.from(data.shortIds, (id) => id + 100) }, OPTIONS)).toThrow();
    expect(() => deserializeIndex({ ...data, fieldLengths: data.fieldLengths.subarray(2) }, OPTIONS)).toThrow();
    // Ids: a sorted order that is not one, or an id twice.
    expect(() => deserializeIndex({ ...data, sortedIds: Uint32Array.from(data.sortedIds!).reverse() }, OPTIONS)).toThrow();
    expect(() => deserializeIndex({ ...data, sortedIds: data.sortedIds!.subarray(1) }, OPTIONS)).toThrow();
    expect(() => deserializeIndex({ ...data, sortedIds: [...data.sortedIds!] }, OPTIONS)).toThrow();
    const header = JSON.parse(data.documents);
    const twice = JSON.stringify({ ...header, ids: [header.ids[0], ...header.ids.slice(0, -1)] });
    expect(() => deserializeIndex({ ...data, documents: twice }, OPTIONS)).toThrow();
    expect(() => deserializeIndex({ ...data, fieldLengths: [...data.fieldLengths] }, OPTIONS)).toThrow();
    expect(() => deserializeIndex(data, { ...OPTIONS, fields: ['body', 'title'] })).toThrow();
    // Terms: a sorted order that is not one.
    expect(() => deserializeIndex({ ...data, sortedTerms: Uint32Array.from(data.sortedTerms).reverse() }, OPTIONS)).toThrow();
    expect(() => deserializeIndex({ ...data, sortedTerms: data.sortedTerms.subarray(1) }, OPTIONS)).toThrow();
    expect(() => deserializeIndex({ ...data, documents: JSON.stringify({ ...JSON.parse(data.documents), ids: 'a' }) }, OPTIONS)).toThrow();
  });

  it("look ids up in the snapshot's sorted ids without a Map of them, and take additions, discards and replacements as MiniSearch does", () => {
    const data = serializeIndex(lived());
    const older = { ...data, sortedIds: undefined };
    const [restored, restoredOlder, mini] = [deserializeIndex(data, OPTIONS), deserializeIndex(older, OPTIONS), lived()];
    expect(internalsOf(restored)._idToShortId).toBeInstanceOf(ShortIdsById);
    // A snapshot saved before the ids' order was kept loads them into a Map.
    expect(internalsOf(restoredOlder)._idToShortId).toBeInstanceOf(Map);
    for (const index of [restored, restoredOlder, mini]) {
      index.add({ id: 'e', title: 'matroid', body: 'pebble' });
      index.discard('a');
      index.add({ id: 'a', title: 'graph', body: 'sparse graph' });
      expect(() => index.add({ id: 'd', title: '', body: 'again' })).toThrow(/duplicate/);
    }
    const answers = (index: MiniSearch) => [['a', 'b', 'c', 'd', 'e', 'f'].map((id) => index.has(id)), index.search('graph pebble matroid').map(({ id, score }) => [id, score])];
    expect(answers(restored)).toEqual(answers(mini));
    expect(answers(restoredOlder)).toEqual(answers(mini));
    expect(serializeIndex(restored)).toEqual(serializeIndex(restoredOlder));
  });

  it('find every other id after a document is discarded from a snapshot that had no discarded documents (its ids taken as they are)', () => {
    const writer = new BulkIndexWriter(OPTIONS.fields);
    const ids = ['p', 'q', 'r', 's', 't'];
    for (const id of ids) writer.add({ id, fieldTerms: [[id], ['word']], stored: {} });
    const restored = deserializeIndex(serializeIndex(writer.load(OPTIONS)), OPTIONS);
    restored.discard('r');
    expect(ids.map((id) => restored.has(id))).toEqual([true, true, false, true, true]);
    expect(restored.search('word').map(({ id }) => id).sort()).toEqual(['p', 'q', 's', 't']);
  });

  it('look terms up in the snapshot\'s sorted keys, building MiniSearch\'s term tree only for what needs it', () => {
    const mini = lived();
    const restored = deserializeIndex(serializeIndex(mini), OPTIONS);
    const terms = internalsOf(restored)._index as TermIndex;
    expect(terms).toBeInstanceOf(TermIndex);
    expect(restored.search('graph rigidity')).toEqual(mini.search('graph rigidity'));
    restored.add({ id: 'e', title: 'pebble', body: 'gravel graph' });
    mini.add({ id: 'e', title: 'pebble', body: 'gravel graph' });
    expect(terms.isBuilt).toBe(false);
    expect(restored.search('gra', { prefix: true })).toEqual(mini.search('gra', { prefix: true }));
    expect(terms.isBuilt).toBe(true);
  });

  it('keep the terms in ascending order of key whatever built the index, writing them without building a term tree', () => {
    const restored = () => {
      const index = deserializeIndex(serializeIndex(lived()), OPTIONS);
      index.add({ id: 'e', title: 'pebble', body: 'zircon gravel aardvark' });
      return index;
    };
    const untreed = restored();
    const treed = restored();
    treed.search('gra', { prefix: true });
    expect((internalsOf(treed)._index as TermIndex).isBuilt).toBe(true);
    const data = serializeIndex(untreed);
    expect((internalsOf(untreed)._index as TermIndex).isBuilt).toBe(false);
    const terms = data.terms.split('\n');
    expect(terms).toEqual([...terms].sort());
    expect(terms).toEqual(expect.arrayContaining(['aardvark', 'gravel', 'zircon', 'matroid']));
    expect(data).toEqual(serializeIndex(treed));
    expect(deserializeIndex(data, OPTIONS).search('gravel graph')).toEqual(untreed.search('gravel graph'));
  });

  it('load the documents into MiniSearch\'s per-document Maps over the snapshot\'s arrays, which take additions and discards', () => {
    const restored = deserializeIndex(serializeIndex(lived()), OPTIONS);
    const state = internalsOf(restored);
    expect(state._documentIds).toBeInstanceOf(DenseMap);
    expect(state._fieldLength).toBeInstanceOf(FieldLengths);
    restored.add({ id: 'e', title: 'pebble', body: 'pebble graph' });
    restored.discard('a');
    expect(restored.search('pebble').map(({ id }) => id)).toEqual(['e']);
    expect(restored.getStoredFields('e')).toEqual({ title: 'pebble' });
    const again = deserializeIndex(serializeIndex(restored), OPTIONS);
    expect(again.search('pebble graph')).toEqual(restored.search('pebble graph'));
    expect([...internalsOf(again)._documentIds.values()]).toEqual(['c', 'd', 'e']);
  });
});
