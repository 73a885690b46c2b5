import { describe, expect, it } from 'vitest';
import { hash64, hashHex } from '@/lib/text/hash';

describe('hash64', () => {
  it('is FNV-1a in its first half, so keys made before stay the same', () => {
    expect(hash64('')[0]).toBe(0x811c9dc5);
    expect(hash64('a')[0]).toBe(0xe40c292c); // the published FNV-1a test vector for "a"
  });
  it('tells texts apart and repeats itself', () => {
    expect(hashHex('问责与避责')).toMatch(/^[0-9a-f]{16}$/);
    expect(hashHex('问责与避责')).toBe(hashHex('问责与避责'));
    expect(hashHex('问责与避责')).not.toBe(hashHex('问责与避贵'));
  });
});
