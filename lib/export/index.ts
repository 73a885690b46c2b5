/** Exports for the library page, the popup and the CLI: one entry point, one file per format. */
import { formatBibtex } from './bibtex';
import { formatBibliography } from './citation';
import { exportableItems, exportLink, type ExportInput } from './csl-items';
import { formatCsv } from './csv';
import { formatEnw } from './enw';
import { formatMarkdown } from './markdown';
import { formatRis } from './ris';

export { formatCitation, formatBibliography, prepareCitationStyle, type CitationStyle } from './citation';
export type { ExportInput } from './csl-items';

export const EXPORT_FORMATS = ['bibtex', 'biblatex', 'ris', 'csl-json', 'csv', 'enw', 'markdown', 'gbt7714', 'apa'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportResult {
  text: string;
  mimeType: string;
  extension: string;
}

const FILE_TYPES: Record<ExportFormat, { mimeType: string; extension: string }> = {
  bibtex: { mimeType: 'application/x-bibtex;charset=utf-8', extension: 'bib' },
  biblatex: { mimeType: 'application/x-bibtex;charset=utf-8', extension: 'bib' },
  ris: { mimeType: 'application/x-research-info-systems;charset=utf-8', extension: 'ris' },
  'csl-json': { mimeType: 'application/vnd.citationstyles.csl+json;charset=utf-8', extension: 'json' },
  csv: { mimeType: 'text/csv;charset=utf-8', extension: 'csv' },
  enw: { mimeType: 'application/x-endnote-refer;charset=utf-8', extension: 'enw' },
  markdown: { mimeType: 'text/markdown;charset=utf-8', extension: 'md' },
  gbt7714: { mimeType: 'text/plain;charset=utf-8', extension: 'txt' },
  apa: { mimeType: 'text/plain;charset=utf-8', extension: 'txt' },
};

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

function render(items: ExportInput[], format: ExportFormat): string {
  const csl = exportableItems(items);
  switch (format) {
    case 'bibtex':
    case 'biblatex':
      return formatBibtex(csl, format);
    case 'ris':
      return formatRis(csl, items.map((item) => exportLink('pdfUrl' in item ? item.pdfUrl : undefined)));
    case 'csl-json':
      return `${JSON.stringify(csl, null, 2)}\n`;
    case 'csv':
      return formatCsv(csl);
    case 'enw':
      return formatEnw(csl);
    case 'markdown':
      return formatMarkdown(csl);
    case 'gbt7714':
    case 'apa':
      return formatBibliography(csl, format);
  }
}

/** Library articles or CSL-JSON items in one export format, with the file type to save it as. */
export function exportItems(items: ExportInput[], format: ExportFormat): ExportResult {
  return { text: render(items, format), ...FILE_TYPES[format] };
}

/**
 * A download name: "<collection>-<format>-<YYYY-MM-DD>.<ext>", the collection name kept in any
 * script (Chinese included) but without characters file systems refuse; "simlit" when empty.
 */
export function exportFileName(collectionName: string | undefined, format: ExportFormat, date: Date = new Date()): string {
  const name = (collectionName ?? '')
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 80)
    .trim();
  const day = date.toISOString().slice(0, 10);
  return `${name || 'simlit'}-${format}-${day}.${FILE_TYPES[format].extension}`;
}
