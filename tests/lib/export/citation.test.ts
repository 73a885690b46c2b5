import { describe, expect, it } from 'vitest';
import { formatBibliography, formatCitation, isChineseItem, prepareCitationStyle } from '@/lib/export/citation';
import type { CslItem } from '@/lib/model/article';

/**
 * Reference strings written from the examples of GB/T 7714-2015 itself (journal articles,
 * clauses 8 and appendix A), with the items typed in as CSL-JSON.
 */
const GBT_CASES: [string, CslItem & { accessed?: unknown }, string][] = [
  [
    'Chinese, more than three authors',
    {
      id: 'yuan2010',
      type: 'article-journal',
      language: 'zh',
      title: '蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口',
      author: [{ literal: '袁训来' }, { literal: '陈哲' }, { literal: '肖书海' }, { literal: '王伟' }],
      'container-title': '科学通报',
      issued: { 'date-parts': [[2012]] },
      volume: '55',
      issue: '34',
      page: '3219',
    },
    '袁训来, 陈哲, 肖书海, 等. 蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口[J]. 科学通报, 2012, 55(34): 3219.',
  ],
  [
    'English, one author',
    {
      id: 'kanamori1998',
      type: 'article-journal',
      language: 'en',
      title: 'Shaking without quaking',
      author: [{ family: 'Kanamori', given: 'Hiroo' }],
      'container-title': 'Science',
      issued: { 'date-parts': [[1998, 3, 20]] },
      volume: '279',
      issue: '5359',
      page: '2063',
    },
    'KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063.',
  ],
  [
    'English, more than three authors, no issue',
    {
      id: 'desmarais1992',
      type: 'article-journal',
      title: 'Carbon isotope evidence for the stepwise oxidation of the Proterozoic environment',
      author: [
        { family: 'Des Marais', given: 'David J.' },
        { family: 'Strauss', given: 'Harald' },
        { family: 'Summons', given: 'Roger E.' },
        { family: 'Hayes', given: 'J. M.' },
      ],
      'container-title': 'Nature',
      issued: { 'date-parts': [[1992]] },
      volume: '359',
      page: '605-609',
    },
    'DES MARAIS D J, STRAUSS H, SUMMONS R E, et al. Carbon isotope evidence for the stepwise oxidation of the Proterozoic environment[J]. Nature, 1992, 359: 605-609.',
  ],
  [
    'Chinese, no volume',
    {
      id: 'he1998',
      type: 'article-journal',
      title: '读南明史',
      author: [{ literal: '何龄修' }],
      'container-title': '中国史研究',
      issued: { 'date-parts': [[1998]] },
      issue: '3',
      page: '167-173',
    },
    '何龄修. 读南明史[J]. 中国史研究, 1998(3): 167-173.',
  ],
  [
    'Chinese online article',
    {
      id: 'li2008',
      type: 'article-journal',
      language: 'zh',
      title: '韩国图书馆法',
      author: [{ literal: '李炳穆' }],
      'container-title': '图书情报工作',
      issued: { 'date-parts': [[2008]] },
      volume: '52',
      issue: '6',
      page: '6-12',
      accessed: { 'date-parts': [[2013, 10, 25]] },
      URL: 'http://www.docin.com/p-400265742.html',
    },
    '李炳穆. 韩国图书馆法[J/OL]. 图书情报工作, 2008, 52(6): 6-12[2013-10-25]. http://www.docin.com/p-400265742.html.',
  ],
  [
    'English online article with DOI',
    {
      id: 'frese2013',
      type: 'article-journal',
      language: 'en',
      title: 'Next-generation sequencing: from understanding biology to personalized medicine',
      author: [
        { family: 'Frese', given: 'Karen S.' },
        { family: 'Katus', given: 'Hugo A.' },
        { family: 'Meder', given: 'Benjamin' },
      ],
      'container-title': 'Biology',
      issued: { 'date-parts': [[2013, 3, 1]] },
      volume: '2',
      issue: '1',
      page: '378-398',
      accessed: { 'date-parts': [[2013, 3, 19]] },
      URL: 'http://www.mdpi.com/2079-7737/2/1/378',
      DOI: '10.3390/biology2010378',
    },
    'FRESE K S, KATUS H A, MEDER B. Next-generation sequencing: from understanding biology to personalized medicine[J/OL]. Biology, 2013, 2(1): 378-398[2013-03-19]. http://www.mdpi.com/2079-7737/2/1/378. DOI:10.3390/biology2010378.',
  ],
];

