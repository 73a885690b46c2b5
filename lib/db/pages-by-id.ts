import type { Table } from 'dexie';

/*
 * Tables read whole, page by page in the order of their ids, each page one request (in a
 * transaction of its own unless read inside one). Chromium's IndexedDB answers one database's
 * requests one at a time: a single read of 50,000 listing rows (`toArray`) held every other page,
 * the popup and the background for 2.4 s, even the opening of the database.
 */

/** The `size` rows after id `last` (from the first when undefined). */
function pageAfter<T extends { id: string }, TInsert>(table: Table<T, string, TInsert>, last: string | undefined, size: number): Promise<T[]> {
  return (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(size).toArray();
}

/**
 * The table's pages. Each is asked for as soon as the previous one arrives, before it is handed
 * over, so that the database reads it while the caller works.
 */
export async function* pagesById<T extends { id: string }, TInsert>(table: Table<T, string, TInsert>, pageSize: number): AsyncGenerator<T[]> {
  let next = pageAfter(table, undefined, pageSize);
  for (;;) {
    const page = await next;
    if (page.length === 0) return;
    next = pageAfter(table, page[page.length - 1].id, pageSize);
    // A read nobody waits for any more (the caller stopped, or failed) must not fail unhandled; awaited, it still throws.
    next.catch(() => undefined);
    yield page;
  }
}

/**
 * Every row of the table, read page by page. A plain loop of awaited reads, not the generator:
 * inside a live query (use-live-query.ts) Dexie follows the query's reads across awaits of its
 * own promises, and so re-runs it when any page's rows change.
 */
export async function readWholeTable<T extends { id: string }, TInsert>(table: Table<T, string, TInsert>, pageSize: number): Promise<T[]> {
  const rows: T[] = [];
  for (let page = await pageAfter(table, undefined, pageSize); page.length > 0; page = page.length < pageSize ? [] : await pageAfter(table, page[page.length - 1].id, pageSize)) {
    for (const row of page) rows.push(row);
  }
  return rows;
}
