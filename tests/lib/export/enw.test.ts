import { describe, expect, it } from 'vitest';
import { formatEnw } from '@/lib/export/enw';
import { AWKWARD_ITEMS, LONG_ABSTRACT } from './awkward-items';

describe('formatEnw', () => {
  const text = formatEnw(AWKWARD_ITEMS);
  const records = text.trimEnd().split('\r\n\r\n').map((record) => record.split('\r\n'));

  it('writes one record per item, every line a tag', () => {
    expect(records).toHaveLength(AWKWARD_ITEMS.length);
    for (const line of records.flat()) expect(line).toMatch(/^%[0-9A-Z@] \S/);
  });

  it('writes the type, one %A per author and one %K per keyword', () => {
    const [zh, en] = records;
    expect(zh[0]).toBe('%0 Journal Article');
    expect(zh.filter((line) => line.startsWith('%A '))).toEqual(['%A 袁训来', '%A 陈哲', '%A 肖书海', '%A 欧阳修']);
    expect(zh.filter((line) => line.startsWith('%K '))).toEqual(['%K 深度学习', '%K 影像', '%K CT']);
    expect(en).toContain('%A Müller, José');
    expect(en).toContain('%D 2019');
    expect(en).toContain(`%R ${AWKWARD_ITEMS[1].DOI}`);
  });

  it('keeps long abstracts whole on one line and folds line breaks', () => {
    expect(records[0]).toContain(`%X ${LONG_ABSTRACT}`);
    expect(records[1].find((line) => line.startsWith('%X'))).toBe('%X First paragraph with 95% CI & p_value. Second paragraph: "quoted" {braced} #hash.');
  });

  it('leaves out missing fields', () => {
    expect(records[2]).toEqual(['%0 Journal Article', '%T Only a title']);
  });
});