describe('GB/T 7714-2015 numeric', () => {
  it.each(GBT_CASES)('%s', (_name, item, expected) => {
    expect(formatCitation(item, 'gbt7714')).toBe(expected);
  });

  it('numbers a list in the order given', () => {
    const list = formatBibliography(GBT_CASES.map(([, item]) => item), 'gbt7714');
    expect(list.split('\n').filter(Boolean)).toEqual(GBT_CASES.map(([, , expected], i) => `[${i + 1}] ${expected}`));
  });

  it('prints a DOI on a printed article too, and nothing for missing parts', () => {
    const item: CslItem = { id: 'x', type: 'article-journal', title: '无作者文章', 'container-title': '某刊', issued: { 'date-parts': [[2020]] }, DOI: '10.1000/abc' };
    expect(formatCitation(item, 'gbt7714')).toBe('无作者文章[J]. 某刊, 2020. DOI:10.1000/abc.');
  });
});

describe('Chinese items', () => {
  it('are told by language, else by Chinese title or names', () => {
    expect(isChineseItem({ id: 'a', type: 'x', language: 'zh-CN', title: 'English title' })).toBe(true);
    expect(isChineseItem({ id: 'a', type: 'x', language: 'en', title: '中文' })).toBe(false);
    expect(isChineseItem({ id: 'a', type: 'x', title: 'Title', author: [{ literal: '王伟' }] })).toBe(true);
    expect(isChineseItem({ id: 'a', type: 'x', title: 'Title', author: [{ family: 'Wang', given: 'Wei' }] })).toBe(false);
  });
});

// citeproc-js builds the APA engine once per process, from a large style: seconds in Node.
describe('APA', { timeout: 60_000 }, () => {
  it('formats an English journal article', () => {
    expect(formatCitation(GBT_CASES[1][1], 'apa')).toBe('Kanamori, H. (1998). Shaking without quaking. Science, 279(5359), 2063.');
  });

  it('lists authors with "&" and ends with the DOI link', () => {
    expect(formatCitation(GBT_CASES[5][1], 'apa')).toBe(
      'Frese, K. S., Katus, H. A., & Meder, B. (2013). Next-generation sequencing: from understanding biology to personalized medicine. Biology, 2(1), 378–398. https://doi.org/10.3390/biology2010378',
    );
  });

  it('escapes markup from pages in HTML output', () => {
    const title = 'A <script>alert(1)</script> <img src=x onerror=alert(1)> & p<0.05 title';
    const item: CslItem = { id: 'h', type: 'article-journal', title, author: [{ family: 'Doe', given: 'Jane' }], issued: { 'date-parts': [[2020]] } };
    const html = formatCitation(item, 'apa', 'en-US', 'html');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&#60;script&#62;');
    expect(html).toContain('p&#60;0.05');
  });

  it('sorts a list by author', () => {
    const list = formatBibliography([GBT_CASES[5][1], GBT_CASES[1][1]], 'apa').split('\n').filter(Boolean);
    expect(list[0]).toMatch(/^Frese/);
    expect(list[1]).toMatch(/^Kanamori/);
  });
});

describe('prepareCitationStyle', { timeout: 60_000 }, () => {
  it('leaves what is formatted afterwards as it was, placeholders never showing', () => {
    const items = [GBT_CASES[5][1], GBT_CASES[1][1], GBT_CASES[0][1]];
    for (const style of ['apa', 'gbt7714'] as const) {
      const before = formatBibliography(items, style);
      prepareCitationStyle(style);
      expect(formatBibliography(items, style)).toBe(before);
      expect(formatCitation(items[0], style)).not.toMatch(/Placeholder|占位/);
      expect(before.split('\n').filter(Boolean)).toHaveLength(3);
    }
  });
});
