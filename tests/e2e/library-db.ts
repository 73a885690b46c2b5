import type { Worker } from 'playwright-core';
import { facetCounterRows, type FacetFields } from '../../lib/db/facet-counts';

/** Where the extension's background runs code: a Playwright service worker, or harness/ExtensionSession.background. */
type Background = Pick<Worker, 'evaluate'>;

/** Reads the extension's own IndexedDB from its background, with the raw IndexedDB API. */
export async function readStore<T = unknown>(worker: Background, store: string): Promise<T[]> {
  return worker.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('simlit');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            resolve([]);
            return;
          }
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

/** Polls until `read` returns a value that `done` accepts, or fails with the last value seen. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting; last value: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    value = await read();
  }
  return value;
}

/**
 * The tab a page was captured in, as the background recorded it. With `since`, a capture stored
 * then or later: after a browser restart the page's capture from before names a tab gone with it.
 */
export async function tabIdOf(worker: Background, pageUrl: string, { since = 0, timeoutMs }: { since?: number; timeoutMs?: number } = {}): Promise<number> {
  const isThePage = (row: { pageUrl: string; tabId?: number; capturedAt: number }) => row.pageUrl === pageUrl && row.tabId !== undefined && row.capturedAt >= since;
  const captures = await waitFor(() => readStore<{ pageUrl: string; tabId?: number; capturedAt: number }>(worker, 'captures'), (rows) => rows.some(isThePage), timeoutMs);
  return captures.find(isThePage)!.tabId!;
}

/** Writes one row into the extension's IndexedDB, as the options page would. */
export async function putRow(worker: Background, store: string, row: unknown): Promise<void> {
  await putRows(worker, store, [row]);
}

/** Writes rows into the extension's IndexedDB in one transaction. */
export async function putRows(worker: Background, store: string, rows: unknown[]): Promise<void> {
  await worker.evaluate(
    ([name, values]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('simlit');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction(name, 'readwrite');
          for (const value of values) transaction.objectStore(name).put(value);
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    [store, rows] as const,
  );
}

/**
 * The counts the library keeps with its writes for rows written with putRows, which go past the
 * middleware that keeps them: the filters' values (lib/db/facet-counts) from the listing rows
 * written, the article count from the table. Nothing for a build without the counters.
 */
export async function recountLibrary(worker: Background, listing: FacetFields[]): Promise<void> {
  await recountArticles(worker);
  if (await hasStore(worker, 'counters')) await putRows(worker, 'counters', facetCounterRows(listing));
}

/** Whether the build's database has this table. */
export async function hasStore(worker: Background, store: string): Promise<boolean> {
  return worker.evaluate(
    (store) =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('simlit');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          resolve(open.result.objectStoreNames.contains(store));
          open.result.close();
        };
      }),
    store,
  );
}

/** Sets the article count the library keeps with its writes (lib/db/article-count) to the table's. */
export async function recountArticles(worker: Background): Promise<void> {
  await worker.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('simlit');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('counters')) {
            db.close();
            resolve();
            return;
          }
          const transaction = db.transaction(['articles', 'counters'], 'readwrite');
          const counted = transaction.objectStore('articles').count();
          counted.onsuccess = () => transaction.objectStore('counters').put({ key: 'articles', value: counted.result });
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
  );
}
