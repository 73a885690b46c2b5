// Dexie's live queries run only where a global indexedDB exists when Dexie loads: import it first.
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSummaries } from '@/lib/db/articles-query';
import { pagesById, readWholeTable } from '@/lib/db/pages-by-id';
import { makeArticle } from './library-fixtures';
import { recordReads } from './read-sizes';
import { testDb } from './test-db';

const IDS = ['a', 'b', 'c', 'd', 'e'];

async function libraryOf(ids: string[]) {
  const db = testDb();
  await db.articles.bulkAdd(ids.map((id) => makeArticle(id, { title: `Article ${id}` })));
  return db;
}

/** How many rows each read asked for, as the reads happen. */
function readSizes(): () => (number | undefined)[] {
  const reads = recordReads();
  return () => reads.map((read) => read.count);
}

afterEach(() => vi.restoreAllMocks());

describe('reading a table by pages', () => {
  it('reads every row in id order, never more than a page at once', async () => {
    const db = await libraryOf([...IDS].reverse());
    const sizes = readSizes();
    expect((await readWholeTable(db.articles, 2)).map((article) => article.id)).toEqual(IDS);
    expect(sizes()).toEqual([2, 2, 2]); // the last page, short, ends it
    const pages: string[][] = [];
    for await (const page of pagesById(db.articles, 2)) pages.push(page.map((article) => article.id));
    expect(pages).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(sizes().every((size) => size === 2)).toBe(true);
  });

  it('reads an empty table as no rows and no pages', async () => {
    const db = testDb();
    expect(await readWholeTable(db.listing, 2)).toEqual([]);
    for await (const page of pagesById(db.listing, 2)) expect(page).toBeUndefined();
  });

  it('gives the library list in pages, and a live query of it follows a change to any page', async () => {
    const db = await libraryOf(IDS);
    const sizes = readSizes();
    const seen: string[][] = [];
    const subscription = liveQuery(() => loadSummaries(db, 2)).subscribe((rows) => seen.push(rows.map((row) => row.title ?? '')));
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toEqual(IDS.map((id) => `Article ${id}`));
    expect(sizes().length).toBeGreaterThan(1);
    expect(sizes().every((size) => size === 2)).toBe(true);
    await db.articles.update('e', { title: 'Edited' });
    await vi.waitFor(() => expect(seen.at(-1)?.[4]).toBe('Edited'));
    await db.articles.add(makeArticle('f', { title: 'Added' }));
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['Article a', 'Article b', 'Article c', 'Article d', 'Edited', 'Added']));
    subscription.unsubscribe();
  });
});
