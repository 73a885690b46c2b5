import { describe, expect, it } from 'vitest';
import { parseImportFile } from '@/lib/import/parse';
import { addedByImport, benchSizes, formatLibraryPageScale, importFile, importFileFormat, importFileText, type LibraryPageScaleFigures } from './library-page';

const opened = { firstRowMs: [300, 200, 250], shellMs: [150], countsMs: [400], filterValuesMs: [400], wholeListMs: [2000], countShown: '10 articles', floorMs: [90, 80, 100] };
const imported: LibraryPageScaleFigures = {
  articles: 50000,
  filled: 'import',
  importMs: 40_000,
  importRate: 1250,
  indexedMs: 28_100,
  writeWaitsMs: [1, 2, 300],
  exportMs: { bibtexFirst: 38_240, bibtexAgain: 5_510, ris: 4_960 },
  exportWriteWaitsMs: [3, 5, 410],
  deletion: { deleteMs: 41_260, deleteWriteWaitsMs: [50, 60, 180], undoMs: 39_940, undoWriteWaitsMs: [120, 130, 700] },
  restarted: { firstRowMs: [620, 480, 530], floorMs: [210, 190, 200], floorFirstMs: [410, 450, 390] },
  ...opened,
};
const direct: LibraryPageScaleFigures = { articles: 100000, filled: 'direct', importMs: 0, importRate: 0, indexedMs: Number.NaN, writeWaitsMs: [], ...opened };

describe('the library page benchmark table', () => {
  it('gives the import figures of a library imported through the page', () => {
    const table = formatLibraryPageScale([imported]);
    expect(table).toContain('| library page (Chromium, imported through the page) | 50000 |');
    expect(formatLibraryPageScale([{ ...imported, libraryFile: '/home/reader/my library.ris' }])).toContain(
      '| library page (Chromium, imported through the page, the first articles of my library.ris) | 50000 |',
    );
    expect(formatLibraryPageScale([{ ...imported, importFormat: 'bibtex', libraryFile: 'mixed.json' }])).toContain(
      '| library page (Chromium, imported through the page as BibTeX, the first articles of mixed.json) | 50000 |',
    );
    expect(table).toContain('| import, s | 40.0 |');
    expect(table).toContain("| similarity index holds every article, s after the import's report | 28.1 |");
    expect(table).toContain('| first row, median ms (runs) | 250 (300, 200, 250) |');
    expect(table).toContain("| first row, opened first thing in a browser started again on the library's profile, median ms (restarts) | 530 (620, 480, 530) |");
    expect(table).toContain('| the static page opened next in that browser, median ms (restarts) | 200 (210, 190, 200) |');
    expect(table).toContain('| the static page opened first thing instead, in restarts of its own, median ms (restarts) | 410 (410, 450, 390) |');
    expect(table).toContain('| whole library exported as BibTeX, first (citation keys pinned) / again, s | 38.2 / 5.5 |');
    expect(table).toContain('| whole library exported as RIS, s | 5.0 |');
    expect(table).toContain("| a write's wait beside the first BibTeX export, median / p95 / max ms | 5 / 410 / 410 |");
    expect(table).toContain('| whole library selected and deleted / the deletion undone, s | 41.3 / 39.9 |');
    expect(table).toContain("| a write's wait beside the deletion / beside its undo, median / p95 / max ms | 60 / 180 / 180 / 130 / 700 / 700 |");
  });

  it('says a library was filled directly, with no import figures for it', () => {
    const alone = formatLibraryPageScale([direct]);
    expect(alone).toContain('| library page (Chromium, filled directly, no import) | 100000 |');
    expect(alone).not.toMatch(/import, s|NaN|exported|started again/);
    expect(alone).toContain('| first row, median ms (runs) | 250 (300, 200, 250) |');
    expect(formatLibraryPageScale([imported, direct])).toContain('| import, s | 40.0 | – |');
    expect(formatLibraryPageScale([imported, direct])).toContain('| whole library exported as RIS, s | 5.0 | – |');
    expect(formatLibraryPageScale([imported, direct])).toContain('| the static page opened next in that browser, median ms (restarts) | 200 (210, 190, 200) | – |');
    expect(formatLibraryPageScale([imported, direct])).toContain('| whole library selected and deleted / the deletion undone, s | 41.3 / 39.9 | – |');
  });
});

describe('the file the page imports', () => {
  it('is CSL-JSON unless BENCH_IMPORT_FORMAT names BibTeX or RIS, and refuses another', () => {
    expect(importFileFormat({})).toBeUndefined();
    expect(importFileFormat({ BENCH_IMPORT_FORMAT: 'csl-json' })).toBeUndefined();
    expect(importFileFormat({ BENCH_IMPORT_FORMAT: 'BibTeX' })).toBe('bibtex');
    expect(importFileFormat({ BENCH_IMPORT_FORMAT: 'ris' })).toBe('ris');
    expect(() => importFileFormat({ BENCH_IMPORT_FORMAT: 'endnote' })).toThrow(/BENCH_IMPORT_FORMAT endnote: bibtex, ris or csl-json/);
  });

  it('holds the same articles in every format, each read back whole by the import', () => {
    const titles = (JSON.parse(importFileText(40)) as { title: string }[]).map((item) => item.title);
    for (const format of [undefined, 'bibtex', 'ris'] as const) {
      const { name, text } = importFile(40, format);
      const read = parseImportFile(text, name);
      expect(read.format).toBe(format ?? 'csl-json');
      expect(read.rejected).toEqual([]);
      // BibTeX reads "--" as an en dash, as TeX sets it (the corpus has such titles).
      expect(read.items.map((item) => item.title)).toEqual(format === 'bibtex' ? titles.map((title) => title.replace(/--/g, '–')) : titles);
    }
  });
});

describe("the browser benches' sizes and an import's report", () => {
  it('runs at the sizes given on the command line, else the variable\'s, else 10k and 50k', () => {
    expect(benchSizes('1000,2000', ['300', 'x'])).toEqual([300]);
    expect(benchSizes('1000,2000', [])).toEqual([1000, 2000]);
    expect(benchSizes(undefined)).toEqual([10000, 50000]);
  });

  it('reads how many articles an import added, thousands separators and all', () => {
    expect(addedByImport('library.json (CSL-JSON): 49,273 added, 727 merged with articles already in the library, 0 unchanged, 0 rejected.')).toBe(49273);
    expect(addedByImport('library.json: 12 added')).toBe(12);
    expect(addedByImport('nothing to import')).toBeNaN();
  });
});
