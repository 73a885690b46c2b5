/**
 * How many articles have each value the library page's filters offer (tag, language, year, site),
 * kept in the counters table by every write of an article (articleCountMiddleware, in the same
 * transaction), so that the page reads them with one range read: counting them from the listing's
 * indexes walked whole indexes (about 2.3 s at 50,000 articles in Chromium). Two more counts of
 * the same kind are kept beside them for the options page: the saved articles, and those the
 * reader never touched (counting these walked every article: 4.2 s at 50,000), with the room
 * these take.
 */
import { byCount, type ArticleSummary, type FacetValue, type LibraryFacets } from './articles-query';
import type { CounterRow } from './article-count';
import { isUntouchedRow, type ListingRow, type TouchFields } from './listing';
import { readWholeTable } from './pages-by-id';
import type { SimlitDB } from './schema';

/** Counter keys of the filters' values: `facet/<facet>/<value>`, apart from the article count's keys. */
export const FACET_KEY_PREFIX = 'facet/';

type Facet = 'tags' | 'language' | 'year' | 'platform' | 'saved' | 'untouched' | 'untouchedSized' | 'untouchedBytes';

/** The fields of a listing row the counters are kept from. */
export type FacetFields = Pick<ArticleSummary, 'tags' | 'language' | 'year' | 'platform'> & TouchFields & Pick<ListingRow, 'bytes'>;

const key = (facet: Facet, value: string | number) => `${FACET_KEY_PREFIX}${facet}/${value}`;

/** The counters of saved articles and of articles never touched (lib/db/listing's isUntouchedRow): not filter values. */
export const SAVED_COUNT_KEY = key('saved', 1);
export const UNTOUCHED_COUNT_KEY = key('untouched', 1);
/**
 * How many of the untouched articles have their size in their listing row, and the sum of those
 * sizes: the storage limit's measure (lib/storage/prune) when the first equals the untouched count,
 * which it does for every library whose rows were all written since sizes were kept.
 */
export const UNTOUCHED_SIZED_KEY = key('untouchedSized', 1);
export const UNTOUCHED_BYTES_KEY = key('untouchedBytes', 1);

/**
 * What one article adds to each counter it counts towards: one to each distinct tag, its language,
 * year and site, as libraryFacets counts them (an article without a language or year counts
 * towards none), and to whether it is saved or untouched; its size to the untouched articles' room.
 */
function counterWeights(row: FacetFields | undefined): Map<string, number> {
  const weights = new Map<string, number>();
  if (!row) return weights;
  for (const tag of row.tags ?? []) weights.set(key('tags', tag), 1);
  if (row.language) weights.set(key('language', row.language), 1);
  if (row.year !== undefined) weights.set(key('year', row.year), 1);
  if (row.platform !== undefined) weights.set(key('platform', row.platform), 1);
  if (row.savedAt !== undefined) weights.set(SAVED_COUNT_KEY, 1);
  if (isUntouchedRow(row)) {
    weights.set(UNTOUCHED_COUNT_KEY, 1);
    if (row.bytes !== undefined) weights.set(UNTOUCHED_SIZED_KEY, 1).set(UNTOUCHED_BYTES_KEY, row.bytes);
  }
  return weights;
}

/** The counter keys one article counts towards. */
export function facetKeys(row: FacetFields | undefined): string[] {
  return [...counterWeights(row).keys()];
}

/** Adds the row's weights, times `sign`, to `deltas`. */
export function addFacetDeltas(deltas: Map<string, number>, row: FacetFields | undefined, sign: 1 | -1): void {
  for (const [facetKey, weight] of counterWeights(row)) deltas.set(facetKey, (deltas.get(facetKey) ?? 0) + sign * weight);
}

/** The counter rows for a whole table's listing rows: a migration's, or a recount's. */
export function facetCounterRows(rows: Iterable<FacetFields>): CounterRow[] {
  const counts = new Map<string, number>();
  for (const row of rows) addFacetDeltas(counts, row, 1);
  return [...counts].map(([facetKey, value]) => ({ key: facetKey, value }));
}

/** The values the filters offer, with how many articles have each, from the kept counters. */
export async function keptFacets(db: SimlitDB, locale?: string): Promise<LibraryFacets> {
  return (await keptFacetsAndSaved(db, locale)).facets;
}

/**
 * The filters' values (keptFacets) and how many articles are saved, from the one range read the
 * counters take: the saved count is a counter under the same prefix.
 */
export async function keptFacetsAndSaved(db: SimlitDB, locale?: string): Promise<{ facets: LibraryFacets; saved: number }> {
  const rows = await db.counters.where('key').startsWith(FACET_KEY_PREFIX).toArray();
  const facets: LibraryFacets = { tags: [], languages: [], years: [], platforms: [] };
  let saved = 0;
  for (const { key: counterKey, value: count } of rows) {
    if (counterKey === SAVED_COUNT_KEY) saved = count;
    if (count <= 0) continue;
    const rest = counterKey.slice(FACET_KEY_PREFIX.length);
    const slash = rest.indexOf('/');
    const facet = rest.slice(0, slash) as Facet;
    const value = rest.slice(slash + 1);
    if (facet === 'tags') facets.tags.push({ value, count });
    else if (facet === 'language') facets.languages.push({ value, count });
    else if (facet === 'year') facets.years.push({ value: Number(value), count });
    else if (facet === 'platform') facets.platforms.push({ value, count });
    // The saved and untouched counts (and the untouched articles' room) are not filter values.
  }
  const collator = new Intl.Collator(locale);
  facets.tags.sort((a, b) => collator.compare(a.value, b.value));
  facets.languages.sort(byCount);
  facets.years.sort((a, b) => b.value - a.value);
  facets.platforms.sort(byCount);
  return { facets, saved };
}

/**
 * Sets the filters' counters from the listing table again: for counters found to differ from the
 * whole list (a writer that went past Dexie, as benchmarks do, or a bug), so that a wrong count
 * does not last. It reads the whole listing table: only when the two differ.
 */
export async function recountFacets(db: SimlitDB): Promise<void> {
  await db.transaction('rw', db.listing, db.counters, async () => {
    const rows = facetCounterRows(await readWholeTable(db.listing));
    await db.counters.where('key').startsWith(FACET_KEY_PREFIX).delete();
    await db.counters.bulkPut(rows);
  });
}

/** Whether two sets of the filters' values say the same. */
export function sameFacets(a: LibraryFacets, b: LibraryFacets): boolean {
  const same = <T>(x: FacetValue<T>[], y: FacetValue<T>[]) => x.length === y.length && x.every((facet, i) => facet.value === y[i].value && facet.count === y[i].count);
  return same(a.tags, b.tags) && same(a.languages, b.languages) && same(a.years, b.years) && same(a.platforms, b.platforms);
}
