import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportFileName, exportItems } from '@/lib/export/index';
import { normalizeItem } from '@/lib/capture/normalize-item';
import { AWKWARD_ITEMS } from './awkward-items';

// The first APA export builds citeproc-js's APA engine: seconds in Node (see citation.test.ts).
describe('exportItems', { timeout: 60_000 }, () => {
  it.each(EXPORT_FORMATS)('%s: text with a MIME type and extension', (format) => {
    const result = exportItems(AWKWARD_ITEMS.slice(1), format);
    expect(result.text).toContain('Tumour');
    expect(result.mimeType).toMatch(/charset=utf-8$/);
    expect(result.extension).toMatch(/^[a-z]+$/);
  });

  it('CSL-JSON read back by JSON.parse keeps every item field for field', () => {
    expect(JSON.parse(exportItems(AWKWARD_ITEMS, 'csl-json').text)).toEqual(AWKWARD_ITEMS);
  });

  it('exports library articles without what the reader wrote privately', () => {
    const article = normalizeItem(
      { title: '图书馆学研究', authors: ['王伟'], doi: '10.1000/lib.1', date: '2020-05-01' },
      { pageUrl: 'https://example.org/x', platform: 'meta', capturedAt: 1 },
    )!;
    article.note = '我的私人笔记';
    for (const format of EXPORT_FORMATS) {
      const { text } = exportItems([article], format);
      expect(text).toContain('图书馆学研究');
      expect(text).not.toContain('我的私人笔记');
    }
  });
});

describe('exportFileName', () => {
  const day = new Date('2026-11-30T08:00:00Z');

  it('keeps Chinese names and drops characters file systems refuse', () => {
    expect(exportFileName('我的/收藏:夹*', 'ris', day)).toBe('我的 收藏 夹-ris-2026-11-30.ris');
    expect(exportFileName('Thesis refs', 'gbt7714', day)).toBe('Thesis refs-gbt7714-2026-11-30.txt');
  });

  it('falls back to "simlit" for an empty or dot-only name', () => {
    expect(exportFileName('', 'bibtex', day)).toBe('simlit-bibtex-2026-11-30.bib');
    expect(exportFileName(' .. ', 'csv', day)).toBe('simlit-csv-2026-11-30.csv');
    expect(exportFileName(undefined, 'csl-json', day)).toBe('simlit-csl-json-2026-11-30.json');
  });
});
