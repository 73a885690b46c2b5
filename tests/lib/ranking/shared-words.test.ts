import { describe, expect, it } from 'vitest';
import { markSharedWords, sharedWords, SHOWN_WORDS } from '@/lib/ranking/shared-words';

const marked = (text: string, words: ReturnType<typeof sharedWords>) => markSharedWords(text, words).filter((p) => p.match).map((p) => p.text);

describe('sharedWords', () => {
  it('shows English words as the article spells them, not their stems', () => {
    const words = sharedWords(['regul', 'inflammasom'], ['Negative regulation of the NLRP3 inflammasome', '', 'Inflammasomes and their regulation.'], ['inflammasome regulation']);
    expect(words.map((word) => word.text)).toEqual(['regulation', 'inflammasome']);
  });

  it('joins the halves the segmenter made of a word only where both articles hold the whole word', () => {
    // 问责 and 避责 come out of the segmenter as 问 + 责 and 避 + 责.
    const terms = ['问', '责', '避', '基层'];
    expect(sharedWords(terms, ['问责压力下的基层避责行为'], ['基层治理中的问责与避责']).map((w) => w.text)).toEqual(['问责', '避责', '基层']);
    // The page says 问 and 责 but never 避责: no such word is offered.
    expect(sharedWords(terms, ['基层避责行为'], ['问题与责任在基层']).map((w) => w.text)).toEqual(['基层']);
  });

  it('joins words side by side into a phrase only where both articles hold the phrase', () => {
    const terms = ['组合', '结构', '中的', '研究', '制造', '增', '材'];
    const row = '金属增材制造技术在钢结构与组合结构中的研究进展';
    const both = sharedWords(terms, [row], ['电弧增材制造的组合结构']);
    // 增材制造 holds every 增材 and 制造 of the row; 结构 stands alone too (钢结构): two words.
    expect(both.map((w) => w.text)).toEqual(['组合', '结构', '增材制造']);
    expect(marked(row, both)).toEqual(['增材制造', '结构', '组合', '结构']);
    // The other article has the words but not the phrase: 增材 and 制造 are two words. The
    // boilerplate between words (中的, 研究) is never part of one: no 组合结构中的研究.
    const apart = sharedWords(terms, [row], ['结构的组合; 制造增材']);
    expect(apart.map((w) => w.text)).toEqual(['组合', '结构', '制造', '增材']);
    expect(marked(row, apart)).toEqual(['增材', '制造', '结构', '组合', '结构']);
  });

  it('shows a phrase instead of its words only where it holds most of their occurrences', () => {
    const terms = ['问', '责', '压力', '形式', '主义'];
    const row = ['问责压力下的形式主义', '', '问责泛化与问责过度;形式主义的根源'];
    const words = sharedWords(terms, row, ['上级问责压力催生形式主义']);
    expect(words.map((w) => w.text)).toEqual(['问责', '压力', '形式主义']);
    expect(marked(row[0], words)).toEqual(['问责', '压力', '形式主义']);
  });

  it('offers no boilerplate the segmenter cut in halves', () => {
    expect(sharedWords(['构', '建', '模式'], ['构建治理模式'], ['构建新模式']).map((w) => w.text)).toEqual(['模式']);
  });

  it('leaves out research boilerplate and keeps a handful', () => {
    const terms = ['研究', '影响', '分析', 'associ', 'not', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
    const words = sharedWords(terms, ['研究 影响 分析 associated not a1 a2 a3 a4 a5 a6'], ['']);
    expect(words.map((w) => w.text)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(words).toHaveLength(SHOWN_WORDS);
  });

  it('finds nothing for terms the text does not hold', () => {
    expect(sharedWords(['量子'], ['基层治理'], ['量子'])).toEqual([]);
    expect(sharedWords([], ['基层治理'], ['基层治理'])).toEqual([]);
  });
});

describe('markSharedWords', () => {
  it('marks exactly the shared words, each on its own, and keeps every character of the text', () => {
    const words = sharedWords(['问', '责', '避', '基层'], ['问责压力下的基层避责行为'], ['基层治理中的问责与避责']);
    const text = '基层避责行为源于问责压力';
    const pieces = markSharedWords(text, words);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.match).map((p) => p.text)).toEqual(['基层', '避责', '问责']);
    // 基层 and 避责 touch: two marks, not one.
    expect(pieces[0]).toEqual({ text: '基层', match: true });
    expect(pieces[1]).toEqual({ text: '避责', match: true });
  });

  it('marks every spelling of an English word\'s term, and words only', () => {
    const words = sharedWords(['regul'], ['regulation'], ['regulates']);
    expect(marked('Regulates the regulation; irregular regulars.', words)).toEqual(['Regulates', 'regulation']);
  });

  it('renders hostile text as plain pieces', () => {
    const text = '<img src=x onerror=alert(1)>问责';
    const words = sharedWords(['img'], [text], ['img']);
    expect(markSharedWords(text, words).map((p) => p.text).join('')).toBe(text);
    expect(markSharedWords('', words)).toEqual([]);
  });
});
