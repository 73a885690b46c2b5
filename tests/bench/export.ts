/**
 * Exports and imports of a large library, in Node (the library page runs both in a worker, with
 * the same code): the library's articles in every export format, and each file a reader imports
 * (BibTeX, RIS, CSL-JSON, as Simlit writes them) read back by the import's parser. At 10k and 50k
 * by default (BENCH_EXPORT_SIZES; BENCH_EXPORT=0 skips it in `npm run bench`).
 * Run alone: `node --import tsx tests/bench/export.ts [articles...]`.
 */
import { performance } from 'node:perf_hooks';
import { EXPORT_FORMATS, exportItems, type ExportFormat } from '../../lib/export';
import { parseImportFile, type ImportFormat } from '../../lib/import/parse';
import { benchSizes, importedArticles } from './library-page';

export interface ExportFigures {
  articles: number;
  /** Each format's whole export of the library. */
  exportMs: Record<ExportFormat, number>;
  /** Each importable format's file (as exported above) parsed again, and how many entries it gave. */
  importMs: Record<ImportFormat, number>;
  imported: Record<ImportFormat, number>;
}

/** The formats the import reads, with the name of the file each is read from. */
const IMPORT_FILES: Record<ImportFormat, string> = { bibtex: 'library.bib', ris: 'library.ris', 'csl-json': 'library.json' };
const IMPORTED = Object.keys(IMPORT_FILES) as ImportFormat[];
const isImported = (format: ExportFormat): format is ExportFormat & ImportFormat => format in IMPORT_FILES;

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

export function measureExport(size: number): ExportFigures {
  const library = importedArticles(size);
  const exportMs = {} as Record<ExportFormat, number>;
  const importMs = {} as Record<ImportFormat, number>;
  const imported = {} as Record<ImportFormat, number>;
  for (const format of EXPORT_FORMATS) {
    const [{ text }, ms] = timed(() => exportItems(library, format));
    exportMs[format] = ms;
    if (!isImported(format)) continue;
    // Read back at once: every format's file of 50k articles, kept, would be some 300 million characters.
    const [parsed, parseMs] = timed(() => parseImportFile(text, IMPORT_FILES[format]));
    importMs[format] = parseMs;
    imported[format] = parsed.items.length;
  }
  return { articles: size, exportMs, importMs, imported };
}

export function formatExportFigures(figures: ExportFigures[]): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
  const row = (label: string, cell: (f: ExportFigures) => string) => `| ${label} | ${figures.map(cell).join(' | ')} |`;
  return [
    row('export and import in Node, s (per 1,000 articles)', (f) => `${f.articles} articles`),
    `| --- |${figures.map(() => ' --- |').join('')}`,
    ...EXPORT_FORMATS.map((format) => row(`export, ${format}`, (f) => `${seconds(f.exportMs[format])} (${seconds((f.exportMs[format] / f.articles) * 1000)})`)),
    ...IMPORTED.map((format) => row(`import's parser, ${format} (entries read)`, (f) => `${seconds(f.importMs[format])} (${f.imported[format]})`)),
  ].join('\n');
}

export function runExportBench(sizes: number[]): ExportFigures[] {
  return sizes.map((size) => {
    console.error(`exporting ${size} articles...`);
    return measureExport(size);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatExportFigures(runExportBench(benchSizes(process.env.BENCH_EXPORT_SIZES, process.argv.slice(2)))));
}
