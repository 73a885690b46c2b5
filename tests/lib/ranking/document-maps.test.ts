import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyRow, DenseMap, FieldLengths, NO_LENGTH } from '@/lib/ranking/document-maps';

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

  const columns = (size: number) => [new Float64Array(size), new Float64Array(size)];

  it('copies every present document\'s lengths into one array per field, zero for holes and absent documents', () => {
    const lengths = FieldLengths.of(2, [0, 2, 5], Uint32Array.from([3, 5, NO_LENGTH, 2, 7, 0]), 6);
    lengths.set(6, [, 8] as number[]);
    lengths.delete(5);
    const copied = columns(7);
    lengths.copyInto(copied);
    expect(copied.map((column) => [...column])).toEqual([
      [3, 0, 0, 0, 0, 0, 0],
      [5, 0, 2, 0, 0, 0, 8],
    ]);
  });

  it('copies what forEach() gives, after any sets and deletes', () => {
    const change = fc.oneof(fc.tuple(fc.constant('set' as const), fc.nat(30), fc.nat(9), fc.option(fc.nat(9))), fc.tuple(fc.constant('delete' as const), fc.nat(30)));
    fc.assert(
      fc.property(loaded, fc.array(change, { maxLength: 30 }), (ids, changes) => {
        const size = (ids.at(-1) ?? -1) + 1;
        const rows = Uint32Array.from(ids.flatMap((id) => [id + 1, id % 3 === 0 ? NO_LENGTH : id]));
        const lengths = FieldLengths.of(2, ids, rows, size);
        for (const [kind, id, first, second] of changes) {
          if (kind === 'delete') lengths.delete(id);
          // A row with a hole where a field has no terms, as MiniSearch leaves it.
          else lengths.set(id, second === null ? [first] : [first, second!]);
        }
        const expected = columns(31);
        lengths.forEach((row, id) => copyRow(row, id, expected));
        const copied = columns(31);
        lengths.copyInto(copied);
        expect(copied).toEqual(expected);
      }),
    );
  });
});
