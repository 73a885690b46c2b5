import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { Article } from '../model/article';
import { addFacetDeltas, FACET_KEY_PREFIX, facetKeys, type FacetFields } from './facet-counts';
import { LISTING_TABLE, listingRowsOf, type ListingRow } from './listing';
import type { SimlitDB } from './schema';

/**
 * How many articles the library holds, kept in a row that every write of an article updates in
 * the same transaction (articleCountMiddleware), so that a page reads it with one key lookup:
 * Chromium's IndexedDB walks the whole table to count it (150–900 ms at 50,000 articles), which
 * was the last wait of the popup's current answer. The same writes keep how many articles have
 * each of the library page's filter values (lib/db/facet-counts).
 */
export const COUNTERS_TABLE = 'counters';
export const ARTICLE_COUNT_KEY = 'articles';
/**
 * How many articles were ever deleted, kept beside the count: a saved similarity index that
 * recorded this number knows, by comparing it, whether any article left the library since, and
 * need not walk the library's ids to find out (lib/ranking/persist.ts).
 */
export const DELETION_COUNT_KEY = 'deletions';

/** DBCoreRangeType.Any (a const enum Dexie declares but does not export a value for): a whole table's range, as clear() asks. */
const WHOLE_TABLE = 3;

export interface CounterRow {
  key: string;
  value: number;
}

/** The counters table's rows (schema version 5). */
export const COUNTERS_INDEXES = 'key';

/** The listing rows of `keys` before the write (lib/db/listing: the articles' small mirror, kept in the same transaction). */
function rowsBefore(listing: DBCoreTable, trans: DBCoreTransaction, keys: readonly unknown[]): Promise<(ListingRow | undefined)[]> {
  return listing.getMany({ trans, keys: [...keys] });
}

function requestKeys(articles: DBCoreTable, request: DBCoreMutateRequest & { type: 'add' | 'put' }): readonly unknown[] {
  return request.keys ?? request.values.map((value) => articles.schema.primaryKey.extractKey!(value));
}

/** What a mutation changes in the counters: the number of articles, and each filter value's. */
interface Change {
  articles: number;
  facets: Map<string, number>;
}

/**
 * Each written or deleted article's listing row before and after the write, in request order; a
 * key written twice in one request counts once, from its row before the request to its last one.
 */
function changeOf(keys: readonly unknown[], before: (ListingRow | undefined)[], after: (index: number) => FacetFields | undefined, failures: Record<number, unknown>): Change {
  const current = new Map<unknown, FacetFields | undefined>();
  keys.forEach((key, index) => {
    if (!(index in failures)) current.set(key, after(index));
  });
  const change: Change = { articles: 0, facets: new Map() };
  const counted = new Set<unknown>();
  keys.forEach((key, index) => {
    if (!current.has(key) || counted.has(key)) return;
    counted.add(key);
    const old = before[index];
    const now = current.get(key);
    change.articles += (now ? 1 : 0) - (old ? 1 : 0);
    addFacetDeltas(change.facets, old, -1);
    addFacetDeltas(change.facets, now, 1);
  });
  return change;
}

/**
 * How a mutation changes the counters, once its response says which of its writes failed. What
 * it needs to know of the table before the write (the listing rows it replaces) is asked for
 * here, at once: the request goes down after it in the same transaction, which answers requests
 * in order.
 */
function countChange(articles: DBCoreTable, listing: DBCoreTable, counters: DBCoreTable, request: DBCoreMutateRequest): (failures: Record<number, unknown>) => Promise<Change> {
  const { trans } = request;
  // The counters the change may touch are read as soon as they are known, so that their values
  // come right after the write instead of a round trip after it (a tenth of a 50k import's time).
  const readAhead = (rows: (FacetFields | undefined)[]) => readCounters(counters, trans, [ARTICLE_COUNT_KEY, DELETION_COUNT_KEY, ...rows.flatMap(facetKeys)]);
  switch (request.type) {
    case 'add':
    case 'put': {
      const keys = requestKeys(articles, request);
      const values = request.values as Article[];
      const after = listingRowsOf(values);
      readAhead(after);
      // An add writes only keys that were not there; a put may replace a row (a modify() always does).
      const before = request.type === 'put' ? rowsBefore(listing, trans, keys).then((rows) => (readAhead(rows), rows)) : Promise.resolve(keys.map(() => undefined));
      return async (failures) => changeOf(keys, await before, (index) => after[index], failures);
    }
    case 'delete': {
      const before = rowsBefore(listing, trans, request.keys).then((rows) => (readAhead(rows), rows));
      return async (failures) => changeOf(request.keys, await before, () => undefined, failures);
    }
    case 'deleteRange': {
      if (request.range.type === WHOLE_TABLE) {
        // Clearing the table: every counter goes to zero, known from the counters themselves (the
        // whole counters table: a row per filter value, not per article) without reading a listing
        // row per article. What earlier writes of this transaction counted is in them: each awaited
        // its counters' write.
        const counted = counters.query({ trans, query: { index: counters.schema.primaryKey, range: request.range }, values: true });
        readAhead([]);
        return async () => {
          const rows = (await counted).result as CounterRow[];
          const articleCount = rows.find((row) => row.key === ARTICLE_COUNT_KEY)?.value ?? 0;
          return { articles: -articleCount, facets: new Map(rows.filter((row) => row.key.startsWith(FACET_KEY_PREFIX)).map((row) => [row.key, -row.value])) };
        };
      }
      const removed = listing.query({ trans, query: { index: listing.schema.primaryKey, range: request.range }, values: true });
      return async () => {
        const { result } = await removed;
        const rows = result as ListingRow[];
        return changeOf(rows.map((row) => row.id), rows, () => undefined, {});
      };
    }
  }
}

