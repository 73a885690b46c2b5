import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '@/lib/export';
import { formatExportFigures, measureExport, type ExportFigures } from './export';
import { importedArticles } from './library-page';

describe('the export benchmark', () => {
  it('exports a library of distinct articles that each importable file gives back whole', () => {
    const library = importedArticles(40);
    expect(new Set(library.map((article) => article.titleKey)).size).toBe(40);
    const figures = measureExport(40);
    expect(figures.imported).toEqual({ bibtex: 40, ris: 40, 'csl-json': 40 });
    expect(Object.keys(figures.exportMs).sort()).toEqual([...EXPORT_FORMATS].sort());
  }, 60_000);

  it('gives each format its row, with the time per 1,000 articles', () => {
    const one: ExportFigures = {
      articles: 10_000,
      exportMs: Object.fromEntries(EXPORT_FORMATS.map((format) => [format, 500])) as ExportFigures['exportMs'],
      importMs: { bibtex: 1_250, ris: 400, 'csl-json': 30 },
      imported: { bibtex: 10_000, ris: 10_000, 'csl-json': 9_998 },
    };
    const table = formatExportFigures([one, { ...one, articles: 50_000, exportMs: { ...one.exportMs, apa: 80_000 } }]);
    expect(table).toContain('| export and import in Node, s (per 1,000 articles) | 10000 articles | 50000 articles |');
    expect(table).toContain('| export, apa | 0.50 (0.05) | 80.0 (1.60) |');
    expect(table).toContain("| import's parser, csl-json (entries read) | 0.03 (9998) | 0.03 (9998) |");
    expect(table.split('\n')).toHaveLength(2 + EXPORT_FORMATS.length + 3);
  });
});
