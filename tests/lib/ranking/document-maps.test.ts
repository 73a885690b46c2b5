import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DenseMap, FieldLengths, NO_LENGTH, ShortIdsById } from '@/lib/ranking/document-maps';
import { sortedKeyOrder } from '@/lib/ranking/key-order';

type Operation = ['set', number, number] | ['delete', number] | ['get', number] | ['has', number];

const operation = fc.oneof(
  fc.tuple(fc.constant('set' as const), fc.nat(30), fc.nat(50)),
  fc.tuple(fc.constant('delete' as const), fc.nat(30)),
  fc.tuple(fc.constant('get' as const), fc.nat(30)),
  fc.tuple(fc.constant('has' as const), fc.nat(30)),
);

/** Short ids 0..n-1 less some, ascending, as a snapshot holds them after discards. */
const loaded = fc.array(fc.boolean(), { maxLength: 20 }).map((kept) => kept.flatMap((keep, id) => (keep ? [id] : [])));

const ascending = (entries: Iterable<[number, unknown]>) => [...entries].sort((a, b) => a[0] - b[0]);

describe('DenseMap', () => {
  it('answers as a Map filled in ascending order of short id, from a snapshot\'s ids and after any changes', () => {
    fc.assert(
      fc.property(loaded, fc.array(operation, { maxLength: 80 }), (shortIds, operations: Operation[]) => {
        const values = shortIds.map((id) => `doc-${id}`);
        const map = new Map<number, string>(shortIds.map((id, i) => [id, values[i]]));
        const dense = DenseMap.of(shortIds, values, (shortIds.at(-1) ?? -1) + 1);
        for (const [name, id, value] of operations) {
          if (name === 'set') {
            map.set(id, `new-${value}`);
            dense.set(id, `new-${value}`);
          } else expect(dense[name](id)).toEqual(map[name](id));
          expect(dense.size).toBe(map.size);
        }
        // MiniSearch sets short ids in ascending order, so its Maps iterate so; a DenseMap always does.
        expect([...dense]).toEqual(ascending(map));
        expect([...dense.keys()]).toEqual(ascending(map).map(([id]) => id));
        expect([...dense.values()]).toEqual(ascending(map).map(([, value]) => value));
        const visited: [number, string][] = [];
        dense.forEach((value, id) => visited.push([id, value]));
        expect(visited).toEqual(ascending(map));
      }),
    );
  });
});

describe('ShortIdsById', () => {
  type IdOperation = ['set', string, number] | ['delete', string] | ['get', string] | ['has', string];
  const id = fc.stringMatching(/^[a-d0-9#é文]{0,4}$/);
  const idOperation = fc.oneof(
    fc.tuple(fc.constant('set' as const), id, fc.nat(50)),
    fc.tuple(fc.constant('delete' as const), id),
    fc.tuple(fc.constant('get' as const), id),
    fc.tuple(fc.constant('has' as const), id),
  );

  it("answers as MiniSearch's Map of ids to short ids, from a snapshot's ids in their sorted order and after any changes", () => {
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 20 }), fc.array(idOperation, { maxLength: 80 }), (ids, operations: IdOperation[]) => {
        const shortIds = Uint32Array.from(ids.keys(), (i) => i * 2);
        const map = new Map(ids.map((key, i) => [key, shortIds[i]]));
        const lookup = new ShortIdsById(ids, shortIds, sortedKeyOrder(ids));
        for (const key of ids) expect(lookup.get(key)).toBe(map.get(key));
        for (const [name, key, value] of operations) {
          if (name === 'set') {
            map.set(key, value);
            expect(lookup.set(key, value)).toBe(lookup);
          } else expect(lookup[name](key)).toEqual(map[name](key));
        }
        for (const key of [...ids, ...operations.map(([, key]) => key)]) expect([lookup.has(key), lookup.get(key)]).toEqual([map.has(key), map.get(key)]);
      }),
    );
  });
});

