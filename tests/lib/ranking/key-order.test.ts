import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInKeyOrder, isSortedKeyOrder, sortedKeyOrder, sortedKeyOrderAfter } from '@/lib/ranking/key-order';

describe('sortedKeyOrder', () => {
  it('orders the keys\' numbers by key, and the check refuses any other order, repeats or numbers out of range', () => {
    const keys = ['soil', 'graph', '#AbC', 'gravity'];
    const sorted = sortedKeyOrder(keys);
    expect([...sorted].map((n) => keys[n])).toEqual(['#AbC', 'graph', 'gravity', 'soil']);
    expect(isSortedKeyOrder(keys, sorted)).toBe(true);
    expect(isSortedKeyOrder(keys, Uint32Array.from([2, 1, 1, 0]))).toBe(false);
    expect(isSortedKeyOrder(keys, Uint32Array.from([2, 3, 1, 0]))).toBe(false);
    expect(isSortedKeyOrder(keys, Uint32Array.from([2, 1, 3]))).toBe(false);
    expect(isSortedKeyOrder(keys, Uint32Array.from([2, 1, 3, 9]))).toBe(false);
    expect(isSortedKeyOrder([], new Uint32Array(0))).toBe(true);
  });

  it('sorts only the keys after those already in order, merging them in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 4 }), { maxLength: 30 }), fc.nat(30), (keys, loaded) => {
        const before = keys.slice(0, loaded);
        expect(sortedKeyOrderAfter(keys, sortedKeyOrder(before))).toEqual(sortedKeyOrder(keys));
      }),
    );
  });

  it('finds a key\'s number by halves, and -1 for a key not there', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 4 }), { maxLength: 30 }), fc.string({ maxLength: 4 }), (keys, probe) => {
        const sorted = sortedKeyOrder(keys);
        keys.forEach((key, n) => expect(findInKeyOrder(keys, sorted, key)).toBe(n));
        expect(findInKeyOrder(keys, sorted, probe)).toBe(keys.indexOf(probe));
      }),
    );
  });
});
