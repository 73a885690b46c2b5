import fc from 'fast-check';
import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { sortedKeyOrder } from '@/lib/ranking/key-order';
import { TermIndex } from '@/lib/ranking/term-index';

type Entry = Map<number, Map<number, number>>;

/** Term n's entry: one list of n + 1 postings. */
const entry = (n: number): Entry => new Map([[0, new Map(Array.from({ length: n + 1 }, (_, doc) => [doc, 1]))]]);
const key = fc.stringMatching(/^[a-e#]{1,5}$/);

/** A TermIndex over the keys, counting the entries it makes. */
function termIndex(keys: string[]) {
  const made: number[] = [];
  const index = new TermIndex(
    keys,
    sortedKeyOrder(keys),
    (n) => {
      made.push(n);
      return entry(n);
    },
    Uint32Array.from(keys, (_, n) => n + 1),
  );
  return { index, made };
}

describe('TermIndex', () => {
  it('finds each term without building the tree, making an entry once, on first use', () => {
    const { index, made } = termIndex(['graph', 'soil', 'gravity', 'pebble']);
    expect(index.get('gravity')).toEqual(entry(2));
    expect(index.get('gravity')).toBe(index.get('gravity'));
    expect(index.get('grav')).toBeUndefined();
    expect([index.has('soil'), index.has('soi'), index.size]).toEqual([true, false, 4]);
    const added = entry(9);
    expect(index.fetch('rigid', () => added)).toBe(added);
    expect(index.fetch('pebble', () => added)).toEqual(entry(3));
    expect(index.size).toBe(5);
    expect(made).toEqual([2, 3]);
    expect(index.isBuilt).toBe(false);
  });

  it('answers prefix, fuzzy and whole-index reads as the tree a load used to build, then added to', () => {
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 40 }), fc.array(key, { maxLength: 10 }), fc.array(key, { maxLength: 5 }), (keys, added, probes) => {
        const { index } = termIndex(keys);
        const tree = new SearchableMap<Entry>();
        keys.forEach((k, n) => tree.set(k, entry(n)));
        added.forEach((k, i) => {
          const value = entry(100 + i);
          // MiniSearch indexes a term with fetch: a term the index has keeps its entry.
          index.fetch(k, () => value);
          tree.fetch(k, () => value);
        });
        for (const probe of probes) expect(index.get(probe)).toEqual(tree.get(probe));
        expect(index.size).toBe(tree.size);
        // A snapshot's order, without the tree.
        const byKey = () => [...tree].sort(([a], [b]) => (a < b ? -1 : 1));
        expect([...index.inKeyOrder()]).toEqual(byKey());
        expect(index.isBuilt).toBe(false);
        for (const probe of probes) {
          expect([...index.atPrefix(probe)]).toEqual([...tree.atPrefix(probe)]);
          expect([...index.fuzzyGet(probe, 1)]).toEqual([...tree.fuzzyGet(probe, 1)]);
        }
        expect([...index]).toEqual([...tree]);
        index.delete(keys[0] ?? 'none');
        tree.delete(keys[0] ?? 'none');
        expect([...index]).toEqual([...tree]);
        expect([...index.inKeyOrder()]).toEqual(byKey());
      }),
    );
  });

  it('tells the largest list of a snapshot term from the sizes, without making its entry, and from its entry once made', () => {
    const { index, made } = termIndex(['graph', 'soil', 'gravity']);
    expect([index.numberOf('gravity'), index.numberOf('grav')]).toEqual([2, -1]);
    expect([index.largestList(0), index.largestList(2)]).toEqual([1, 3]);
    expect(made).toEqual([]);
    // An article indexed since adds postings to the entry, in a field or a new one.
    index.get('gravity')!.set(1, new Map(Array.from({ length: 5 }, (_, doc) => [doc, 1])));
    (index.get('graph')!.get(0) as Map<number, number>).set(40, 1);
    expect([index.largestList(0), index.largestList(2)]).toEqual([2, 5]);
    index.set('soil', entry(6));
    expect(index.largestList(1)).toBe(7);
    // Terms added since are not the snapshot's: they have no number.
    expect(index.holdsOtherTerms).toBe(false);
    index.fetch('rigid', () => entry(3));
    expect([index.numberOf('rigid'), index.holdsOtherTerms]).toEqual([-1, true]);
    index.delete('graph');
    expect([index.isBuilt, index.largestList(0), index.largestList(1), index.largestList(2)]).toEqual([true, 0, 7, 5]);
  });

  it('holds only the snapshot\'s terms until another is set, or until the tree is built (deletes and sets then go to it)', () => {
    const { index } = termIndex(['graph', 'soil']);
    index.get('graph');
    index.set('soil', entry(4));
    expect(index.holdsOtherTerms).toBe(false);
    index.delete('soil');
    expect(index.holdsOtherTerms).toBe(true);
  });

  it('keeps the entries made or changed before the tree is built', () => {
    const { index } = termIndex(['graph', 'gravity']);
    (index.get('graph')!.get(0) as Map<number, number>).set(7, 2);
    const replaced = entry(5);
    index.set('gravity', replaced);
    const tree = new SearchableMap<Entry>();
    tree.set('graph', new Map([[0, new Map([[0, 1], [7, 2]])]]));
    tree.set('gravity', replaced);
    expect([...index.atPrefix('gra')]).toEqual([...tree.atPrefix('gra')]);
    expect(index.get('gravity')).toBe(replaced);
    expect(index.isBuilt).toBe(true);
  });
});
