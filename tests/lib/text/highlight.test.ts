import { describe, expect, it } from 'vitest';
import { highlightPieces } from '@/lib/text/highlight';

const marked = (text: string, terms: string[]) => highlightPieces(text, terms).filter((p) => p.match).map((p) => p.text);

describe('highlightPieces', () => {
  it('marks Chinese words where they stand', () => {
    expect(marked('基层干部避责行为是上级问责制度的结果', ['问责', '避责'])).toEqual(['避责', '问责']);
  });
  it('joins touching and overlapping bigrams into one mark', () => {
    expect(marked('过度留痕的“形式主义”现象', ['形式', '式主', '主义'])).toEqual(['形式主义']);
    expect(marked('基层干部的行为', ['基层', '层干', '干部'])).toEqual(['基层干部']);
  });
  it('ignores single CJK characters, which say nothing on their own', () => {
    expect(marked('基层治理', ['基'])).toEqual([]);
  });
  it('marks stemmed English terms at word starts, to the end of the word, ignoring case', () => {
    expect(marked('Negative regulation of the NLRP3 inflammasome; Regulatory T cells', ['regul', 'inflammasom'])).toEqual(['regulation', 'inflammasome', 'Regulatory']);
    expect(marked('deregulation', ['regul'])).toEqual([]);
  });
  it('marks English words inside mixed Chinese text', () => {
    expect(marked('基于WAAM的增材制造', ['waam', '增材'])).toEqual(['WAAM', '增材']);
  });
  it('keeps every character of the text, in order', () => {
    const text = '<img src=x onerror=alert(1)> 问责 (a+b)* [x]';
    expect(highlightPieces(text, ['问责', '(a+b)*', 'img']).map((p) => p.text).join('')).toBe(text);
  });
  it('treats terms as text, not patterns', () => {
    expect(marked('a.b axb', ['a.b'])).toEqual([]);
    expect(marked('问责.制度 问责x制度', ['责.制'])).toEqual(['责.制']);
  });
  it('returns the text whole without terms, and nothing for no text', () => {
    expect(highlightPieces('abc', [])).toEqual([{ text: 'abc', match: false }]);
    expect(highlightPieces('', ['x'])).toEqual([]);
  });
});
