import { KEYWORD_SEPARATOR, type Article, type ExtractedItem } from '../model/article';
import { identityFingerprint } from '../model/fingerprint';
import {
  cleanText,
  detectLanguage,
  foldFullWidth,
  normalizeDoi,
  stripFieldLabel,
  titleKey,
} from '../text/clean';
import { parseDate } from '../text/dates';
import { isNameOrder, parseNames } from '../text/names';
import { httpUrl } from '../text/urls';
import { hash64 } from '../text/hash';
import { markupToText } from '../text/markup';
import { pageOrNumber } from '../text/pages';
import { LIMITS } from './limits';

export interface CaptureContext {
  pageUrl: string;
  platform: string;
  capturedAt: number;
}

/**
 * A text field as plain text: markup and entities that pages leave in meta contents and JSON
 * (escaped HTML abstracts, `<i>` and `<sub>` in titles) reduced to text, then cleaned and capped.
 * Hostile input is clipped before parsing, which is linear anyway.
 */
export function plainText(value: string | null | undefined, maxLength: number): string {
  if (!value) return '';
  const clipped = value.length > maxLength * 4 ? value.slice(0, maxLength * 4) : value;
  return cleanText(markupToText(clipped), maxLength);
}

/** An article's URL (its page or its PDF), absolute, http(s) only, without a fragment. */
function cleanUrl(url: string | undefined, base: string): string | undefined {
  return httpUrl(cleanText(url, LIMITS.url), base)?.replace(/#.*$/, '');
}

/**
 * Types whose CSL `number` is the document's own number (patent, report, standard, bill...), kept
 * as printed; for the others it is an article number, sorted from the pages by `pageOrNumber`.
 */
const OWN_NUMBER_TYPES = new Set(['patent', 'report', 'standard', 'bill', 'legislation', 'regulation', 'legal_case', 'dataset', 'software', 'thesis']);

function pagesOf(item: ExtractedItem): { page?: string; number?: string } {
  if (!item.type || !OWN_NUMBER_TYPES.has(item.type)) return pageOrNumber(item);
  return { page: pageOrNumber({ ...item, number: undefined }).page, number: cleanIdentifier(item.number) };
}

function cleanIdentifier(value: string | undefined): string | undefined {
  const cleaned = cleanText(foldFullWidth(value ?? ''), LIMITS.shortField);
  return cleaned || undefined;
}

function cleanKeywords(keywords: string[] | undefined): string | undefined {
  if (!keywords?.length) return undefined;
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of keywords) {
    for (const part of stripFieldLabel(plainText(raw, LIMITS.shortField)).split(/[;；]/)) {
      const keyword = part.trim();
      if (keyword && !seen.has(keyword.toLowerCase()) && kept.length < LIMITS.keywords) {
        seen.add(keyword.toLowerCase());
        kept.push(keyword);
      }
    }
  }
  return kept.length ? kept.join(KEYWORD_SEPARATOR) : undefined;
}

/** Platform ids and canonical URLs naming the article, as identity keys. */
function identityIds(platform: string, platformId: string | undefined, url: string | undefined): string[] {
  const ids: string[] = [];
  if (platformId) ids.push(`${platform}:${platformId}`);
  if (url) ids.push(`url:${url}`);
  return ids;
}

function stableId(parts: string[]): string {
  return `sl-${hash64(parts.join('|')).map((half) => half.toString(36)).join('')}`;
}

/**
 * Turns what an extractor read into a clean article: fields cleaned and capped, labels stripped,
 * DOI normalized, date parsed, pages as first-last and article numbers apart (lib/text/pages.ts), language detected, identity keys computed.
 * Returns undefined when nothing identifies or describes an article (no title, abstract or DOI).
 */
export function normalizeItem(item: ExtractedItem, context: CaptureContext): Article | undefined {
  const title = stripFieldLabel(plainText(item.title, LIMITS.title)) || undefined;
  const abstract = stripFieldLabel(plainText(item.abstract, LIMITS.abstract)) || undefined;
  const doi = normalizeDoi(item.doi) || undefined;
  if (!title && !abstract && !doi) return undefined;

  const url = cleanUrl(item.url, context.pageUrl);
  const platformId = cleanIdentifier(item.platformId);
  const names = (item.authors ?? []).slice(0, LIMITS.authors).map((name) => plainText(name, LIMITS.shortField));
  const author = parseNames(names, isNameOrder(item.nameOrder) ? item.nameOrder : undefined);
  const altTitle = plainText(item.altTitle, LIMITS.title) || undefined;
  const altAbstract = stripFieldLabel(plainText(item.altAbstract, LIMITS.abstract)) || undefined;
  const language = normalizeLanguage(item.language) || detectLanguage(`${title ?? ''} ${abstract ?? ''}`) || undefined;
  const key = titleKey(title);
  const ids = identityIds(context.platform, platformId, url);
  const { page, number } = pagesOf(item);

  const article: Article = {
    id: '',
    type: item.type ?? 'article-journal',
    title,
    author: author.length ? author : undefined,
    'container-title': plainText(item.containerTitle, LIMITS.shortField) || undefined,
    'container-title-short': plainText(item.containerTitleShort, LIMITS.shortField) || undefined,
    issued: parseDate(item.date),
    volume: cleanIdentifier(item.volume),
    issue: cleanIdentifier(item.issue),
    page,
    number,
    DOI: doi,
    URL: url,
    pdfUrl: cleanUrl(item.pdfUrl, context.pageUrl),
    ISSN: cleanIdentifier(item.issn),
    abstract,
    keyword: cleanKeywords(item.keywords),
    language,
    publisher: plainText(item.publisher, LIMITS.shortField) || undefined,
    platform: context.platform,
    ids,
    titleKey: key,
    fingerprint: '',
    altTitle: altTitle && altTitle !== title ? altTitle : undefined,
    altAbstract: altAbstract && altAbstract !== abstract ? altAbstract : undefined,
    sightings: [
      { pageUrl: context.pageUrl, platform: context.platform, position: item.position, capturedAt: context.capturedAt },
    ],
    capturedAt: context.capturedAt,
    updatedAt: context.capturedAt,
    collections: [],
    tags: [],
  };
  article.fingerprint = identityFingerprint(article);
  article.id = stableId([doi ? `doi:${doi}` : '', ids[0] ?? '', key, article.fingerprint]);
  return dropUndefined(article);
}

function normalizeLanguage(language: string | undefined): string {
  const value = cleanText(language, 20).toLowerCase();
  if (/^(zh|chi|zho|cn|chinese|中文)/.test(value)) return 'zh';
  if (/^(en|eng|english|英文)/.test(value)) return 'en';
  return '';
}

function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
