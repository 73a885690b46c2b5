import { describe, expect, it } from 'vitest';
import { formatMarkdown, markdownEscape } from '@/lib/export/markdown';
import { AWKWARD_ITEMS } from './awkward-items';

describe('formatMarkdown', () => {
  const text = formatMarkdown(AWKWARD_ITEMS);

  it('numbers the items and bolds the titles, escaping markup characters', () => {
    expect(text).toMatch(/^1\. \*\*基于\{深度学习\}的 CT 影像分析：100% & \\_#\$ 与“引号”"quotes" 第二行\*\*/);
    expect(text).toContain('\n\n2. **Tumour {p53} & 100% of\\_cases: #1 $5 "quoted" \\~ ^ \\\\ backslash**');
    expect(text).toContain('\n\n3. **Only a title**');
  });

  it('links the DOI with the DOI percent-encoded', () => {
    expect(text).toContain('(https://doi.org/10.3760/cma.j.cn112149-20200923-01134)');
    expect(text).toContain('(https://doi.org/10.1002/%28SICI%291097-0258%2819980815/30%2917%3A15/16%3C1661%3A%3AAID-SIM968%3E3.0.CO%3B2-2)');
  });

  it('quotes the abstract under its item, on one line', () => {
    expect(text).toContain('\n\n   > First paragraph with 95% CI & p\\_value. Second paragraph: "quoted" {braced} #hash.');
  });
});

it('markdownEscape neutralizes links, emphasis, code and HTML', () => {
  expect(markdownEscape('[x](javascript:alert) *a* _b_ `c` <img>')).toBe('\\[x\\](javascript:alert) \\*a\\* \\_b\\_ \\`c\\` \\<img\\>');
});
