import { AST, parse } from 'astrocite-ris';
import { describe, expect, it } from 'vitest';
import { formatRis } from '@/lib/export/ris';
import type { CslName } from '@/lib/model/article';
import { AWKWARD_ITEMS, oneLine, year } from './awkward-items';

/**
 * RIS author values back as CSL names, read from astrocite's syntax tree: astrocite's own name
 * splitter needs a capital Latin letter and turns "袁训来" into an empty family name.
 */
function authorsOf(entry: { properties: { key: string; value: string }[] }): CslName[] {
  return entry.properties
    .filter((property) => property.key === 'AU')
    .map(({ value }) => {
      const comma = value.indexOf(', ');
      return comma > 0 ? { family: value.slice(0, comma), given: value.slice(comma + 2) } : { literal: value };
    });
}

describe('RIS export read back by astrocite-ris', () => {
  const text = formatRis(AWKWARD_ITEMS);
  const items = parse(text);
  const tree = AST.parse(text).children;

  it('has only tagged lines: no raw line break inside a field', () => {
    const lines = text.split('\r\n');
    expect(lines.pop()).toBe('');
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- ?/);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('yields one record per item', () => {
    expect(items).toHaveLength(AWKWARD_ITEMS.length);
    expect(tree).toHaveLength(AWKWARD_ITEMS.length);
  });

  it.each(AWKWARD_ITEMS.map((item, i) => [item.id, i] as const))('keeps title, authors, date, DOI, journal and abstract of %s', (_id, i) => {
    const item = AWKWARD_ITEMS[i];
    const read = items[i] as Record<string, unknown>;
    expect(read.title).toBe(oneLine(item.title));
    expect(read.abstract).toBe(oneLine(item.abstract));
    expect(read.DOI).toBe(item.DOI);
    expect(read['container-title']).toBe(item['container-title']);
    const issued = (read.issued as { 'date-parts': (string | number)[][] } | undefined)?.['date-parts'][0][0];
    expect(issued === undefined ? undefined : Number(issued)).toBe(year(item));
    expect(authorsOf(tree[i])).toEqual(item.author ?? []);
  });

  it('writes each keyword on its own KW line', () => {
    expect(items[0].keyword).toEqual(['深度学习', '影像', 'CT']);
    expect(text).toContain('KW  - 深度学习\r\nKW  - 影像\r\nKW  - CT\r\n');
  });

  it('ends every record with "ER  - "', () => {
    expect(text.match(/^ER {2}- $/gm)).toHaveLength(AWKWARD_ITEMS.length);
  });
});

it('writes a PDF link as L1 (RIS\'s link to the PDF), and no L1 without one', () => {
  const text = formatRis(AWKWARD_ITEMS.slice(0, 2), ['https://example.org/paper.pdf?a=1&b=2', undefined]);
  const [first, second] = AST.parse(text).children;
  expect(first.properties.filter((property) => property.key === 'L1').map((property) => property.value)).toEqual(['https://example.org/paper.pdf?a=1&b=2']);
  expect(second.properties.some((property) => property.key === 'L1')).toBe(false);
  expect(text.match(/^L1 {2}- /gm)).toHaveLength(1);
});

it('writes nothing for no items', () => {
  expect(formatRis([])).toBe('');
});
