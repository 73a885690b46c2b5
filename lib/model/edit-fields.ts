/**
 * What the reader types into the article editor, read into CSL values, or the reason it cannot
 * be: the editor shows the reason beside the field and saves nothing until all are readable.
 */
import { cleanText, foldFullWidth, hasCjk, normalizeDoi } from '../text/clean';
import { httpUrl } from '../text/urls';
import { KEYWORD_SEPARATOR, type CslDate, type CslItem, type CslName } from './article';

/** The bibliographic fields the reader can edit, by their CSL names (as kept in `readerFields`). */
export const EDITABLE_FIELDS = [
  'title', 'author', 'type', 'issued', 'container-title', 'volume', 'issue', 'page', 'number', 'DOI', 'URL', 'abstract', 'keyword', 'language',
] as const satisfies readonly (keyof CslItem)[];
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** New values of edited fields; undefined clears a field. */
export type ArticlePatch = { [K in EditableField]?: CslItem[K] };

/** The CSL types offered, journal articles first (CSL 1.0.2 item types that articles and their kin have). */
export const CSL_TYPES = [
  'article-journal', 'article', 'paper-conference', 'thesis', 'book', 'chapter', 'report', 'review', 'article-magazine',
  'article-newspaper', 'patent', 'standard', 'dataset', 'webpage', 'manuscript', 'entry-encyclopedia', 'document',
] as const;
export type CslType = (typeof CSL_TYPES)[number];

export type FieldProblem = 'date' | 'doi' | 'url' | 'language' | 'type';
export type Parsed<T> = { ok: true; value: T | undefined } | { ok: false; problem: FieldProblem };

const ok = <T>(value: T | undefined): Parsed<T> => ({ ok: true, value });

/** One line of text; blank is "no value". */
export function readText(text: string, maxLength = 2000): string | undefined {
  return cleanText(text, maxLength) || undefined;
}

/** An abstract keeps its paragraphs; blank is "no value". */
function readLongText(text: string): string | undefined {
  const paragraphs = text.split(/\n\s*\n/).map((paragraph) => cleanText(paragraph)).filter(Boolean);
  return paragraphs.join('\n\n') || undefined;
}

const DATE = /^(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?)?\s*年?$/;

/** "2021", "2021-05", "2021-05-03", "2021/5/3", "2021年5月3日"; anything else is refused. */
export function readDate(text: string): Parsed<CslDate> {
  const value = foldFullWidth(text).trim();
  if (!value) return ok(undefined);
  const match = DATE.exec(value);
  if (!match) return { ok: false, problem: 'date' };
  const [year, month, day] = [match[1], match[2], match[3]].map((part) => (part === undefined ? undefined : Number(part)));
  if (year! < 1000 || year! > 2200) return { ok: false, problem: 'date' };
  if (month !== undefined && (month < 1 || month > 12)) return { ok: false, problem: 'date' };
  if (day !== undefined && (day < 1 || day > new Date(Date.UTC(year!, month!, 0)).getUTCDate())) return { ok: false, problem: 'date' };
  const parts = [year, month, day].filter((part) => part !== undefined) as [number, number?, number?];
  return ok({ 'date-parts': [parts] });
}

/** The date as the editor shows it: "2021-05-03", "2021-05", "2021", or the raw text. */
export function dateText(issued: CslDate | undefined): string {
  const parts = issued?.['date-parts']?.[0];
  if (!parts?.[0]) return issued?.raw ?? '';
  return parts.filter((part) => part !== undefined).map((part, i) => (i === 0 ? String(part) : String(part).padStart(2, '0'))).join('-');
}

/** A DOI, with or without "doi:" or a resolver's address; stored in canonical form. */
export function readDoi(text: string): Parsed<string> {
  const value = text.trim();
  if (!value) return ok(undefined);
  const doi = normalizeDoi(value);
  // The whole input must be the DOI (with an optional prefix), not a sentence that holds one.
  const rest = foldFullWidth(value).toLowerCase().replace(/^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)/, '');
  return doi && decodeURIComponentSafe(rest).replace(/[.,;]+$/, '') === doi ? ok(doi) : { ok: false, problem: 'doi' };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** An http(s) address; a bare "www.example.org/x" is read as https. */
