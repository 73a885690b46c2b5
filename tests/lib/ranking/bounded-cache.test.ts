import { describe, expect, it, vi } from 'vitest';
import { BoundedCache } from '@/lib/ranking/bounded-cache';

describe('BoundedCache', () => {
  it('computes a key once, and starts afresh when it holds its limit', () => {
    const cache = new BoundedCache<string>(2);
    const compute = vi.fn((key: string) => key.toUpperCase());
    expect(cache.get('a', compute)).toBe('A');
    expect(cache.get('a', compute)).toBe('A');
    expect(compute).toHaveBeenCalledTimes(1);
    cache.get('b', compute);
    cache.get('c', compute); // full: emptied, then c kept
    expect(compute).toHaveBeenCalledTimes(3);
    cache.get('c', compute);
    expect(compute).toHaveBeenCalledTimes(3);
    cache.get('a', compute); // forgotten with the clear
    expect(compute).toHaveBeenCalledTimes(4);
  });
});
