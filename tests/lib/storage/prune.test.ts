import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pruneUnsaved, readPruneLog, sizingDone, PRUNE_LOG_LENGTH, PRUNE_LOG_KEY } from '@/lib/storage/prune';
import { articleBytes } from '@/lib/db/listing';
import { storeCapture } from '@/lib/db/store-capture';
import type { Article } from '@/lib/model/article';
import { article } from '../capture/fixtures';
import { testDb } from '../db/test-db';
import { recordReads } from '../db/read-sizes';
import { quotaFullAtCall } from '../db/quota-full';
import { WHOLE_TABLE_PAGE } from '@/lib/db/pages-by-id';
import { UNTOUCHED_BYTES_KEY, UNTOUCHED_SIZED_KEY } from '@/lib/db/facet-counts';
import { DELETED_AT_ONCE } from '@/lib/db/deletion-chunks';
import { SEEN_RESOLUTION_MS } from '@/lib/db/upsert';

afterEach(() => vi.restoreAllMocks());

/** An unsaved captured article first seen on `host`, last seen at `seenAt`. */
function seen(n: number, seenAt: number, host = 'flood.cnjournals.com', extra: Partial<Article> = {}): Article {
  return { ...article({ title: `Captured article number ${n}`, platformId: String(n) }, 'qinyun', seenAt, `http://${host}/list`), id: `a${n}`, seenAt, ...extra };
}