export function readUrl(text: string): Parsed<string> {
  const value = text.trim();
  if (!value) return ok(undefined);
  const url = httpUrl(/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`);
  return url && /^https?:\/\/[^/]+\.[^/]+/.test(url) && !/\s/.test(value) ? ok(url) : { ok: false, problem: 'url' };
}

/** Keywords separated by semicolons, commas or 、, as CSL keeps them (one string). */
export function readKeywords(text: string): string | undefined {
  const keywords = text.split(/[;；,，、\n]/).map((keyword) => cleanText(keyword, 300)).filter(Boolean);
  return [...new Set(keywords)].join(KEYWORD_SEPARATOR) || undefined;
}

/** A language code (BCP 47: "zh", "en", "pt-BR"). */
export function readLanguage(text: string): Parsed<string> {
  const value = text.trim();
  if (!value) return ok(undefined);
  return /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(value) ? ok(value) : { ok: false, problem: 'language' };
}

export function readType(text: string): Parsed<string> {
  return (CSL_TYPES as readonly string[]).includes(text) ? ok(text) : { ok: false, problem: 'type' };
}

/** An author as typed: a whole name (Chinese names, organisations), or family and given names. */
export interface NameInput {
  whole: boolean;
  literal: string;
  family: string;
  given: string;
}

/** The authors in order; empty rows are dropped, a split Chinese name is joined back into one. */
export function readNames(inputs: readonly NameInput[]): CslName[] | undefined {
  const names: CslName[] = [];
  for (const input of inputs) {
    const literal = cleanText(input.literal, 300);
    const family = cleanText(input.family, 300);
    const given = cleanText(input.given, 300);
    if (input.whole) {
      if (literal) names.push({ literal });
    } else if (hasCjk(family + given)) {
      if (family || given) names.push({ literal: `${family}${given}` });
    } else if (family && given) names.push({ family, given });
    else if (family || given) names.push({ family: family || given });
  }
  return names.length ? names : undefined;
}

/** A stored name as the editor shows it. */
function nameInput(name: CslName): NameInput {
  if (name.literal !== undefined || (!name.family && !name.given)) return { whole: true, literal: name.literal ?? '', family: '', given: '' };
  return { whole: false, literal: '', family: name.family ?? '', given: name.given ?? '' };
}

/** The editor's form: every field as the reader sees and types it. */
export interface EditDraft {
  title: string;
  authors: NameInput[];
  type: string;
  issued: string;
  container: string;
  volume: string;
  issue: string;
  page: string;
  number: string;
  DOI: string;
  URL: string;
  abstract: string;
  keyword: string;
  language: string;
}

export type DraftField = Exclude<keyof EditDraft, 'authors'>;

type EditedFields = Pick<CslItem, EditableField>;

export function draftOf(article: EditedFields): EditDraft {
  return {
    title: article.title ?? '',
    authors: (article.author ?? []).map(nameInput),
    type: article.type,
    issued: dateText(article.issued),
    container: article['container-title'] ?? '',
    volume: article.volume ?? '',
    issue: article.issue ?? '',
    page: article.page ?? '',
    number: article.number ?? '',
    DOI: article.DOI ?? '',
    URL: article.URL ?? '',
    abstract: article.abstract ?? '',
    keyword: (article.keyword ?? '').split(/\s*[;；]\s*/).filter(Boolean).join('; '),
    language: article.language ?? '',
  };
}

/**
 * The patch a draft makes to the article, or what is wrong with it. A checked field left as the
 * editor showed it keeps the stored value, even one the checks would refuse (a raw date, a DOI
 * as a file gave it): the reader is not made to correct what they did not touch.
 */
export function readDraft(draft: EditDraft, article: EditedFields): { patch: ArticlePatch; problems: Partial<Record<DraftField, FieldProblem>> } {
  const problems: Partial<Record<DraftField, FieldProblem>> = {};
  const patch: ArticlePatch = {
    title: readText(draft.title),
    author: readNames(draft.authors),
    'container-title': readText(draft.container, 500),
    volume: readText(draft.volume, 50),
    issue: readText(draft.issue, 50),
    page: readText(draft.page, 50),
    number: readText(draft.number, 50),
    abstract: readLongText(draft.abstract),
    keyword: readKeywords(draft.keyword),
  };
  const shown = draftOf(article);
  const checked: [DraftField, EditableField, (text: string) => Parsed<unknown>][] = [
    ['type', 'type', readType],
    ['issued', 'issued', readDate],
    ['DOI', 'DOI', readDoi],
    ['URL', 'URL', readUrl],
    ['language', 'language', readLanguage],
  ];
  for (const [field, cslField, read] of checked) {
    const result = draft[field] === shown[field] ? ok(article[cslField]) : read(draft[field]);
    if (result.ok) (patch as Record<string, unknown>)[cslField] = result.value;
    else problems[field] = result.problem;
  }
  return { patch, problems };
}
