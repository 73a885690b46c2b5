import type { CslItem } from '@/lib/model/article';

/** A long abstract (about 5,400 characters) mixing Chinese, English and TeX/RIS-special characters. */
export const LONG_ABSTRACT = Array.from({ length: 120 }, (_, i) => `第${i + 1}句：结果显示 p<0.05 且 50% 的样本 {含} "引号" & 下划线_${i}。`).join('');

/** Chinese and English items with the input that breaks naive serializers. */
export const AWKWARD_ITEMS: CslItem[] = [
  {
    id: 'zh-1',
    type: 'article-journal',
    language: 'zh',
    title: '基于{深度学习}的 CT 影像分析：100% & _#$ 与“引号”"quotes"\n第二行',
    author: [{ literal: '袁训来' }, { literal: '陈哲' }, { literal: '肖书海' }, { literal: '欧阳修' }],
    'container-title': '中华放射学杂志 & 影像',
    issued: { 'date-parts': [[2021, 6, 15]] },
    volume: '55',
    issue: '6',
    page: '601-607',
    DOI: '10.3760/cma.j.cn112149-20200923-01134',
    URL: 'https://example.org/article?id=1&lang=zh',
    abstract: LONG_ABSTRACT,
    keyword: '深度学习; 影像; CT',
  },
  {
    id: 'en-1',
    type: 'article-journal',
    language: 'en',
    title: 'Tumour {p53} & 100% of_cases: #1 $5 "quoted" ~ ^ \\ backslash',
    author: [
      { family: 'Müller', given: 'José' },
      { family: "O'Brien", given: 'Mary-Ann' },
      { literal: 'World Health Organization' },
    ],
    'container-title': 'Journal of Awkward {Characters}',
    issued: { 'date-parts': [[2019, 3]] },
    volume: '12',
    page: '1-20',
    DOI: '10.1002/(SICI)1097-0258(19980815/30)17:15/16<1661::AID-SIM968>3.0.CO;2-2',
    abstract: 'First paragraph with 95% CI & p_value.\n\nSecond paragraph: "quoted" {braced} #hash.',
  },
  { id: 'bare-1', type: 'article-journal', title: 'Only a title' },
];

/** A title as a one-line format carries it (line breaks and runs of spaces folded). */
export function oneLine(text: string | undefined): string | undefined {
  return text?.replace(/\s+/g, ' ').trim();
}

export function year(item: CslItem): number | undefined {
  return item.issued?.['date-parts']?.[0]?.[0];
}