describe('pruneUnsaved', () => {
  it('does nothing within the cap', async () => {
    const db = testDb();
    await db.articles.bulkAdd([seen(1, 1), seen(2, 2)]);
    const outcome = await pruneUnsaved(db, { articles: 2, megabytes: 10 });
    expect(outcome).toMatchObject({ tally: { articles: 2 }, removedIds: [] });
    expect(await db.articles.count()).toBe(2);
    expect(await readPruneLog(db)).toEqual([]);
  });

  it('removes the least recently seen unsaved articles down to 95% of the cap, never what the reader touched', async () => {
    const db = testDb();
    const touched = [
      seen(900, 0, 'a.example', { savedAt: 1 }),
      seen(901, 0, 'a.example', { tags: ['t'] }),
      seen(902, 0, 'a.example', { note: 'n' }),
      seen(903, 0, 'a.example', { collections: ['c'] }),
      seen(904, 0, 'a.example', { readerFields: ['title'] }),
    ];
    const unsaved = Array.from({ length: 300 }, (_, i) => seen(i, 1_000 + i, i < 150 ? 'old.cnjournals.com' : 'flood.cnjournals.com'));
    await db.articles.bulkAdd([...touched, ...unsaved]);
    await storeCapture(db, { pageUrl: 'http://old.cnjournals.com/list', platform: 'qinyun', kind: 'list', capturedAt: 5 }, []);
    await db.captures.put({ id: 99, pageUrl: 'http://old.cnjournals.com/list2', platform: 'qinyun', kind: 'list', capturedAt: 6, items: [{ articleId: 'a0', status: 'new' }, { articleId: 'a299', status: 'new' }] });
    const outcome = await pruneUnsaved(db, { articles: 200, megabytes: 10 }, 77);
    expect(outcome.tally.articles).toBe(190);
    expect(outcome.removedIds).toHaveLength(110);
    expect(outcome.removedIds).toContain('a0');
    expect(outcome.removedIds).not.toContain('a150');
    for (const keep of touched) expect(await db.articles.get(keep.id)).toBeDefined();
    expect(await db.articles.count()).toBe(5 + 190);
    expect((await db.captures.get(99))?.items).toEqual([{ articleId: 'a299', status: 'new' }]);
    expect(await readPruneLog(db)).toEqual([{ at: 77, articles: 110, bytes: expect.any(Number), sites: [{ host: 'old.cnjournals.com', articles: 110 }] }]);
  });

  it('measures by pages of the library, each its own read, never one read or one transaction of all of it', async () => {
    const db = testDb();
    await db.articles.bulkAdd(Array.from({ length: 30 }, (_, i) => seen(i, 100 - i)));
    const reads = recordReads();
    const transactions = vi.spyOn(db, 'transaction');
    const outcome = await pruneUnsaved(db, { articles: 20, megabytes: 10 });
    const articleReads = reads.filter((read) => read.store === 'articles');
    expect(articleReads.length).toBeGreaterThan(0);
    expect(articleReads.every((read) => read.count === WHOLE_TABLE_PAGE)).toBe(true);
    expect(transactions).toHaveBeenCalledTimes(2); // the removal's chunk and the log's, none for measuring
    // Least recently seen first: a29 was seen first (at 71).
    expect(outcome.removedIds.slice(0, 3)).toEqual(['a29', 'a28', 'a27']);
  });

  it('within the cap, measures from the counters the writes keep and reads no article', async () => {
    const db = testDb();
    const articles = Array.from({ length: 30 }, (_, i) => seen(i, i));
    await db.articles.bulkAdd([...articles, seen(900, 0, 'a.example', { savedAt: 1 })]);
    await db.articles.update('a3', { abstract: '一段更长的摘要'.repeat(50) });
    const reads = recordReads();
    const outcome = await pruneUnsaved(db, { articles: 30, megabytes: 10 });
    expect(reads.filter((read) => read.store === 'articles')).toEqual([]);
    const stored = (await db.articles.bulkGet(articles.map((a) => a.id))) as Article[];
    expect(outcome).toEqual({ tally: { articles: 30, bytes: stored.reduce((total, a) => total + articleBytes(a), 0) }, removedIds: [] });
  });

  it('sizes the rows written before sizes were kept while it measures, so that the next measure reads no article', async () => {
    const db = testDb();
    await db.articles.bulkAdd(Array.from({ length: 450 }, (_, i) => seen(i, i)));
    const expected = { articles: 450, bytes: (await db.articles.toArray()).reduce((total, a) => total + articleBytes(a), 0) };
    // As a library written by an earlier version holds them: no sizes, none counted.
    await db.listing.bulkPut((await db.listing.toArray()).map((row) => ({ ...row, bytes: undefined })));
    await db.counters.bulkDelete([UNTOUCHED_SIZED_KEY, UNTOUCHED_BYTES_KEY]);
    let reads = recordReads();
    expect((await pruneUnsaved(db, { articles: 1000, megabytes: 10 })).tally).toEqual(expected);
    expect(reads.some((read) => read.store === 'articles')).toBe(true);
    vi.restoreAllMocks();
    // The sizing follows the answer.
    await sizingDone(db);
    expect((await db.listing.toArray()).every((row) => row.bytes !== undefined)).toBe(true);
    reads = recordReads();
    expect((await pruneUnsaved(db, { articles: 1000, megabytes: 10 })).tally).toEqual(expected);
    expect(reads.filter((read) => read.store === 'articles')).toEqual([]);
  });

  it('prunes by size too: megabytes of long abstracts go although the count is within the cap', async () => {
    const db = testDb();
    const long = (n: number) => seen(n, n, 'flood.cnjournals.com', { abstract: '长'.repeat(20_000) });
    await db.articles.bulkAdd(Array.from({ length: 40 }, (_, i) => long(i)));
    const size = articleBytes(long(0));
    const outcome = await pruneUnsaved(db, { articles: 1000, megabytes: 1 });
    expect(outcome.tally.bytes).toBeLessThanOrEqual(0.95 * 1024 * 1024);
    expect(outcome.tally.articles).toBe(Math.floor((0.95 * 1024 * 1024) / size));
    expect(outcome.removedIds[0]).toBe('a0');
  });

  it('removes in chunks, each in a transaction of its own, so that the database is not shut for the whole pruning', async () => {
    const db = testDb();
    await db.articles.bulkAdd(Array.from({ length: 600 }, (_, i) => seen(i, i)));
    const transactions = new Set<unknown>();
    const sizes: number[] = [];
    const bulkDelete = db.articles.bulkDelete.bind(db.articles);
    vi.spyOn(db.articles, 'bulkDelete').mockImplementation((keys) => {
      transactions.add(Dexie.currentTransaction);
      sizes.push(keys.length);
      return bulkDelete(keys);
    });
    const outcome = await pruneUnsaved(db, { articles: 100, megabytes: 10 });
    expect(outcome.removedIds).toHaveLength(505);
    expect(sizes).toEqual([...Array(5).fill(DELETED_AT_ONCE), 5]);
    expect(transactions.size).toBe(6);
    expect(await db.articles.count()).toBe(95);
  });

  it('drops the pruned articles from captures made up to an hour after the last of them was seen', async () => {
    const db = testDb();
    const hours = (n: number) => n * SEEN_RESOLUTION_MS;
    await db.articles.bulkAdd([seen(1, hours(1)), seen(2, hours(3)), seen(3, hours(10))]);
    const capture = (capturedAt: number, articleId: string) => ({ pageUrl: `http://flood.cnjournals.com/${capturedAt}`, platform: 'qinyun', kind: 'list' as const, capturedAt, items: [{ articleId, status: 'new' as const }, { articleId: 'a3', status: 'known' as const }] });
    // a2 was last recorded as seen at 3 h; a page showing it at 3.5 h did not write it again.
    await db.captures.bulkAdd([capture(hours(1), 'a1'), capture(hours(3.5), 'a2')]);
    const outcome = await pruneUnsaved(db, { articles: 2, megabytes: 10 });
    expect(outcome.removedIds.sort()).toEqual(['a1', 'a2']);
    expect((await db.captures.toArray()).map((c) => c.items.map((i) => i.articleId))).toEqual([['a3'], ['a3']]);
  });

  it('when a chunk fails, still drops, logs and reports what the chunks before it removed', async () => {
    const db = testDb();
    await db.articles.bulkAdd(Array.from({ length: 300 }, (_, i) => seen(i, i)));
    await db.captures.add({ pageUrl: 'http://flood.cnjournals.com/list', platform: 'qinyun', kind: 'list', capturedAt: 0, items: [{ articleId: 'a0', status: 'new' }, { articleId: 'a299', status: 'new' }] });
    quotaFullAtCall(db, 'bulkDelete', 2);
    const outcome = await pruneUnsaved(db, { articles: 10, megabytes: 10 }, 77);
    expect(outcome.removedIds).toHaveLength(DELETED_AT_ONCE);
    expect(outcome.tally.articles).toBe(300 - DELETED_AT_ONCE);
    expect((await readPruneLog(db)).map((record) => record.articles)).toEqual([DELETED_AT_ONCE]);
    expect((await db.captures.toArray())[0].items.map((i) => i.articleId)).toEqual(['a299']);
  });

  it('keeps an article that was saved or seen again after it was measured', async () => {
    const db = testDb();
    await db.articles.bulkAdd(Array.from({ length: 10 }, (_, i) => seen(i, i)));
    // Between measuring and removing, the reader saves a0 and a page shows a1 again.
    const original = db.articles.bulkGet.bind(db.articles);
    db.articles.bulkGet = (async (ids: string[]) => {
      await db.articles.update('a0', { savedAt: 5 });
      await db.articles.update('a1', { seenAt: 50 });
      return original(ids);
    }) as typeof db.articles.bulkGet;
    const outcome = await pruneUnsaved(db, { articles: 8, megabytes: 10 });
    // a0, a1 and a2 were planned (down to 7 of 8); only a2 goes.
    expect(outcome.removedIds).toEqual(['a2']);
  });

  it(`remembers the last ${PRUNE_LOG_LENGTH} prunings and reads a damaged log as empty`, async () => {
    const db = testDb();
    for (let round = 0; round < PRUNE_LOG_LENGTH + 3; round++) {
      await db.articles.bulkAdd([seen(round * 2, round * 2), seen(round * 2 + 1, round * 2 + 1)]);
      await pruneUnsaved(db, { articles: 1, megabytes: 10 }, round);
    }
    const log = await readPruneLog(db);
    expect(log).toHaveLength(PRUNE_LOG_LENGTH);
    expect(log.map((record) => record.at)).toEqual(Array.from({ length: PRUNE_LOG_LENGTH }, (_, i) => i + 3));
    await db.settings.put({ key: PRUNE_LOG_KEY, value: 'broken' });
    expect(await readPruneLog(db)).toEqual([]);
  });
});
