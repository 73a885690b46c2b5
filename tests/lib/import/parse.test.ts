import { describe, expect, it } from 'vitest';
import { detectFormat, parseImportFile } from '@/lib/import/parse';
import { formatBibtex } from '@/lib/export/bibtex';
import { formatRis } from '@/lib/export/ris';
import { AWKWARD_ITEMS, oneLine } from '../export/awkward-items';

describe('detectFormat', () => {
  it('goes by extension first, then by content', () => {
    expect(detectFormat('anything', 'refs.BIB')).toBe('bibtex');
    expect(detectFormat('anything', 'refs.ris')).toBe('ris');
    expect(detectFormat('anything', 'items.json')).toBe('csl-json');
    expect(detectFormat('\uFEFF [{"id":1}]')).toBe('csl-json');
    expect(detectFormat('TY  - JOUR\nER  - \n')).toBe('ris');
    expect(detectFormat('% comment\n@article{a, title={x}}')).toBe('bibtex');
    expect(detectFormat('just some words')).toBeUndefined();
  });
});

describe('parseImportFile', () => {
  it('reads back what Simlit exports as BibTeX and RIS', () => {
    for (const text of [formatBibtex(AWKWARD_ITEMS, 'bibtex'), formatRis(AWKWARD_ITEMS)]) {
      const { items, rejected, error } = parseImportFile(text);
      expect(error).toBeUndefined();
      expect(rejected).toEqual([]);
      expect(items.map((item) => item.title)).toEqual(AWKWARD_ITEMS.map((item) => oneLine(item.title)));
      expect(items.map((item) => item.DOI)).toEqual(AWKWARD_ITEMS.map((item) => item.DOI));
    }
  });

  it('keeps the good BibTeX entries around a broken one and says which is broken', () => {
    const text = [
      '@string{sci = {Science}}',
      '@article{good1, title = {First good}, journal = sci, year = {2020}}',
      '@article{broken, title = {Unclosed brace, year = {2021}',
      '@article{good2, title = {Second good}, year = {2019}}',
      '@misc{empty, year = {2019}}',
    ].join('\n');
    const { items, rejected } = parseImportFile(text, 'refs.bib');
    expect(items.map((item) => item.title)).toEqual(['First good', 'Second good']);
    expect(items[0]['container-title']).toBe('Science');
    expect(rejected).toHaveLength(2);
    expect(rejected[0].entry).toBe('@article{broken, title = {Unclosed brace, year = {2021}');
    expect(rejected[0].reason).toMatch(/^cannot be parsed: /);
    expect(rejected[1]).toMatchObject({ entry: '@misc{empty, year = {2019}}', reason: 'no title, abstract or DOI' });
  });

  it('reports RIS records without TY or without ER', () => {
    const text = 'TY  - JOUR\nTI  - Kept\nER  - \nTI  - No type\nER  - \nTY  - JOUR\nTI  - Cut off\n';
    const { items, rejected } = parseImportFile(text, 'x.ris');
    expect(items.map((item) => item.title)).toEqual(['Kept']);
    expect(rejected.map((r) => r.reason)).toEqual(['record has no TY line', 'record is not closed by an "ER  -" line']);
  });

  it('refuses broken JSON as a whole and reports bad CSL items one by one', () => {
    expect(parseImportFile('[{"title": "x"', 'a.json').error).toMatch(/^not valid JSON/);
    const { items, rejected } = parseImportFile(JSON.stringify([{ title: 'Fine', issued: { 'date-parts': [['2020']] } }, { title: 5 }, 'text', { type: 'book' }]), 'a.json');
    expect(items).toEqual([{ id: 'item-1', type: 'article-journal', title: 'Fine', issued: { 'date-parts': [['2020']] } }]);
    expect(rejected.map((r) => r.reason)).toEqual(['title must be text', 'not a JSON object', 'no title, abstract or DOI']);
  });

  it('says why an empty or unknown file cannot be read', () => {
    expect(parseImportFile('  \n', 'a.bib').error).toBe('the file is empty');
    expect(parseImportFile('hello world', 'notes.txt').error).toBe('not a BibTeX, RIS or CSL-JSON file');
  });
});