/**
 * A transaction's counters: each read once, when a change first touches it; every change adds to
 * the sums and writes the sums so far. Each write carries every change made before it was asked
 * for, and the transaction answers in order, so the last write holds them all, however its
 * mutations interleave.
 */
interface TransactionCounts {
  before: Map<string, Promise<number>>;
  changes: Map<string, number>;
}

const counts = new WeakMap<DBCoreTransaction, TransactionCounts>();

function transactionCounts(trans: DBCoreTransaction): TransactionCounts {
  let count = counts.get(trans);
  if (!count) {
    count = { before: new Map(), changes: new Map() };
    counts.set(trans, count);
  }
  return count;
}

/**
 * Asks for the counters not read yet in this transaction. Every counter is read before this
 * transaction first writes it (a write follows a read of it, here or ahead), so that what is read
 * is its value before the transaction.
 */
function readCounters(counters: DBCoreTable, trans: DBCoreTransaction, keys: string[]): void {
  const count = transactionCounts(trans);
  const unread = [...new Set(keys)].filter((key) => !count.before.has(key));
  if (!unread.length) return;
  // No row: a counter at zero (a library created at this schema version starts with none).
  const read = counters.getMany({ trans, keys: unread }).then((rows: (CounterRow | undefined)[]) => rows.map((row) => row?.value ?? 0));
  unread.forEach((key, index) => count.before.set(key, read.then((values) => values[index])));
}

/** Adds a mutation's change to its transaction's sums and writes the counters it touched. */
async function writeCounts(counters: DBCoreTable, trans: DBCoreTransaction, change: Change): Promise<void> {
  const deltas = new Map([...change.facets].filter(([, delta]) => delta !== 0));
  if (change.articles !== 0) deltas.set(ARTICLE_COUNT_KEY, change.articles);
  if (change.articles < 0) deltas.set(DELETION_COUNT_KEY, -change.articles);
  if (!deltas.size) return;
  const count = transactionCounts(trans);
  readCounters(counters, trans, [...deltas.keys()]);
  for (const [key, delta] of deltas) count.changes.set(key, (count.changes.get(key) ?? 0) + delta);
  const values = await Promise.all([...deltas.keys()].map(async (key) => ({ key, value: (await count.before.get(key)!) + count.changes.get(key)! })));
  // A filter value no article has any more is not offered: its counter goes.
  const emptied = (row: CounterRow) => row.value <= 0 && row.key.startsWith(FACET_KEY_PREFIX);
  const gone = values.filter(emptied).map((row) => row.key);
  const kept = values.filter((row) => !emptied(row));
  // Both asked for at once, with nothing awaited after the sums were taken: a later change's
  // write, with larger sums, must not go down before this one.
  await Promise.all([gone.length && counters.mutate({ type: 'delete', trans, keys: gone }), kept.length && counters.mutate({ type: 'put', trans, values: kept })]);
}

function countingArticles(articles: DBCoreTable, listing: DBCoreTable, counters: DBCoreTable): DBCoreTable {
  return {
    ...articles,
    async mutate(request) {
      // An upgrade's writes (schema versions 2 and 4) happen before the tables counted from
      // exist; the upgrade that adds counters counts them itself.
      if ((request.trans as unknown as IDBTransaction).mode === 'versionchange') return articles.mutate(request);
      // Asked before the write goes down, and without awaiting anything first: Dexie's own
      // middlewares below read the transaction from the zone a native await would leave.
      const changeFor = countChange(articles, listing, counters, request);
      const response = await articles.mutate(request);
      await writeCounts(counters, request.trans, await changeFor(response.failures));
      return response;
    },
  };
}

/**
 * Keeps the counters exact: every read-write transaction on articles also covers the counters
 * and the listing, and every addition, change or deletion of an article changes the article count
 * and the counts of the filter values it gains or loses in it. Writes in flight together in one
 * transaction must name different articles (every library path awaits its writes in turn): two
 * that name the same article would both count from its row before either.
 */
export const articleCountMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'SimlitArticleCount',
  create(down) {
    // A database opened at an older schema (tests of migrations) has no counters table.
    const names = down.schema.tables.map((table) => table.name);
    if (!names.includes(COUNTERS_TABLE) || !names.includes(LISTING_TABLE)) return {};
    return {
      ...down,
      transaction(stores, mode, options) {
        const scope = mode === 'readwrite' && stores.includes('articles') ? [...new Set([...stores, COUNTERS_TABLE, LISTING_TABLE])] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return name === 'articles' ? countingArticles(table, down.table(LISTING_TABLE), down.table(COUNTERS_TABLE)) : table;
      },
    };
  },
};

/**
 * Sets the count from the table again: for a count found to differ from a walk of the table made
 * beside it (a writer that went past Dexie, as benchmarks and old tests do, or a bug), so that a
 * wrong count does not last. It walks the whole table: only when the two differ.
 */
export async function recountArticles(db: SimlitDB): Promise<number> {
  return db.transaction('rw', db.articles, db.counters, async () => {
    const value = await db.articles.count();
    await db.counters.put({ key: ARTICLE_COUNT_KEY, value });
    return value;
  });
}

/** The count kept with the writes; 0 for a library with no row yet (created at schema version 5, never written). */
export async function keptArticleCount(db: SimlitDB): Promise<number> {
  return (await db.counters.get(ARTICLE_COUNT_KEY))?.value ?? 0;
}

/** How many articles were deleted since the library was made (or upgraded to schema version 5). */
export async function keptDeletionCount(db: SimlitDB): Promise<number> {
  return (await db.counters.get(DELETION_COUNT_KEY))?.value ?? 0;
}
