import { describe, expect, it } from 'vitest';
import { markMatches, matchExcerpt, hasMatch } from '@/lib/search/highlight';

const marked = (pieces: { text: string; match: boolean }[] | undefined) => pieces?.filter((p) => p.match).map((p) => p.text);
const joined = (pieces: { text: string }[] | undefined) => pieces?.map((p) => p.text).join('');

describe('search highlighting', () => {
  it('marks the matched words as the text spells them, whole words only', () => {
    const pieces = markMatches('Neural Networks and a NETWORK of networkers', ['networks', 'network']);
    expect(marked(pieces)).toEqual(['Networks', 'NETWORK']);
    expect(joined(pieces)).toBe('Neural Networks and a NETWORK of networkers');
  });

  it('marks Chinese terms wherever they occur, in either script, and accented names folded', () => {
    expect(marked(markMatches('上级問責壓力下的问责', ['问责']))).toEqual(['問責', '问责']);
    expect(marked(markMatches('Anna Müller', ['muller']))).toEqual(['Müller']);
    expect(marked(markMatches('ＣＯＶＩＤ-19 疫情', ['covid-19']))).toEqual(['ＣＯＶＩＤ-19']);
  });

  it('cuts an excerpt around the first match, with ellipses where the text goes on', () => {
    const text = `${'背景'.repeat(40)}上级问责压力使基层干部规避风险${'结论'.repeat(40)}`;
    const excerpt = matchExcerpt(text, ['问责'], 40)!;
    expect(joined(excerpt)).toMatch(/^….*上级问责压力.*…$/);
    expect(marked(excerpt)).toEqual(['问责']);
    expect(matchExcerpt(text, ['避责'])).toBeUndefined();
    expect(hasMatch(text, ['问责'])).toBe(true);
    expect(hasMatch(undefined, ['问责'])).toBe(false);
  });
});
