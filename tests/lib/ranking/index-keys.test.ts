import { describe, expect, it } from 'vitest';
import { indexKey, isCjkKey, termOfKey } from '@/lib/ranking/index-keys';

describe('index keys', () => {
  it('spells CJK terms (with kana and characters beyond the BMP) so they decode back', () => {
    for (const term of ['控制系统', '土', 'カタカナー', '𠀀𪚥', 'ひらがな']) {
      const key = indexKey(term);
      expect(key).not.toBe(term);
      expect(key).toHaveLength(1 + term.length * 3);
      // One-byte characters that JSON leaves as they are.
      expect(key).toMatch(/^#[A-Za-z0-9_-]+$/);
      expect(JSON.stringify(key)).toBe(`"${key}"`);
      expect(termOfKey(key)).toBe(term);
      expect(isCjkKey(key)).toBe(true);
    }
  });

  it('leaves other terms as they are', () => {
    for (const term of ['network', 'covid19', 'naïve', '한국어']) {
      expect(indexKey(term)).toBe(term);
      expect(termOfKey(term)).toBe(term);
      expect(isCjkKey(indexKey(term))).toBe(false);
    }
  });

  it('keeps a prefix of a term a prefix of its key', () => {
    expect(indexKey('控制系统').startsWith(indexKey('控'))).toBe(true);
    expect(indexKey('控制系统').startsWith(indexKey('控制'))).toBe(true);
    expect(indexKey('控制系统').startsWith(indexKey('制'))).toBe(false);
  });

  it('gives no node of the index more than 64 children, for all 20,992 common ideographs', () => {
    const children = new Map<string, Set<string>>();
    for (let code = 0x4e00; code <= 0x9fff; code++) {
      const key = indexKey(String.fromCharCode(code));
      for (let depth = 1; depth < key.length; depth++) {
        const parent = key.slice(0, depth);
        children.set(parent, (children.get(parent) ?? new Set()).add(key[depth]));
      }
    }
    expect(Math.max(...[...children.values()].map((set) => set.size))).toBe(64);
  });
});
