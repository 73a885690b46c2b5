import type { CslItem } from '../model/article';
import { hasCjk } from '../text/clean';
import { cite, GBT7714_OTHER, GBT7714_ZH, hasCslLocale } from './citation-js';
import { exportableItems, type ExportInput } from './csl-items';

export type CitationStyle = 'gbt7714' | 'apa';
export type CitationFormat = 'text' | 'html';

/** Chinese items take "等" after three authors in GB/T 7714; the others take "et al.". */
export function isChineseItem(item: CslItem): boolean {
  if (item.language) return /^zh/i.test(item.language);
  return hasCjk(item.title ?? '') || (item.author ?? []).some((name) => hasCjk(name.literal ?? name.family ?? ''));
}

function cslStyle(item: CslItem, style: CitationStyle): string {
  if (style === 'apa') return 'apa';
  return isChineseItem(item) ? GBT7714_ZH : GBT7714_OTHER;
}

function renderEntry(item: CslItem, style: CitationStyle, locale: string, format: CitationFormat): string {
  const html = cite([item]).format('bibliography', {
    template: cslStyle(item, style),
    lang: hasCslLocale(locale) ? locale : 'en-US',
    format,
  });
  return format === 'html' ? html.trim() : html.replace(/\s+/g, ' ').trim();
}

/**
 * One item as a reference in the chosen style, without a list number: what "copy citation" puts
 * on the clipboard. `locale` picks the CSL locale for APA (en-US when citation-js lacks it);
 * GB/T 7714 prints the same in every locale. HTML output is escaped by citeproc-js.
 */
export function formatCitation(item: ExportInput, style: CitationStyle, locale = 'en-US', format: CitationFormat = 'text'): string {
  return renderEntry(exportableItems([item])[0], style, locale, format);
}

/** Placeholders that make citeproc-js build and keep each engine a style uses. */
const PLACEHOLDERS: CslItem[] = [
  { id: 'placeholder-en', type: 'article-journal', title: 'Placeholder', author: [{ family: 'Placeholder', given: 'A.' }], issued: { 'date-parts': [[2000]] } },
  { id: 'placeholder-zh', type: 'article-journal', title: '占位', language: 'zh', author: [{ literal: '占位' }], issued: { 'date-parts': [[2000]] } },
];

/**
 * Builds the engines of a style ahead of the first citation: citeproc-js takes over a second
 * (APA; GB/T 7714 a tenth of that) to build one, then keeps it. For a worker to call while the
 * reader looks at an article, never on a page's own thread.
 */
export function prepareCitationStyle(style: CitationStyle, locale = 'en-US'): void {
  for (const item of style === 'apa' ? PLACEHOLDERS.slice(0, 1) : PLACEHOLDERS) renderEntry(item, style, locale, 'text');
}

/**
 * A reference list. GB/T 7714 numeric: "[n] " in the order given (the order of citation in the
 * text, which only the reader knows). APA: sorted by author and year, as APA asks.
 */
export function formatBibliography(input: ExportInput[], style: CitationStyle, locale = 'en-US'): string {
  if (!input.length) return '';
  const items = exportableItems(input);
  if (style === 'gbt7714') {
    return `${items.map((item, i) => `[${i + 1}] ${renderEntry(item, style, locale, 'text')}`).join('\n')}\n`;
  }
  const text = cite(items).format('bibliography', { template: 'apa', lang: hasCslLocale(locale) ? locale : 'en-US', format: 'text' });
  return `${text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n')}\n`;
}
