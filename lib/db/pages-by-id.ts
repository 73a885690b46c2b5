import type { Table } from 'dexie';

/*
 * Tables read whole, page by page in the order of their ids, each page one request (in a
 * transaction of its own unless read inside one). Chromium's IndexedDB answers one database's
 * requests one at a time: a single read of 50,000 listing rows (`toArray`) held every other page,
 * the popup and the background for 2.4 s, even the opening of the database.
 */

/** Rows keyed by `id` (a capture's is set once it is stored). */
type Id = string | number;
type Keyed = { id?: Id };

/** The `size` rows after id `last` (from the first when undefined). */
function pageAfter<T extends Keyed, TKey, TInsert>(table: Table<T, TKey, TInsert>, last: Id | undefined, size: number): Promise<T[]> {
  return (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(size).toArray();
}

/**
 * The table's pages. Each is asked for as soon as the previous one arrives, before it is handed
 * over, so that the database reads it while the caller works.
 */
export async function* pagesById<T extends Keyed, TKey, TInsert>(table: Table<T, TKey, TInsert>, pageSize: number): AsyncGenerator<T[]> {
  let next: Promise<T[]> | undefined = pageAfter(table, undefined, pageSize);
  while (next) {
    const page: T[] = await next;
    if (page.length === 0) return;
    // A short page is the last: no read to learn that nothing follows.
    next = page.length < pageSize ? undefined : pageAfter(table, page[page.length - 1].id, pageSize);
    // A read nobody waits for any more (the caller stopped, or failed) must not fail unhandled; awaited, it still throws.
    next?.catch(() => undefined);
    yield page;
  }
}

/** Rows per read when a table is read whole: at 50,000 articles 1,000 listing rows hold the database some 40 ms. */
export const WHOLE_TABLE_PAGE = 1000;

/**
 * Every row of the table, read page by page. A plain loop of awaited reads, not the generator:
 * inside a transaction (the backup's, the recount's) or a live query (use-live-query.ts) Dexie
 * keeps its context across awaits of its own promises, not across an async generator's.
 */
export async function readWholeTable<T extends Keyed, TKey, TInsert>(table: Table<T, TKey, TInsert>, pageSize = WHOLE_TABLE_PAGE): Promise<T[]> {
  const rows: T[] = [];
  let page = await pageAfter(table, undefined, pageSize);
  for (;;) {
    for (const row of page) rows.push(row);
    // A short page is the last: no read to learn that nothing follows.
    if (page.length < pageSize) return rows;
    page = await pageAfter(table, page[page.length - 1].id, pageSize);
  }
}
