import { describe, expect, it } from 'vitest';
import { indexKey, termOfKey } from '@/lib/ranking/index-keys';

describe('index keys', () => {
  it('spells CJK terms (with kana and characters beyond the BMP) so they decode back', () => {
    for (const term of ['控制系统', '土', 'カタカナー', '𠀀𪚥', 'ひらがな']) {
      const key = indexKey(term);
      expect(key).not.toBe(term);
      expect(key).toHaveLength(term.length * 2);
      expect(termOfKey(key)).toBe(term);
    }
  });

  it('leaves other terms as they are', () => {
    for (const term of ['network', 'covid19', 'naïve', '한국어']) {
      expect(indexKey(term)).toBe(term);
      expect(termOfKey(term)).toBe(term);
    }
  });

  it('keeps a prefix of a term a prefix of its key', () => {
    expect(indexKey('控制系统').startsWith(indexKey('控'))).toBe(true);
    expect(indexKey('控制系统').startsWith(indexKey('控制'))).toBe(true);
    expect(indexKey('控制系统').startsWith(indexKey('制'))).toBe(false);
  });

  it('starts the keys of all 20,992 common ideographs with 82 distinct characters', () => {
    const firsts = new Set<string>();
    for (let code = 0x4e00; code <= 0x9fff; code++) firsts.add(indexKey(String.fromCharCode(code))[0]);
    expect(firsts.size).toBe(0x9f - 0x4e + 1);
  });
});
