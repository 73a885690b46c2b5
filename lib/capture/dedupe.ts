import type { Article, CslName, Sighting } from '../model/article';
import { LIMITS } from './normalize-item';
import { abstractFingerprint, titleKey } from '../text/clean';

/**
 * Two records name the same article when they share, in this order of strength, a DOI, a
 * platform id or canonical URL, a normalized title, or an abstract fingerprint. Two different
 * DOIs always mean two articles, whatever else they share.
 */
export function sameArticle(a: Article, b: Article): boolean {
  if (a.DOI && b.DOI) return a.DOI === b.DOI;
  if (a.ids.some((id) => b.ids.includes(id))) return true;
  if (a.titleKey && a.titleKey === b.titleKey) return true;
  return Boolean(a.fingerprint && a.fingerprint === b.fingerprint);
}

function richerText(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.length > a.length ? b : a;
}

function richerNames(a: CslName[] | undefined, b: CslName[] | undefined): CslName[] | undefined {
  if (!a?.length) return b;
  if (!b?.length) return a;
  return b.length > a.length ? b : a;
}

function datePrecision(article: Article): number {
  return article.issued?.['date-parts']?.[0]?.filter((part) => part !== undefined).length ?? 0;
}

function union<T>(a: T[], b: T[]): T[] {
  return [...new Set([...a, ...b])];
}

/** One sighting per page: a later capture of a page replaces the earlier, the first position on a page stays. */
function mergeSightings(a: Sighting[], b: Sighting[]): Sighting[] {
  const byPage = new Map<string, Sighting>();
  for (const sighting of [...a, ...b]) {
    const seen = byPage.get(sighting.pageUrl);
    if (seen && seen.capturedAt >= sighting.capturedAt) continue;
    byPage.delete(sighting.pageUrl); // re-inserted last: the list stays in order of capture
    byPage.set(sighting.pageUrl, sighting);
  }
  return [...byPage.values()].slice(-LIMITS.sightings);
}

const SHORT_FIELDS = ['container-title', 'container-title-short', 'volume', 'issue', 'page', 'URL', 'pdfUrl', 'ISSN', 'language', 'publisher', 'DOI', 'source', 'citationKey'] as const;

/**
 * What the reader edited stays as they left it, even cleared (stop-gap: the merge rules of
 * lib/merge replace this).
 */
function keepReaderFields(merged: Article, known: Article, incoming: Article): void {
  const record = merged as unknown as Record<string, unknown>;
  for (const field of known.readerFields ?? []) record[field] = (known as unknown as Record<string, unknown>)[field];
  const readerFields = union(known.readerFields ?? [], incoming.readerFields ?? []);
  if (readerFields.length) merged.readerFields = readerFields;
}

/**
 * Merges a newly captured record into a known article: the known id and everything the reader
 * did (saved, tags, collections, note) are kept; each bibliographic field keeps the richest value
 * of the two (the longer text, the longer author list, the more precise date, present over absent).
 */
export function mergeArticles(known: Article, incoming: Article): Article {
  const merged: Article = { ...known };
  merged.title = richerText(known.title, incoming.title);
  merged.abstract = richerText(known.abstract, incoming.abstract);
  merged.altTitle = richerText(known.altTitle, incoming.altTitle);
  merged.altAbstract = richerText(known.altAbstract, incoming.altAbstract);
  merged.keyword = richerText(known.keyword, incoming.keyword);
  merged.author = richerNames(known.author, incoming.author);
  if (datePrecision(incoming) > datePrecision(known)) merged.issued = incoming.issued;
  for (const field of SHORT_FIELDS) {
    if (!merged[field] && incoming[field]) merged[field] = incoming[field];
  }
  if (known.type === 'article-journal' && incoming.type !== 'article-journal') merged.type = incoming.type;
  keepReaderFields(merged, known, incoming);
  merged.ids = union(known.ids, incoming.ids).slice(0, 50);
  merged.titleKey = titleKey(merged.title);
  merged.fingerprint = abstractFingerprint(merged.abstract) || known.fingerprint;
  merged.sightings = mergeSightings(known.sightings, incoming.sightings);
  merged.updatedAt = Math.max(known.updatedAt, incoming.updatedAt);
  merged.capturedAt = Math.min(known.capturedAt, incoming.capturedAt);
  // What the reader did is never dropped, whichever side carries it.
  merged.savedAt = known.savedAt ?? incoming.savedAt;
  merged.collections = union(known.collections, incoming.collections);
  merged.tags = union(known.tags, incoming.tags);
  merged.note = [known.note, incoming.note].filter(Boolean).filter((n, i, all) => all.indexOf(n) === i).join('\n\n') || undefined;
  for (const key of Object.keys(merged) as (keyof Article)[]) {
    if (merged[key] === undefined) delete merged[key];
  }
  return merged;
}

/** Folds the records of one page into unique articles, keeping the first position of each. */
export function dedupeArticles(articles: Article[]): Article[] {
  const unique: Article[] = [];
  for (const article of articles) {
    const index = unique.findIndex((known) => sameArticle(known, article));
    if (index === -1) unique.push(article);
    else unique[index] = mergeArticles(unique[index], article);
  }
  return unique;
}
