/**
 * The merge rules in one table: for each bibliographic field, how two present values combine
 * when a source may refine the record, and whether pages may disagree about it (then a value
 * that may not be applied is kept as an alternative version).
 *
 * Who may change a field, highest first (lib/merge/merge-articles.ts applies it):
 * 1. The reader: fields listed in `readerFields` (edited, imported, restored, chosen) and every
 *    present field of a saved article. Nothing else changes them; a capture's different value
 *    is kept as an alternative version for the reader to choose.
 * 2. A file the reader imports or restores: its values replace what pages gave, and become the
 *    reader's.
 * 3. The DOI's authority (lib/merge/doi-authority.ts): an https page on the DOI's publisher,
 *    on doi.org, or on a platform that lists the article under its own id. Its differing values
 *    replace what other pages gave.
 * 4. The article's home site: the host of the page that first showed it (sightings[0]). Its
 *    pages refine the record by the field's combine rule (a list row, then the article page).
 * 5. Any other page: fills empty fields, adds ids and sightings; a different value becomes an
 *    alternative version. Its DOI claim links records but cannot overwrite them.
 */
import { keywordList, type Article, type BibliographicField, type CslDate, type CslName } from '../model/article';

/** How two present values combine when the newer source may refine the record. */
export type Combine = 'richer-text' | 'longer-list' | 'more-precise-date' | 'first-present' | 'more-specific-type';

export interface FieldRule {
  combine: Combine;
  /**
   * The field describes the article, and pages may disagree about it: a differing value that may
   * not be applied is kept as an alternative, and the DOI's authority replaces it. Fields that
   * locate the article (its address on each site, the DOI that links records, the detected
   * language) keep the first value known, and other values are not worth the reader's choice.
   */
  describes: boolean;
}

export const FIELD_RULES: Readonly<Record<BibliographicField, FieldRule>> = {
  title: { combine: 'richer-text', describes: true },
  altTitle: { combine: 'richer-text', describes: true },
  abstract: { combine: 'richer-text', describes: true },
  altAbstract: { combine: 'richer-text', describes: true },
  keyword: { combine: 'richer-text', describes: true },
  author: { combine: 'longer-list', describes: true },
  issued: { combine: 'more-precise-date', describes: true },
  'container-title': { combine: 'first-present', describes: true },
  'container-title-short': { combine: 'first-present', describes: true },
  volume: { combine: 'first-present', describes: true },
  issue: { combine: 'first-present', describes: true },
  page: { combine: 'first-present', describes: true },
  number: { combine: 'first-present', describes: true },
  ISSN: { combine: 'first-present', describes: true },
  publisher: { combine: 'first-present', describes: true },
  type: { combine: 'more-specific-type', describes: false },
  DOI: { combine: 'first-present', describes: false },
  URL: { combine: 'first-present', describes: false },
  pdfUrl: { combine: 'first-present', describes: false },
  language: { combine: 'first-present', describes: false },
  source: { combine: 'first-present', describes: false },
};

type FieldValue = Article[BibliographicField];

export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Text reduced to what identifies it: width, case, punctuation and spacing do not make a different value. */
function textKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function nameKey(name: CslName): string {
  return textKey(name.literal ?? `${name.family ?? ''}${name.given ?? ''}`);
}

function dateParts(date: CslDate): number[] {
  const parts: (number | undefined)[] = date['date-parts']?.[0] ?? [];
  return parts.filter((part): part is number => part !== undefined && part !== null);
}

function isPrefix(short: unknown[], long: unknown[]): boolean {
  return short.length <= long.length && short.every((part, i) => part === long[i]);
}

/**
 * How an incoming value relates to the known one:
 * - 'same': equal once normalized, or only less (a truncated title, a shorter author list that
 *   the known one contains, a date of the same day but less precise);
 * - 'refines': the same date, more precisely — adding what the record lacks;
 * - 'different': anything else, longer texts included (a longer title may well be a different one).
 */
export function compareField(field: BibliographicField, known: FieldValue, incoming: FieldValue): 'same' | 'refines' | 'different' {
  const { combine } = FIELD_RULES[field];
  if (combine === 'more-precise-date') {
    const [ours, theirs] = [dateParts(known as CslDate), dateParts(incoming as CslDate)];
    if (!ours.length || !theirs.length) return (known as CslDate).raw === (incoming as CslDate).raw && ours.length === theirs.length ? 'same' : 'different';
    if (isPrefix(theirs, ours)) return 'same';
    return isPrefix(ours, theirs) ? 'refines' : 'different';
  }
  if (combine === 'longer-list') {
    const ours = new Set((known as CslName[]).map(nameKey));
    return (incoming as CslName[]).every((name) => ours.has(nameKey(name))) ? 'same' : 'different';
  }
  if (field === 'keyword') {
    const ours = new Set(keywordList({ keyword: known as string }).map(textKey));
    return keywordList({ keyword: incoming as string }).every((keyword) => ours.has(textKey(keyword))) ? 'same' : 'different';
  }
  if (field === 'URL' || field === 'pdfUrl' || field === 'DOI') return known === incoming ? 'same' : 'different';
  const [ours, theirs] = [textKey(String(known)), textKey(String(incoming))];
  if (combine === 'richer-text') return ours.includes(theirs) ? 'same' : 'different';
  return ours === theirs ? 'same' : 'different';
}

/** The value a refining source leaves, by the field's combine rule. */
export function combineField(field: BibliographicField, known: FieldValue, incoming: FieldValue): FieldValue {
  switch (FIELD_RULES[field].combine) {
    case 'richer-text':
      return String(incoming).length > String(known).length ? incoming : known;
    case 'longer-list':
      return (incoming as CslName[]).length > (known as CslName[]).length ? incoming : known;
    case 'more-precise-date':
      return dateParts(incoming as CslDate).length > dateParts(known as CslDate).length ? incoming : known;
    case 'more-specific-type':
      // "article-journal" is what normalization assumes when a page says nothing.
      return known === 'article-journal' ? incoming : known;
    case 'first-present':
      return known;
  }
}
