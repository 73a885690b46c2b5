import { httpUrl } from '../text/urls';
import { LIMITS } from '../capture/limits';
import { normalizeItem, type CaptureContext } from '../capture/normalize-item';
import { IMPORT_PLATFORM, type Article, type CslItem, type CslName } from '../model/article';
import { CSL_TYPES } from '../model/csl-types';
import { presentFields } from '../merge';
import { cleanText, hasCjk } from '../text/clean';
import { ownCitationKey } from '../export/csl-items';

export interface ImportContext {
  collectionId?: string;
  now: number;
}

/** Imported articles were shown by no page: relative links in a file resolve to nothing real. */
export const NO_PAGE = 'https://import.invalid/';

function dateText(item: CslItem): string | undefined {
  const parts = item.issued?.['date-parts']?.[0];
  if (parts?.[0]) return parts.filter((part) => part !== undefined && part !== null).map(Number).join('-');
  return item.issued?.raw;
}

/**
 * A name as the file gave it: structured names stay structured; a Chinese name split by a
 * parser into family/given ("{王, 小明}") or kept as one braced family name becomes a literal,
 * as Simlit keeps all Chinese names.
 */
function cleanName(name: CslName): CslName | undefined {
  const family = cleanText(name.family, 300);
  const given = cleanText(name.given, 300);
  const literal = cleanText(name.literal, 300);
  if (literal) return { literal };
  if (hasCjk(family + given)) return { literal: `${family}${given}`.replace(/\s+/g, '') };
  if (family && given) return { family, given };
  return family || given ? { literal: family || given } : undefined;
}

/** A CSL item with the fields Simlit adds that describe the article (a backup's articles carry them). */
export interface CslWithExtras extends CslItem {
  pdfUrl?: string;
  altTitle?: string;
  altAbstract?: string;
}

/**
 * A CSL item (a file's entry, a backup's article) as a captured article is normalized: text
 * cleaned and capped, DOI in its character set, links absolute http(s) only, date parsed, a type
 * CSL knows, identity keys computed; structured names kept structured. Undefined when nothing
 * identifies or describes an article.
 */
export function normalizeCsl(item: CslWithExtras, context: CaptureContext): Article | undefined {
  const article = normalizeItem(
    {
      title: item.title,
      containerTitle: item['container-title'],
      containerTitleShort: item['container-title-short'],
      date: dateText(item),
      volume: item.volume,
      issue: item.issue,
      pages: item.page,
      number: item.number,
      doi: item.DOI,
      url: httpUrl(item.URL),
      pdfUrl: httpUrl(item.pdfUrl),
      issn: item.ISSN,
      abstract: item.abstract,
      // citation-js joins BibTeX and RIS keyword lists with commas; Simlit keeps them apart.
      keywords: item.keyword ? item.keyword.split(/[,，;；]/) : undefined,
      language: item.language,
      publisher: item.publisher,
      altTitle: item.altTitle,
      altAbstract: item.altAbstract,
      type: item.type && CSL_TYPES.has(item.type) ? item.type : undefined,
    },
    context,
  );
  if (!article) return undefined;
  const author = (item.author ?? []).slice(0, LIMITS.authors).map(cleanName).filter((name) => name !== undefined);
  if (author.length) article.author = author;
  // The file's own key (BibTeX), so that exports cite the article as the reader's documents do.
  const key = ownCitationKey(item);
  if (key) article.citationKey = key;
  return article;
}

/**
 * An imported CSL item as a library article: cleaned and keyed by the same normalization as
 * captured pages (so dedupe works across both), saved to the library, in the collection if one
 * is given, with no sighting (no page showed it), its fields the reader's.
 */
export function cslToArticle(item: CslItem, context: ImportContext): Article | undefined {
  const article = normalizeCsl(item, { pageUrl: NO_PAGE, platform: IMPORT_PLATFORM, capturedAt: context.now });
  if (!article) return undefined;
  article.sightings = [];
  article.savedAt = context.now;
  article.collections = context.collectionId ? [context.collectionId] : [];
  // The file is the reader's: what it says of the article is theirs, and no page changes it.
  article.readerFields = presentFields(article);
  return article;
}
