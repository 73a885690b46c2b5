import { matchesFilters, type FacetValue, type LibraryFacets, type LibraryFilters, type SortKey } from './articles-query';
import { keptFacetsAndSaved } from './facet-counts';
import { keptArticleCount } from './article-count';
import type { ListingRow } from './listing';
import type { SimlitDB } from './schema';

/**
 * The library list answered from the listing table's indexes: the first rows of a view (costing
 * what they return, plus, for a filtered view, the rows the filters pass over) and its count,
 * never a read of the whole library. The filters' values are counters (lib/db/facet-counts).
 */

/** Sorts the listing's indexes give in the list's order (title needs the reader's collation: see articles-query). */
export type IndexedSort = Extract<SortKey, 'captured' | 'year'>;

export function isIndexedSort(sort: SortKey): sort is IndexedSort {
  return sort === 'captured' || sort === 'year';
}

/** The view's rows in list order, newest first: capture time, or year then capture time; ties by id, descending. */
function inOrder(db: SimlitDB, sort: IndexedSort) {
  return db.listing.orderBy(sort === 'year' ? '[yearKey+capturedAt]' : 'capturedAt').reverse();
}

function filtered(filters: LibraryFilters): boolean {
  return Object.entries(filters).some(([key, value]) => (key === 'state' ? value !== 'all' : value !== undefined));
}

/** Rows `offset` to `offset + limit` of the view, in its order, as a full read sorted by articles-query would give them. */
export function readWindow(db: SimlitDB, sort: IndexedSort, filters: LibraryFilters, offset: number, limit: number): Promise<ListingRow[]> {
  let rows = inOrder(db, sort);
  if (filtered(filters)) rows = rows.filter((row) => matchesFilters(row, filters));
  return rows.offset(offset).limit(limit).toArray();
}

/** What the counters keep (lib/db/article-count, lib/db/facet-counts), from which most views are counted. */
export interface KeptCounts {
  /** Articles in the library. */
  total: number;
  /** Articles the reader saved. */
  saved: number;
  /** The values the filters offer, with how many articles have each. */
  filterValues: LibraryFacets;
}

/** How many articles have `value` of one filter, as the counters keep it (none: 0). */
function keptValueCount(facets: LibraryFacets, key: 'tag' | 'language' | 'year' | 'platform', value: string | number): number {
  const values: FacetValue<string | number>[] = key === 'tag' ? facets.tags : key === 'language' ? facets.languages : key === 'year' ? facets.years : facets.platforms;
  return values.find((facet) => facet.value === value)?.count ?? 0;
}

/**
 * How many articles the view holds when at most one filter is set: from the counters, or for a
 * collection and the incomplete articles from an index count (over what they select); undefined
 * when several are set (the caller counts the rows it has).
 */
export async function countView(db: SimlitDB, filters: LibraryFilters, kept: KeptCounts): Promise<number | undefined> {
  const { state, ...valued } = filters;
  const set = Object.entries(valued).filter(([, value]) => value !== undefined);
  if (set.length + (state === 'all' ? 0 : 1) > 1) return undefined;
  if (set.length === 1) {
    const [[key, value]] = set as [keyof typeof valued, string | number][];
    return key === 'collection' ? db.listing.where('collections').equals(value).count() : keptValueCount(kept.filterValues, key, value);
  }
  switch (state) {
    case 'all':
      return kept.total;
    case 'saved':
      return kept.saved;
    case 'captured':
      return kept.total - kept.saved;
    case 'incomplete':
      return db.listing.where('incomplete').equals(1).count();
  }
}

export interface ViewCounts {
  /** Articles in the library. */
  total: number;
  /** Articles in the view; undefined when several filters are set (known once the whole list is read). */
  count: number | undefined;
  /** The values the filters offer, with how many articles have each. */
  filterValues: LibraryFacets;
}

/**
 * The library's count, the view's and the filters' values, in one read transaction (while an
 * import writes, it is read after every chunk: one transaction taking turns with the writes, not
 * two). The library's count and the filters' values are counters kept with every write (one key
 * lookup, one range read: lib/db/article-count, lib/db/facet-counts), not index counts, which
 * walk the whole table or index in Chromium (2.4 s at 50,000 articles); so is the view's, but for a
 * collection or the incomplete articles, an index count over what that one filter selects. So
 * they are on screen with the first rows, however large the library.
 */
export async function readViewCounts(db: SimlitDB, filters: LibraryFilters, locale?: string): Promise<ViewCounts> {
  return db.transaction('r', db.counters, db.listing, async () => {
    const [total, { facets: filterValues, saved }] = await Promise.all([keptArticleCount(db), keptFacetsAndSaved(db, locale)]);
    return { total, count: await countView(db, filters, { total, saved, filterValues }), filterValues };
  });
}
