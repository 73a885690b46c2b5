import { describe, expect, it } from 'vitest';
import { highlightPieces } from '@/lib/text/highlight';

const marked = (text: string, terms: string[]) => highlightPieces(text, terms).filter((p) => p.match).map((p) => p.text);

describe('highlightPieces', () => {
  it('marks Chinese terms where they stand, longest first', () => {
    expect(marked('基层干部避责行为是上级问责制度的结果', ['问责', '避责', '问责制度'])).toEqual(['避责', '问责制度']);
  });
  it('marks stemmed English terms at word starts, to the end of the word, ignoring case', () => {
    expect(marked('Negative regulation of the NLRP3 inflammasome; Regulatory T cells', ['regul', 'inflammasom'])).toEqual(['regulation', 'inflammasome', 'Regulatory']);
    expect(marked('deregulation', ['regul'])).toEqual([]);
  });
  it('keeps every character of the text, in order', () => {
    const text = '<img src=x onerror=alert(1)> 问责 (a+b)* [x]';
    expect(highlightPieces(text, ['问责', '(a+b)*', 'img']).map((p) => p.text).join('')).toBe(text);
  });
  it('treats terms as text, not patterns', () => {
    expect(marked('a.b axb', ['a.b'])).toEqual(['a.b']);
  });
  it('returns the text whole without terms, and nothing for no text', () => {
    expect(highlightPieces('abc', [])).toEqual([{ text: 'abc', match: false }]);
    expect(highlightPieces('', ['x'])).toEqual([]);
  });
});