describe('FieldLengths', () => {
  it('answers as MiniSearch\'s Map of field lengths: loaded rows, holes, arrays set and filled in later, deletes', () => {
    const rows = Uint32Array.from([3, 5, NO_LENGTH, 2, 7, 0]);
    const lengths = FieldLengths.of(2, [0, 2, 5], rows, 6);
    expect(lengths.size).toBe(3);
    expect([...lengths]).toEqual([[0, [3, 5]], [2, [, 2]], [5, [7, 0]]]);
    expect(lengths.has(1)).toBe(false);
    expect(lengths.get(1)).toBeUndefined();
    // A loaded row is a new array each time: MiniSearch only reads those.
    lengths.get(0)![0] = 99;
    expect(lengths.get(0)).toEqual([3, 5]);
    // MiniSearch sets an array for a new document and fills it in afterwards.
    const added: number[] = [];
    lengths.set(6, added);
    added[0] = 4;
    added[1] = 1;
    expect(lengths.get(6)).toEqual([4, 1]);
    expect(lengths.delete(2)).toBe(true);
    expect(lengths.delete(2)).toBe(false);
    expect(lengths.has(2)).toBe(false);
    const visited: [number, number[]][] = [];
    lengths.forEach((row, id) => visited.push([id, row]));
    expect(visited).toEqual([[0, [3, 5]], [5, [7, 0]], [6, [4, 1]]]);
    expect([...lengths.keys()]).toEqual([0, 5, 6]);
    expect(Object.fromEntries(lengths)).toEqual({ 0: [3, 5], 5: [7, 0], 6: [4, 1] });
    expect(lengths.size).toBe(3);
    lengths.clear();
    expect(lengths.size).toBe(0);
    expect([...lengths]).toEqual([]);
  });

  it("gives every document's lengths as rows by short id: zeros for none, NO_LENGTH for a hole, rows set meanwhile written in", () => {
    const lengths = FieldLengths.of(2, [0, 2, 5], Uint32Array.from([3, 5, NO_LENGTH, 2, 7, 0]), 6);
    const added: number[] = [];
    lengths.set(6, added);
    added[1] = 8;
    lengths.delete(5);
    expect([...lengths.rows().subarray(0, 14)]).toEqual([3, 5, 0, 0, NO_LENGTH, 2, 0, 0, 0, 0, 0, 0, NO_LENGTH, 8]);
    // Once written in, the row is the lengths' own: a get() gives a copy.
    lengths.get(6)![1] = 99;
    expect([lengths.get(6), lengths.size, lengths.has(6)]).toEqual([[, 8], 3, true]);
  });

  it("never changes a snapshot's rows it reads in place: the same snapshot may be loaded again", () => {
    const rows = Uint32Array.from([3, 5, 4, 2, 7, 1]);
    const lengths = FieldLengths.of(2, [0, 1, 2], rows, 3);
    expect(lengths.rows()).toBe(rows);
    lengths.delete(1);
    lengths.set(0, [9, 9]);
    expect([...lengths.rows().subarray(0, 6)]).toEqual([9, 9, 0, 0, 7, 1]);
    expect([...rows]).toEqual([3, 5, 4, 2, 7, 1]);
  });

  it("answers as MiniSearch's Map and gives its rows, whenever the rows are read among sets and deletes", () => {
    const change = fc.oneof(
      fc.tuple(fc.constant('set' as const), fc.nat(30), fc.nat(9), fc.option(fc.nat(9))),
      fc.tuple(fc.constant('delete' as const), fc.nat(30)),
      fc.tuple(fc.constant('rows' as const)),
    );
    fc.assert(
      fc.property(loaded, fc.array(change, { maxLength: 30 }), (ids, changes) => {
        const size = (ids.at(-1) ?? -1) + 1;
        const rows = Uint32Array.from(ids.flatMap((id) => [id + 1, id % 3 === 0 ? NO_LENGTH : id]));
        const lengths = FieldLengths.of(2, ids, rows, size);
        const map = new Map<number, number[]>(ids.map((id, i) => [id, [...rows.subarray(i * 2, i * 2 + 2)].map((n) => (n === NO_LENGTH ? undefined : n)) as number[]]));
        for (const [kind, id, first, second] of changes) {
          if (kind === 'rows') lengths.rows();
          else if (kind === 'delete') expect(lengths.delete(id!)).toBe(map.delete(id!));
          else {
            // A row with a hole where a field has no terms, as MiniSearch leaves it.
            const row = second === null ? [first!] : [first!, second!];
            lengths.set(id!, [...row]);
            map.set(id!, row);
          }
          expect(lengths.size).toBe(map.size);
        }
        const byId = (entries: Iterable<[number, number[]]>) => [...entries].sort(([a], [b]) => a - b).map(([id, row]) => [id, [row[0], row[1]]]);
        expect(byId(lengths)).toEqual(byId(map));
        const read = lengths.rows();
        for (let id = 0; id <= 30; id++) {
          const row = map.get(id);
          const expected = row ? [row[0] ?? NO_LENGTH, row[1] ?? NO_LENGTH] : [0, 0];
          expect(id * 2 + 1 < read.length ? [read[id * 2], read[id * 2 + 1]] : [0, 0]).toEqual(expected);
        }
      }),
    );
  });
});
