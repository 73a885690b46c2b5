import { displayName } from '../text/names';
import { issuedYear, keywordList, type Article } from '../model/article';
import { missingFields, type MissingField } from '../model/completeness';
import { isSearching } from '../search/query';
import { readWholeTable } from './pages-by-id';
import type { ListingRow } from './listing';
import type { SimlitDB } from './schema';

/**
 * The library list: a light summary of every article (no abstract, so that tens of thousands
 * stay small in memory), then filters and sort applied in memory. The text search is
 * lib/search's, which answers with scores by article id.
 */

export interface ArticleSummary {
  id: string;
  title?: string;
  altTitle?: string;
  /** Start of the abstract, for articles whose page gave no title. */
  abstractStart?: string;
  authors: string[];
  container?: string;
  year?: number;
  language?: string;
  platform: string;
  savedAt?: number;
  capturedAt: number;
  collections: string[];
  tags: string[];
  keywords: string[];
  /** What a reference needs and the record lacks (title, authors, year). */
  missing: MissingField[];
}

const ABSTRACT_START = 120;

export function summarize(article: Article): ArticleSummary {
  return {
    id: article.id,
    title: article.title,
    altTitle: article.altTitle,
    abstractStart: article.title ? undefined : article.abstract?.slice(0, ABSTRACT_START),
    authors: (article.author ?? []).map(displayName).filter(Boolean),
    container: article['container-title'],
    year: issuedYear(article),
    language: article.language,
    platform: article.platform,
    savedAt: article.savedAt,
    capturedAt: article.capturedAt,
    collections: article.collections,
    tags: article.tags,
    keywords: keywordList(article),
    missing: missingFields(article),
  };
}

/** Every article's list row, from the listing table (lib/db/listing), which holds them ready; read by pages (pages-by-id.ts). */
export function loadSummaries(db: SimlitDB, pageSize?: number): Promise<ListingRow[]> {
  return readWholeTable(db.listing, pageSize);
}

export type SavedState = 'all' | 'saved' | 'captured' | 'incomplete';
export type SortKey = 'captured' | 'year' | 'title' | 'relevance';

export interface LibraryFilters {
  collection?: string;
  tag?: string;
  /** saved: saved by the reader; captured: captured only, not saved; incomplete: lacking title, authors or year. */
  state: SavedState;
  language?: string;
  year?: number;
  platform?: string;
}

export interface LibraryQuery {
  text: string;
  filters: LibraryFilters;
  sort: SortKey;
}

export const EMPTY_QUERY: LibraryQuery = { text: '', filters: { state: 'all' }, sort: 'captured' };

export function matchesFilters(row: ArticleSummary, filters: LibraryFilters): boolean {
  if (filters.collection !== undefined && !row.collections.includes(filters.collection)) return false;
  if (filters.tag !== undefined && !row.tags.includes(filters.tag)) return false;
  if (filters.state === 'saved' && row.savedAt === undefined) return false;
  if (filters.state === 'captured' && row.savedAt !== undefined) return false;
  if (filters.state === 'incomplete' && row.missing.length === 0) return false;
  if (filters.language !== undefined && row.language !== filters.language) return false;
  if (filters.year !== undefined && row.year !== filters.year) return false;
  if (filters.platform !== undefined && row.platform !== filters.platform) return false;
  return true;
}

/** Newest first; articles captured at the same moment by id, descending, as the listing's capturedAt index read backwards gives them. */
function byCaptured(a: ArticleSummary, b: ArticleSummary): number {
  return b.capturedAt - a.capturedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function comparator(sort: SortKey, scores: Map<string, number> | undefined, locale: string | undefined) {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  switch (sort) {
    case 'year':
      // Newest first; undated articles last.
      return (a: ArticleSummary, b: ArticleSummary) => (b.year ?? -Infinity) - (a.year ?? -Infinity) || byCaptured(a, b);
    case 'title':
      return (a: ArticleSummary, b: ArticleSummary) => {
        const x = a.title ?? a.abstractStart ?? '';
        const y = b.title ?? b.abstractStart ?? '';
        // Untitled articles last.
        return Number(!x) - Number(!y) || collator.compare(x, y) || byCaptured(a, b);
      };
    case 'relevance':
      if (scores) return (a: ArticleSummary, b: ArticleSummary) => (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0) || byCaptured(a, b);
      return byCaptured;
    case 'captured':
      return byCaptured;
  }
}

/**
 * The rows in the order of `sort`. Sorting tens of thousands of titles with a collator takes a
 * noticeable moment, so the UI keeps this result and only filters it while the reader types.
 */
export function sortRows(rows: readonly ArticleSummary[], sort: Exclude<SortKey, 'relevance'>, locale?: string): ArticleSummary[] {
  return [...rows].sort(comparator(sort, undefined, locale));
}

/**
 * The rows to show: those passing the filters and, when there is a search text, those the
 * search scored. Relevance orders by score; any other order is the order of `sorted` (from
 * `sortRows`). `scores` is the search result for `query.text`.
 */
export function filterRows(sorted: readonly ArticleSummary[], query: LibraryQuery, scores?: Map<string, number>): ArticleSummary[] {
  const searching = isSearching(query.text);
  const kept = sorted.filter((row) => matchesFilters(row, query.filters) && (!searching || scores?.has(row.id)));
  return query.sort === 'relevance' && searching ? kept.sort(comparator('relevance', scores, undefined)) : kept;
}

/** Sort and filter in one step (see sortRows and filterRows). */
export function queryLibrary(
  rows: readonly ArticleSummary[],
  query: LibraryQuery,
  scores?: Map<string, number>,
  locale?: string,
): ArticleSummary[] {
  const base = query.sort === 'relevance' ? 'captured' : query.sort;
  return filterRows(sortRows(rows, base, locale), query, scores);
}

export interface FacetValue<T> {
  value: T;
  count: number;
}

export interface LibraryFacets {
  tags: FacetValue<string>[];
  languages: FacetValue<string>[];
  years: FacetValue<number>[];
  platforms: FacetValue<string>[];
}

function tally<T>(counts: Map<T, number>, value: T): void {
  counts.set(value, (counts.get(value) ?? 0) + 1);
}

function facetValues<T>(counts: Map<T, number>): FacetValue<T>[] {
  return [...counts].map(([value, count]) => ({ value, count }));
}

/** Most frequent first; equally frequent values in code-unit order (the order of an index's keys). */
export function byCount<T>(a: FacetValue<T>, b: FacetValue<T>): number {
  return b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}

/**
 * The values the filters offer, with how many articles have each. One pass with no array per row:
 * the page counts them for the whole list as it arrives (75 ms at 50,000 rows in node when each
 * row's values were gathered into arrays first).
 */
export function libraryFacets(rows: readonly ArticleSummary[], locale?: string): LibraryFacets {
  const tags = new Map<string, number>();
  const languages = new Map<string, number>();
  const years = new Map<number, number>();
  const platforms = new Map<string, number>();
  for (const row of rows) {
    // A tag listed twice on one article counts once.
    for (let i = 0; i < row.tags.length; i++) if (row.tags.indexOf(row.tags[i]) === i) tally(tags, row.tags[i]);
    if (row.language) tally(languages, row.language);
    if (row.year !== undefined) tally(years, row.year);
    tally(platforms, row.platform);
  }
  const collator = new Intl.Collator(locale);
  return {
    tags: facetValues(tags).sort((a, b) => collator.compare(a.value, b.value)),
    languages: facetValues(languages).sort(byCount),
    years: facetValues(years).sort((a, b) => b.value - a.value),
    platforms: facetValues(platforms).sort(byCount),
  };
}
