/**
 * Pages or article number: where what a page prints as its "pages" belongs in CSL. Online-only
 * journals put an article number or e-locator (PLOS e0000001, Elsevier 102530, Frontiers 85883)
 * in `citation_firstpage`; preprint servers put their own identifiers there (bioRxiv
 * 2020.03.22.002386). A page field holds pages; an article number goes to CSL `number`; what is
 * neither is dropped. The rules, in order:
 *
 * 1. An article number the page names as such (an extractor's `number`: `citation_article_number`,
 *    "Article 781", "Article number: 781") is kept as `number` when it looks like one: letters
 *    and digits, a digit among them, at most 20 characters, no dots or slashes (not a date, DOI
 *    or version id).
 * 2. The page value is tidied: full-width folded, "pp."/"p."/第…页 removed, dashes to "-".
 * 3. An e-locator, "e" and digits (e0000001, e1002), is an article number, whatever the last page.
 * 4. A range of page tokens (1–6 digits with an optional one- or two-letter prefix such as S12,
 *    or roman numerals), several ranges joined by "," or "+" (CNKI's "94-98,93"), is `page`.
 * 5. A first page alone (or with the same last page): 1–4 digits (with an optional prefix) is a
 *    page; 5–8 digits is an article number: no printed journal runs past page 9999 without
 *    printing a last page as well. So "781" alone is a page, unless rule 1 applies: the page must
 *    say it is an article number, since a three-digit first page is far more often a page.
 * 6. Anything else (2020.03.22.002386, a DOI, a date, words) is dropped.
 */
import { foldFullWidth } from './clean';

const PAGE_TOKEN = '(?:[A-Za-z]{0,2}\\d{1,6}[A-Za-z]?|[ivxlcdm]{1,8}|[IVXLCDM]{1,8})';
const PAGE_RANGE = `${PAGE_TOKEN}(?:-${PAGE_TOKEN})?`;
const PAGE_LIST = new RegExp(`^${PAGE_RANGE}(?:[,+]${PAGE_RANGE})*$`);
const SHORT_PAGE = /^(?:[A-Za-z]{0,2}\d{1,4}[A-Za-z]?|[ivxlcdm]{1,8}|[IVXLCDM]{1,8})$/;
const E_LOCATOR = /^e\d{1,10}$/i;
const LONG_NUMBER = /^\d{5,8}$/;
const ARTICLE_NUMBER = /^(?=[A-Za-z0-9-]*\d)[A-Za-z0-9-]{1,20}$/;

export interface PageFields {
  firstPage?: string;
  lastPage?: string;
  /** A range or list as printed ("24-42", "pp. 5～9"). */
  pages?: string;
  /** An article number the page names as such. */
  number?: string;
}

export interface PageOrNumber {
  page?: string;
  number?: string;
}

/** Half-width, no "pp."/"p."/第…页, one "-" for every dash, no spaces. */
function tidy(value: string | undefined): string {
  if (!value) return '';
  return foldFullWidth(value)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/^(?:pp?\.?|pages?|第)\s*/i, '')
    .replace(/\s*页$/, '')
    .replace(/\s*[-‐‑‒–—―~～]+\s*/g, '-')
    .replace(/\s*([,+，])\s*/g, (_m, sep: string) => (sep === '，' ? ',' : sep))
    .trim();
}

function articleNumber(value: string | undefined): string | undefined {
  const number = tidy(value).replace(/^(?:article|art\.?|no\.?|number)\s*(?:number|no\.?)?\s*[:：]?\s*/i, '');
  return ARTICLE_NUMBER.test(number) ? number : undefined;
}

/** Sorts a page's page fields into CSL `page` and `number` (see the rules above). */
export function pageOrNumber(fields: PageFields): PageOrNumber {
  const result: PageOrNumber = {};
  const named = articleNumber(fields.number);
  if (named) result.number = named;
  const first = tidy(fields.firstPage);
  const last = tidy(fields.lastPage);
  if (first) {
    if (first.includes('-') || first.includes(',')) return place(first, result);
    if (E_LOCATOR.test(first)) return { ...result, number: result.number ?? first };
    const single = !last || last === first;
    if (single && LONG_NUMBER.test(first)) return { ...result, number: result.number ?? first };
    if (single && SHORT_PAGE.test(first) && first !== result.number) return { ...result, page: first };
    if (!single && PAGE_LIST.test(`${first}-${last}`)) return { ...result, page: `${first}-${last}` };
    return result;
  }
  return place(tidy(fields.pages), result);
}

/** A printed range or list: pages when it reads as pages, an article number when it is one. */
function place(range: string, result: PageOrNumber): PageOrNumber {
  if (!range) return result;
  const [start, end] = range.split('-');
  if (E_LOCATOR.test(start) && (end === undefined || end === start)) return { ...result, number: result.number ?? start };
  if (end === undefined && LONG_NUMBER.test(range)) return { ...result, number: result.number ?? range };
  if (end === undefined && !SHORT_PAGE.test(range)) return result;
  return PAGE_LIST.test(range) && range !== result.number ? { ...result, page: range } : result;
}
