import { keywordList, type CslItem } from '../model/article';
import { displayName } from '../text/names';
import { oneLine } from './csl-items';

const COLUMNS: [string, (item: CslItem) => string | undefined][] = [
  ['Title', (item) => item.title],
  ['Authors', (item) => item.author?.map(displayName).join('; ')],
  ['Journal', (item) => item['container-title']],
  ['Year', (item) => item.issued?.['date-parts']?.[0]?.[0]?.toString()],
  ['Volume', (item) => item.volume],
  ['Issue', (item) => item.issue],
  ['Pages', (item) => item.page],
  // An article number or e-locator (CSL number): apart from the pages, as the library keeps it.
  ['Article number', (item) => item.number],
  ['DOI', (item) => item.DOI],
  ['URL', (item) => item.URL],
  ['ISSN', (item) => item.ISSN],
  ['Keywords', (item) => keywordList(item).join('; ')],
  ['Language', (item) => item.language],
  ['Type', (item) => item.type],
  ['Abstract', (item) => item.abstract],
  ['ID', (item) => item.id],
];

/**
 * A cell safe to open in a spreadsheet: a value that starts with = + - @ (or a tab or carriage
 * return) would be run as a formula (CSV injection), so it is prefixed with an apostrophe, which
 * spreadsheets show as text. Always quoted, inner quotes doubled (RFC 4180).
 */
export function csvCell(value: string | undefined): string {
  let text = oneLine(value ?? '');
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * CSV with a header row, CRLF line ends, and a UTF-8 byte order mark: without it Excel reads the
 * file in the system code page and Chinese text comes out garbled.
 */
export function formatCsv(items: CslItem[]): string {
  const rows = [COLUMNS.map(([name]) => csvCell(name)), ...items.map((item) => COLUMNS.map(([, get]) => csvCell(get(item))))];
  return `\uFEFF${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
}
