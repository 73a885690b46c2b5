import { describe, expect, it } from 'vitest';
import { listEntries, looksLikeTitle } from '@/lib/extractors/shared/list-rows';
import { parse } from '../fixtures';

describe('list rows', () => {
  it('tells titles from action links', () => {
    expect(looksLikeTitle('玉米籽粒直收割台损失检测')).toBe(true);
    for (const label of ['摘要', 'PDF', '[HTML]', 'Abstract', '相似文献', 'Full text', 'PDF 1.2 M']) expect(looksLikeTitle(label)).toBe(false);
  });

  it('groups a title row with the rows after it, up to the next title row', () => {
    const doc = parse(
      `<table><tr><td><a href="v?id=1">First article title</a></td></tr><tr><td>authors 1</td></tr><tr><td><a href="v?id=1">摘要</a></td></tr>
       <tr><td><a href="v?id=2">Second article title</a></td></tr><tr><td>authors 2</td></tr></table>`,
      'https://example.org/',
    );
    const entries = listEntries(doc.querySelectorAll('a'), 'tr', (a) => a.getAttribute('href') ?? undefined);
    expect(entries.map((e) => e.link.textContent)).toEqual(['First article title', 'Second article title']);
    expect(entries.map((e) => e.nodes.length)).toEqual([3, 2]);
  });
});
