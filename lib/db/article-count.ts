import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { SimlitDB } from './schema';
import { LISTING_TABLE } from './listing';

/**
 * How many articles the library holds, kept in a row that every write of an article updates in
 * the same transaction (articleCountMiddleware), so that a page reads it with one key lookup:
 * Chromium's IndexedDB walks the whole table to count it (150–900 ms at 50,000 articles), which
 * was the last wait of the popup's current answer.
 */
export const COUNTERS_TABLE = 'counters';
export const ARTICLE_COUNT_KEY = 'articles';
/**
 * How many articles were ever deleted, kept beside the count: a saved similarity index that
 * recorded this number knows, by comparing it, whether any article left the library since, and
 * need not walk the library's ids to find out (lib/ranking/persist.ts).
 */
export const DELETION_COUNT_KEY = 'deletions';

export interface CounterRow {
  key: string;
  value: number;
}

/** The counters table's rows (schema version 5). */
export const COUNTERS_INDEXES = 'key';

/**
 * Which of `keys` are in the library before the write: read from the listing table, the articles'
 * small mirror kept in the same transaction (lib/db/listing), not from the articles themselves,
 * which carry abstracts and sightings.
 */
function existing(listing: DBCoreTable, trans: DBCoreTransaction, keys: readonly unknown[]): Promise<Set<unknown>> {
  return listing.getMany({ trans, keys: [...keys] }).then((rows) => new Set(keys.filter((_, index) => rows[index] !== undefined)));
}

function requestKeys(articles: DBCoreTable, request: DBCoreMutateRequest & { type: 'add' | 'put' }): readonly unknown[] {
  return request.keys ?? request.values.map((value) => articles.schema.primaryKey.extractKey!(value));
}

const distinct = (keys: readonly unknown[], failures: Record<number, unknown>, counted: (key: unknown) => boolean) =>
  new Set(keys.filter((key, index) => !(index in failures) && counted(key))).size;

/**
 * How much a mutation changes the number of articles, once its response says which of its writes
 * failed. What it needs to know of the table before the write is asked for here, at once: the
 * request goes down after it in the same transaction, which answers requests in order.
 */
function countChange(articles: DBCoreTable, listing: DBCoreTable, request: DBCoreMutateRequest): (failures: Record<number, unknown>) => Promise<number> {
  const { trans } = request;
  switch (request.type) {
    case 'add':
    case 'put': {
      // Rows of a modify() were read from the table in this transaction: none is new.
      if (request.type === 'put' && request.criteria) return async () => 0;
      const keys = requestKeys(articles, request);
      // An add writes only keys that were not there; a put may write either.
      const before = request.type === 'put' ? existing(listing, trans, keys) : Promise.resolve(new Set());
      return async (failures) => {
        const known = await before;
        return distinct(keys, failures, (key) => !known.has(key));
      };
    }
    case 'delete': {
      const before = existing(listing, trans, request.keys);
      return async (failures) => {
        const known = await before;
        return -distinct(request.keys, failures, (key) => known.has(key));
      };
    }
    case 'deleteRange': {
      const removed = listing.count({ trans, query: { index: listing.schema.primaryKey, range: request.range } });
      return async () => -(await removed);
    }
  }
}

/**
 * A transaction's counts: read once, then every change adds to them and writes the sums so far.
 * Each write carries every change made before it was asked for, and the transaction answers in
 * order, so the last write holds them all, however its mutations interleave.
 */
interface TransactionCounts {
  before: Promise<{ articles: number; deletions: number }>;
  articles: number;
  deletions: number;
}

const counts = new WeakMap<DBCoreTransaction, TransactionCounts>();

function transactionCounts(counters: DBCoreTable, trans: DBCoreTransaction): TransactionCounts {
  let count = counts.get(trans);
  if (!count) {
    // No row: a library created at this schema version, empty until its first write.
    const before = counters
      .getMany({ trans, keys: [ARTICLE_COUNT_KEY, DELETION_COUNT_KEY] })
      .then(([articles, deletions]: (CounterRow | undefined)[]) => ({ articles: articles?.value ?? 0, deletions: deletions?.value ?? 0 }));
    count = { before, articles: 0, deletions: 0 };
    counts.set(trans, count);
  }
  return count;
}

function countingArticles(articles: DBCoreTable, listing: DBCoreTable, counters: DBCoreTable): DBCoreTable {
  return {
    ...articles,
    async mutate(request) {
      // Asked before the write goes down, and without awaiting anything first: Dexie's own
      // middlewares below read the transaction from the zone a native await would leave.
      const changeOf = countChange(articles, listing, request);
      const count = transactionCounts(counters, request.trans);
      const response = await articles.mutate(request);
      const change = await changeOf(response.failures);
      if (change !== 0) {
        count.articles += change;
        const before = await count.before;
        const values: CounterRow[] = [{ key: ARTICLE_COUNT_KEY, value: before.articles + count.articles }];
        if (change < 0) {
          count.deletions -= change;
          values.push({ key: DELETION_COUNT_KEY, value: before.deletions + count.deletions });
        }
        await counters.mutate({ type: 'put', trans: request.trans, values });
      }
      return response;
    },
  };
}

/**
 * Keeps the article count exact: every read-write transaction on articles also covers the
 * counters and the listing, and every addition or deletion of an article changes the count in it.
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
