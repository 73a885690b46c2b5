/**
 * Every item type Simlit captures, in every export format: the entry type each format's readers
 * map back to the same kind of work, and an article number written where they read one.
 * BibTeX is checked through @retorquere/bibtex-parser, so the entries also parse.
 */
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { exportItems, formatCitation } from '@/lib/export';
import type { CslItem } from '@/lib/model/article';

const author = [{ family: 'Smith', given: 'Anna' }];
const issued = { 'date-parts': [[2021]] as [number][] };

const ITEMS: Record<string, CslItem> = {
  journal: { id: 'jo', type: 'article-journal', title: 'A journal article', 'container-title': 'Frontiers in Plant Science', volume: '12', number: '781', author, issued },
  thesis: { id: 'th', type: 'thesis', title: 'A thesis', publisher: 'Tsinghua University', author, issued },
  conference: { id: 'cf', type: 'paper-conference', title: 'A paper', 'container-title': 'Proceedings of CHI', page: '1-10', author, issued },
  chapter: { id: 'ch', type: 'chapter', title: 'A chapter', 'container-title': 'A Handbook', publisher: 'Springer', page: '33-47', author, issued },
  report: { id: 'rp', type: 'report', title: 'A report', publisher: 'NBER', number: 'w1234', author, issued },
  patent: { id: 'pt', type: 'patent', title: 'A patent', number: 'CN112345678A', author, issued },
  standard: { id: 'st', type: 'standard', title: '信息与文献 参考文献著录规则', number: 'GB/T 7714-2015', publisher: '中国标准出版社', issued, language: 'zh' },
  preprint: { id: 'pp', type: 'article', title: 'A preprint', 'container-title': 'arXiv', DOI: '10.48550/arXiv.2101.00001', URL: 'https://arxiv.org/abs/2101.00001', author, issued },
  dataset: { id: 'ds', type: 'dataset', title: 'A dataset', publisher: 'Zenodo', DOI: '10.5281/zenodo.1', author, issued },
};

/** kind: [BibTeX, BibLaTeX, RIS TY, EndNote %0, GB/T 7714 code] */
const EXPECTED: Record<string, [string, string, string, string, string]> = {
  journal: ['article', 'article', 'JOUR', 'Journal Article', '[J]'],
  thesis: ['phdthesis', 'thesis', 'THES', 'Thesis', '[D]'],
  conference: ['inproceedings', 'inproceedings', 'CONF', 'Conference Paper', '[C]'],
  chapter: ['incollection', 'incollection', 'CHAP', 'Book Section', '[M]'],
  report: ['techreport', 'report', 'RPRT', 'Report', '[R]'],
  patent: ['patent', 'patent', 'PAT', 'Patent', '[P]'],
  standard: ['misc', 'standard', 'STAND', 'Standard', '[S]'],
  preprint: ['misc', 'online', 'UNPB', 'Unpublished Work', '[Z]'],
  dataset: ['misc', 'dataset', 'DATA', 'Dataset', '[DS]'],
};

function bibEntry(item: CslItem, dialect: 'bibtex' | 'biblatex') {
  const parsed = parseBibtex(exportItems([item], dialect).text);
  expect(parsed.errors).toEqual([]);
  expect(parsed.entries).toHaveLength(1);
  return parsed.entries[0];
}

describe('item types in every export', () => {
  for (const [kind, item] of Object.entries(ITEMS)) {
    const [bibtex, biblatex, ris, enw, gbt] = EXPECTED[kind];
    it(`${kind}: @${bibtex} / @${biblatex}, TY ${ris}, %0 ${enw}, ${gbt}; CSV type ${item.type}`, () => {
      expect(bibEntry(item, 'bibtex').type).toBe(bibtex);
      expect(bibEntry(item, 'biblatex').type).toBe(biblatex);
      expect(exportItems([item], 'ris').text).toMatch(new RegExp(`^TY  - ${ris}\\r\\n`));
      expect(exportItems([item], 'enw').text).toMatch(new RegExp(`^%0 ${enw}\\r\\n`));
      expect(formatCitation(item, 'gbt7714')).toContain(gbt);
      const csv = exportItems([item], 'csv').text.split('\r\n');
      const header = csv[0].replace(/^\uFEFF/, '').split(',');
      expect(csv[1].split(',')[header.indexOf('"Type"')]).toBe(`"${item.type}"`);
    });
  }

  it('writes the book or proceedings after "//" and a document number after the title in GB/T 7714', () => {
    expect(formatCitation(ITEMS.chapter, 'gbt7714')).toBe('SMITH A. A chapter[M]//A Handbook. Springer, 2021: 33-47.');
    expect(formatCitation(ITEMS.conference, 'gbt7714')).toBe('SMITH A. A paper[C]//Proceedings of CHI. 2021: 1-10.');
    expect(formatCitation(ITEMS.standard, 'gbt7714')).toBe('信息与文献 参考文献著录规则: GB/T 7714-2015[S]. 中国标准出版社, 2021.');
    expect(formatCitation(ITEMS.patent, 'gbt7714')).toBe('SMITH A. A patent: CN112345678A[P]. 2021.');
  });

  it('writes an arXiv preprint with its eprint fields and its server', () => {
    const bibtex = bibEntry(ITEMS.preprint, 'bibtex');
    expect(bibtex.fields).toMatchObject({ eprint: '2101.00001', archiveprefix: 'arXiv', howpublished: 'arXiv' });
    expect(bibEntry(ITEMS.preprint, 'biblatex').fields).toMatchObject({ eprint: '2101.00001', eprinttype: 'arxiv' });
  });
});

describe('article numbers in every export', () => {
  const item = ITEMS.journal;

  it('BibTeX and BibLaTeX: eid, never pages', () => {
    for (const dialect of ['bibtex', 'biblatex'] as const) {
      const entry = bibEntry(item, dialect);
      expect(entry.fields.eid).toBe('781');
      expect(entry.fields.pages).toBeUndefined();
    }
  });

  it('RIS: C7 (the article number in EndNote\'s RIS), never SP', () => {
    const ris = exportItems([item], 'ris').text;
    expect(ris).toContain('C7  - 781\r\n');
    expect(ris).not.toMatch(/^SP {2}- /m);
  });

  it('EndNote, Markdown and GB/T 7714: where pages go when there are none; CSV: its own column', () => {
    expect(exportItems([item], 'enw').text).toContain('%P 781\r\n');
    expect(exportItems([item], 'markdown').text).toContain('*Frontiers in Plant Science*, 2021, 12: 781');
    expect(formatCitation(item, 'gbt7714')).toBe('SMITH A. A journal article[J]. Frontiers in Plant Science, 2021, 12: 781.');
    const [header, row] = exportItems([item], 'csv').text.replace(/^\uFEFF/, '').split('\r\n').map((line) => line.split(','));
    expect(row[header.indexOf('"Article number"')]).toBe('"781"');
    expect(row[header.indexOf('"Pages"')]).toBe('""');
  });

  it('prints pages, not the article number, when an item has both', () => {
    const both = { ...item, page: '1-12' };
    expect(exportItems([both], 'enw').text).toContain('%P 1-12\r\n');
    expect(formatCitation(both, 'gbt7714')).toContain('12: 1-12.');
  });
});
