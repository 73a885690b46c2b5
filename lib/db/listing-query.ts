import { byCount, matchesFilters, type FacetValue, type LibraryFacets, type LibraryFilters, type SortKey } from './articles-query';
import { keptArticleCount } from './article-count';
import type { ListingRow } from './listing';
import type { SimlitDB } from './schema';

/**
 * The library list answered from the listing table's indexes: the first rows of a view (costing
 * what they return, plus, for a filtered view, the rows the filters pass over), its count, then
 * the filters' values with their counts (index counts), never a read of the whole library.
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

/**
 * How many articles the view holds, from index counts when at most one filter is set; undefined
 * when several are (the caller counts the rows it has). `total` is the library's count, which an
 * unfiltered view holds whole.
 */
export async function countView(db: SimlitDB, filters: LibraryFilters, total: number): Promise<number | undefined> {
  const { state, ...valued } = filters;
  const set = Object.entries(valued).filter(([, value]) => value !== undefined);
  if (set.length + (state === 'all' ? 0 : 1) > 1) return undefined;
  if (set.length === 1) {
    const [[key, value]] = set;
    const index = key === 'collection' ? 'collections' : key === 'tag' ? 'tags' : key;
    return db.listing.where(index).equals(value as string | number).count();
  }
  switch (state) {
    case 'all':
      return total;
    case 'saved':
      return db.listing.orderBy('savedAt').count();
    case 'captured':
      return total - (await db.listing.orderBy('savedAt').count());
    case 'incomplete':
      return db.listing.where('incomplete').equals(1).count();
  }
}

async function valueCounts<T extends string | number>(db: SimlitDB, index: string): Promise<FacetValue<T>[]> {
  const values = (await db.listing.orderBy(index).uniqueKeys()) as T[];
  const counts = await Promise.all(values.map((value) => db.listing.where(index).equals(value).count()));
  return values.map((value, i) => ({ value, count: counts[i] }));
}

/** The values the filters offer, with how many articles have each, from the indexes' keys and counts. */
export async function listingFacets(db: SimlitDB, locale?: string): Promise<LibraryFacets> {
  const collator = new Intl.Collator(locale);
  const [tags, languages, years, platforms] = await Promise.all([
    valueCounts<string>(db, 'tags'),
    valueCounts<string>(db, 'language'),
    valueCounts<number>(db, 'year'),
    valueCounts<string>(db, 'platform'),
  ]);
  return {
    tags: tags.sort((a, b) => collator.compare(a.value, b.value)),
    languages: languages.filter((facet) => facet.value).sort(byCount),
    years: years.sort((a, b) => b.value - a.value),
    platforms: platforms.sort(byCount),
  };
}

export interface ViewCounts {
  /** Articles in the library. */
  total: number;
  /** Articles in the view; undefined when several filters are set (known once the whole list is read). */
  count: number | undefined;
}

/**
 * The library's count and the view's. The library's is the count kept with every write (one key
 * lookup: lib/db/article-count), not an index count, which walks the whole table in Chromium
 * (2.4 s at 50,000 articles); the view's is an index count over what its one filter selects. So
 * the count is on screen with the first rows, however large the library; the filters' values
 * (listingFacets) walk the indexes and come after.
 */
export async function readViewCounts(db: SimlitDB, filters: LibraryFilters): Promise<ViewCounts> {
  return db.transaction('r', db.counters, db.listing, async () => {
    const total = await keptArticleCount(db);
    return { total, count: await countView(db, filters, total) };
  });
}
