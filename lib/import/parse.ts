import type { CslItem } from '../model/article';
import { parseWithCitationJs } from '../export/citation-js';
import { validateCslEntry, validateCslItem, type Rejection } from './csl-json';
import { EntryQueue, type EntryResult } from './entry-queue';

export type ImportFormat = 'bibtex' | 'ris' | 'csl-json';

export interface ParsedFile {
  format?: ImportFormat;
  items: CslItem[];
  rejected: Rejection[];
  /** CSL-JSON keys of the file that Simlit does not keep. */
  ignoredFields?: string[];
  /** Set when the file as a whole cannot be read; then `items` is empty. */
  error?: string;
}

/** A file's entries to be parsed as they are taken (lib/import/entry-queue), or why it cannot be read at all. */
export interface ImportEntries {
  format?: ImportFormat;
  /** Set when the file as a whole cannot be read; then `entries` is absent. */
  error?: string;
  entries?: EntryQueue;
  /** CSL-JSON keys of the file that Simlit does not keep. */
  ignoredFields?: string[];
}

/** Entries read from one file at most (a larger file is refused whole, not cut). */
export const MAX_IMPORT_ENTRIES = 100_000;

/** The format by file extension, else by content. */
export function detectFormat(text: string, fileName = ''): ImportFormat | undefined {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'bib' || extension === 'bibtex' || extension === 'biblatex') return 'bibtex';
  if (extension === 'ris') return 'ris';
  if (extension === 'json') return 'csl-json';
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'csl-json';
  if (/^TY {2}-/m.test(text)) return 'ris';
  if (/^\s*@\w+\s*[{(]/m.test(text)) return 'bibtex';
  return undefined;
}

function firstLine(text: string): string {
  return text.trim().split(/\r?\n/)[0].slice(0, 80);
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 200);
}

function rejected(index: number, entry: string, reason: string): EntryResult {
  return { rejection: { index, entry, reason } };
}

/** One parsed entry: the CSL item if citation-js read it and it describes an article, else why not. */
function parseEntry(chunk: string, forceType: string, index: number, entry = firstLine(chunk)): EntryResult {
  let parsed: Record<string, unknown>[];
  try {
    parsed = parseWithCitationJs(chunk, forceType);
  } catch (error) {
    return rejected(index, entry, `cannot be parsed: ${errorText(error)}`);
  }
  if (parsed.length !== 1) return rejected(index, entry, parsed.length ? 'holds more than one entry' : 'holds no entry');
  const item = validateCslItem(parsed[0], index);
  return typeof item === 'string' ? rejected(index, entry, item) : { item };
}

/**
 * BibTeX is cut into entries at each line that starts with "@", and each entry parsed alone, so
 * that one broken entry (an unclosed brace) is reported without losing the others. @string
 * definitions are given to every entry; @comment and @preamble are skipped.
 */
function bibtexEntries(text: string): ImportEntries {
  const chunks = text.split(/^(?=[ \t]*@)/m).filter((chunk) => /^\s*@/.test(chunk));
  const strings = chunks.filter((chunk) => /^\s*@string\s*[{(]/i.test(chunk)).join('\n');
  const entries = chunks.filter((chunk) => !/^\s*@(string|comment|preamble)\s*[{(]/i.test(chunk));
  if (entries.length > MAX_IMPORT_ENTRIES) return { format: 'bibtex', error: `more than ${MAX_IMPORT_ENTRIES} entries` };
  return { format: 'bibtex', entries: EntryQueue.of(entries, (chunk, index) => parseEntry(`${strings}\n${chunk}`, '@biblatex/text', index, firstLine(chunk))) };
}

/** RIS is cut into records at each "ER  -" line; text after the last one is an unclosed record. */
function risEntries(text: string): ImportEntries {
  const records = text.replace(/^\uFEFF/, '').split(/^ER {2}-.*$/m);
  const tail = records.pop() ?? '';
  const entries = records.filter((record) => record.trim());
  if (tail.trim()) entries.push(tail);
  if (entries.length > MAX_IMPORT_ENTRIES) return { format: 'ris', error: `more than ${MAX_IMPORT_ENTRIES} records` };
  const unclosed = tail.trim() ? entries.length - 1 : -1;
  return {
    format: 'ris',
    entries: EntryQueue.of(entries, (record, index) => {
      if (index === unclosed) return rejected(index, firstLine(record), 'record is not closed by an "ER  -" line');
      return /^\s*TY {2}-/m.test(record) ? parseEntry(`${record.trim()}\nER  - \n`, '@ris/file', index) : rejected(index, firstLine(record) || `record ${index + 1}`, 'record has no TY line');
    }),
  };
}

function cslJsonEntries(text: string): ImportEntries {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { format: 'csl-json', error: `not valid JSON: ${errorText(error)}` };
  }
  const values = Array.isArray(data) ? data : [data];
  if (values.length > MAX_IMPORT_ENTRIES) return { format: 'csl-json', error: `more than ${MAX_IMPORT_ENTRIES} items` };
  return { format: 'csl-json', entries: EntryQueue.of(values, validateCslEntry), ignoredFields: unkeptFields(values) };
}

/** The CSL-JSON keys Simlit keeps (cslToArticle reads them). */
const KEPT_CSL_KEYS = new Set(['id', 'type', 'title', 'author', 'container-title', 'container-title-short', 'issued', 'volume', 'issue', 'page', 'number', 'DOI', 'URL', 'ISSN', 'abstract', 'keyword', 'language', 'publisher']);

/** Keys of the file's items that are not kept, for the report (at most 50). */
function unkeptFields(values: unknown[]): string[] {
  const keys = new Set<string>();
  for (const value of values) {
    if (typeof value !== 'object' || value === null) continue;
    for (const key of Object.keys(value)) if (!KEPT_CSL_KEYS.has(key) && keys.size < 50) keys.add(key.slice(0, 60));
  }
  return [...keys];
}

/** A BibTeX, RIS or CSL-JSON file's entries, to be parsed into CSL items as they are taken. */
export function openImportFile(text: string, fileName = ''): ImportEntries {
  const format = detectFormat(text, fileName);
  if (!text.trim()) return { format, error: 'the file is empty' };
  if (!format) return { error: 'not a BibTeX, RIS or CSL-JSON file' };
  if (format === 'bibtex') return bibtexEntries(text);
  if (format === 'ris') return risEntries(text);
  return cslJsonEntries(text);
}

/** Reads a BibTeX, RIS or CSL-JSON file into CSL items and per-entry rejections, all at once. */
export function parseImportFile(text: string, fileName = ''): ParsedFile {
  const { format, error, entries, ignoredFields } = openImportFile(text, fileName);
  if (!entries) return { format, items: [], rejected: [], error };
  const items = entries.take(entries.total);
  return { format, items, rejected: entries.rejected, ...(ignoredFields ? { ignoredFields } : {}) };
}
