/**
 * Exports cannot be broken out of: whatever a stored record or a CSL-JSON item holds, every
 * export has exactly one entry per article when read back by a parser that is not Simlit's
 * (BibTeX and BibLaTeX: @retorquere/bibtex-parser; RIS: astrocite-ris; EndNote tagged:
 * biblatex-csl-converter's ENW parser), and no link in any format has a scheme other than http(s).
 */
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseRis } from 'astrocite-ris';
import { parseENW } from 'biblatex-csl-converter';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportItems, type ExportInput } from '@/lib/export';
import { capturedArticle, hostileCslItem, UNSAFE_URLS } from './syntax-arbitraries';

const records = fc.array(fc.oneof(hostileCslItem, capturedArticle), { minLength: 1, maxLength: 4 }) as fc.Arbitrary<ExportInput[]>;
const RUNS = { numRuns: Number(process.env.SIMLIT_RUNS ?? 150) };
/** citation-js takes a few milliseconds per record; a busy machine needs more than the default 5 s. */
const SLOW = 120_000;

/**
 * Every line an EndNote or RIS reader may see: besides CR LF, LF and CR, readers that split
 * lines as Python's str.splitlines does also end a line at VT, FF, FS, GS, RS, NEL, LS and PS.
 */
const lines = (text: string) => text.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/);

describe('round trips through independent parsers', () => {
  it.each(['bibtex', 'biblatex'] as const)('%s: one entry per article, no parse errors, DOIs and URLs whole', (format) => {
    fc.assert(
      fc.property(records, (items) => {
        const text = exportItems(items, format).text;
        const parsed = parseBibtex(text);
        expect(parsed.errors).toEqual([]);
        expect(parsed.entries).toHaveLength(items.length);
        // A stored DOI (registered characters only) comes back as it is; "$" is written as %24.
        items.forEach((item, i) => {
          if ('sightings' in item && item.DOI) expect(parsed.entries[i].fields.doi).toBe(item.DOI.replace(/\$/g, '%24'));
        });
      }),
      RUNS,
    );
  }, SLOW);

  it('RIS: one record per article, every line tagged', () => {
    fc.assert(
      fc.property(records, (items) => {
        const text = exportItems(items, 'ris').text;
        expect(parseRis(text)).toHaveLength(items.length);
        const all = lines(text);
        expect(all.pop()).toBe('');
        for (const line of all) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
      }),
      RUNS,
    );
  }, SLOW);

  it('EndNote: one record per article, every line tagged', () => {
    fc.assert(
      fc.property(records, (items) => {
        const text = exportItems(items, 'enw').text;
        const parsed = parseENW(text);
        expect(Object.keys(parsed.entries)).toHaveLength(items.length);
        for (const line of lines(text.trimEnd()).filter(Boolean)) expect(line).toMatch(/^%[0-9A-Z@] \S/);
        expect(text.trimEnd().split('\r\n\r\n')).toHaveLength(items.length);
      }),
      RUNS,
    );
  }, SLOW);
});

describe('links in every format', () => {
  it.each(['bibtex', 'biblatex', 'ris', 'csl-json', 'csv', 'enw', 'markdown'] as const)('%s writes no javascript:, data:, vbscript: or file: URL', (format) => {
    fc.assert(
      fc.property(records, (items) => {
        const text = exportItems(items, format).text;
        for (const url of UNSAFE_URLS) expect(text).not.toContain(url.trim());
      }),
      RUNS,
    );
  }, SLOW);
});

describe('line formats written here', () => {
  it('Markdown: one list item per article; links only to doi.org or http(s) pages', () => {
    fc.assert(
      fc.property(records, (items) => {
        const text = exportItems(items, 'markdown').text;
        expect(text.split('\n').filter((line) => /^\d+\. /.test(line))).toHaveLength(items.length);
        // Every unescaped "](" opens a link Simlit wrote; every unescaped "<" an autolink.
        for (const [, target] of text.matchAll(/(?<!\\)\]\(([^)]*)\)/g)) expect(target).toMatch(/^https:\/\/doi\.org\//);
        for (const [, target] of text.matchAll(/(?<!\\)<([^>]*)>/g)) expect(target).toMatch(/^https?:\/\/[^\s<>]*$/);
      }),
      RUNS,
    );
  }, SLOW);

  it('CSV: one row per article, no cell a spreadsheet would run as a formula', () => {
    fc.assert(
      fc.property(records, (items) => {
        const rows = exportItems(items, 'csv').text.replace(/^\uFEFF/, '').split('\r\n');
        expect(rows.pop()).toBe('');
        expect(rows).toHaveLength(items.length + 1);
        for (const row of rows) {
          // Every cell is quoted, inner quotes doubled (RFC 4180).
          const cells = [...row.matchAll(/"((?:[^"]|"")*)"(?:,|$)/g)].map(([, cell]) => cell.replace(/""/g, '"'));
          expect(cells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')).toBe(row);
          expect(cells).toHaveLength(16);
          for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        }
      }),
      RUNS,
    );
  }, SLOW);
});
