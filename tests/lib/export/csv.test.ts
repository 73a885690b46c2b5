import { describe, expect, it } from 'vitest';
import { csvCell, formatCsv } from '@/lib/export/csv';
import { AWKWARD_ITEMS } from './awkward-items';

/** A small RFC 4180 reader for the test: quoted cells, doubled quotes, CRLF rows. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('formatCsv', () => {
  const text = formatCsv(AWKWARD_ITEMS);
  const rows = readCsv(text.slice(1));

  it('starts with a UTF-8 byte order mark so Excel reads Chinese', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
  });

  it('has a header and one row per item, every row as wide as the header', () => {
    expect(rows).toHaveLength(AWKWARD_ITEMS.length + 1);
    for (const row of rows) expect(row).toHaveLength(rows[0].length);
  });

  it('keeps quotes, commas and Chinese text in their cells', () => {
    const header = rows[0];
    const title = rows[1][header.indexOf('Title')];
    expect(title).toBe('基于{深度学习}的 CT 影像分析：100% & _#$ 与“引号”"quotes" 第二行');
    expect(rows[1][header.indexOf('Authors')]).toBe('袁训来; 陈哲; 肖书海; 欧阳修');
    expect(rows[2][header.indexOf('Authors')]).toBe("José Müller; Mary-Ann O'Brien; World Health Organization");
    expect(rows[2][header.indexOf('Year')]).toBe('2019');
    expect(rows[3][header.indexOf('DOI')]).toBe('');
  });
});

describe('csvCell', () => {
  it.each(['=HYPERLINK("http://evil")', '+1+2', '-2+3', '@SUM(A1)', '\t=1'])('defuses the formula %j', (value) => {
    expect(csvCell(value).startsWith(`"'`)).toBe(true);
  });

  it('leaves ordinary text alone and doubles quotes', () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell(undefined)).toBe('""');
  });
});
