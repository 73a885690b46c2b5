import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { formatBibtex, texEscape } from '@/lib/export/bibtex';
import type { CslName } from '@/lib/model/article';
import { AWKWARD_ITEMS, oneLine, year } from './awkward-items';

/** The independent parser's creator back as a CSL name. */
function asCsl(creator: { name?: string; lastName?: string; firstName?: string }): CslName {
  return creator.name ? { literal: creator.name } : { family: creator.lastName, given: creator.firstName };
}

describe.each(['bibtex', 'biblatex'] as const)('%s export read back by @retorquere/bibtex-parser', (dialect) => {
  const text = formatBibtex(AWKWARD_ITEMS, dialect);
  const parsed = parse(text);

  it('parses without errors, one entry per item', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(AWKWARD_ITEMS.length);
  });

  it.each(AWKWARD_ITEMS.map((item, i) => [item.id, i] as const))('keeps title, authors, date, DOI, journal and abstract of %s', (_id, i) => {
    const item = AWKWARD_ITEMS[i];
    const fields = parsed.entries[i].fields as Record<string, unknown>;
    expect(fields.title).toBe(oneLine(item.title));
    expect(fields.abstract).toBe(oneLine(item.abstract));
    expect(fields.doi).toBe(item.DOI);
    expect(fields[dialect === 'bibtex' ? 'journal' : 'journaltitle']).toBe(item['container-title']);
    const date = (fields[dialect === 'bibtex' ? 'year' : 'date'] as string | undefined)?.slice(0, 4);
    expect(date ? Number(date) : undefined).toBe(year(item));
    expect(((fields.author as object[] | undefined) ?? []).map(asCsl)).toEqual(item.author ?? []);
  });

  it('writes Chinese as UTF-8 and Chinese names as braced literal names', () => {
    expect(text).toContain('{{袁训来} and {陈哲} and {肖书海} and {欧阳修}}');
    expect(text).toContain('中华放射学杂志 \\& 影像');
    expect(text).toContain('{World Health Organization}');
  });
});

describe('citation keys', () => {
  it('are stable whatever else is exported, ASCII, and unique', () => {
    const alone = formatBibtex([AWKWARD_ITEMS[1]], 'bibtex');
    const withOthers = formatBibtex(AWKWARD_ITEMS, 'bibtex');
    const key = /^@article\{([^,]+),/m.exec(alone)?.[1];
    expect(key).toBe('muller2019tumour');
    expect(withOthers).toContain(`@article{${key},`);
    const keys = parse(withOthers).entries.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z0-9]+$/);
  });

  it('tell apart two items that would share a key', () => {
    const twin = { ...AWKWARD_ITEMS[1], id: 'en-2', DOI: '10.1000/other' };
    const keys = parse(formatBibtex([AWKWARD_ITEMS[1], twin], 'bibtex')).entries.map((entry) => entry.key);
    expect(keys[0]).toBe('muller2019tumour');
    expect(keys[1]).not.toBe(keys[0]);
  });
});

describe('texEscape', () => {
  it('escapes every LaTeX special character and nothing else', () => {
    expect(texEscape('a{b}c & 5% $x #1 _y ~ ^ \\ p<1 > 中文')).toBe(
      'a\\{b\\}c \\& 5\\% \\$x \\#1 \\_y \\textasciitilde{} \\textasciicircum{} \\textbackslash{} p\\textless{}1 \\textgreater{} 中文',
    );
  });
});

it('writes nothing for no items', () => {
  expect(formatBibtex([], 'bibtex')).toBe('');
});

describe('nothing in a record opens another entry', () => {
  it('writes the issue\'s injection DOI, a "}" in a URL and a "$1" in an abstract as one entry', () => {
    const item = {
      id: 'evil',
      type: 'article-journal',
      title: 'Deep learning',
      DOI: '10.1234/a}}@misc{injected,title={INJECTED},howpublished={https://evil.example},note={x',
      URL: 'https://example.org/search?q=}}@misc{injected,title={INJECTED}}',
      abstract: 'costs $1 and $& and $$ more',
      keyword: '$1; $&',
    };
    for (const dialect of ['bibtex', 'biblatex'] as const) {
      const parsed = parse(formatBibtex([item], dialect));
      expect(parsed.errors).toEqual([]);
      expect(parsed.entries).toHaveLength(1);
      expect(parsed.entries[0].fields.abstract).toBe('costs $1 and $& and $$ more');
      expect(parsed.entries[0].fields.doi).toBe('10.1234/a%7D%7D@misc%7Binjected,title=%7BINJECTED%7D,howpublished=%7Bhttps://evil.example%7D,note=%7Bx');
    }
  });

  it('keeps a family name with commas and braces one name', () => {
    const family = '}}@misc{injected,title={INJECTED},note={';
    const parsed = parse(formatBibtex([{ id: 'n', type: 'article-journal', title: 'T', author: [{ family, given: 'Deep' }] }], 'bibtex'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(1);
    expect(parsed.entries[0].fields.author).toEqual([{ lastName: family, firstName: 'Deep' }]);
  });
});
