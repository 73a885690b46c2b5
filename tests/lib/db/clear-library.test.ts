import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearUntouched, deleteAllData, dropCaptureEntries, isUntouched, storedCounts } from '@/lib/db/clear-library';
import { SEEN_RESOLUTION_MS } from '@/lib/db/upsert';
import { WHOLE_TABLE_PAGE } from '@/lib/db/pages-by-id';
import { recordReads } from './read-sizes';
import { writeSetting } from '@/lib/db/settings';
import { testDb } from './test-db';
import { makeArticle } from './library-fixtures';

const ARTICLES = [
  makeArticle('plain'),
  makeArticle('plain2'),
  makeArticle('saved', { savedAt: 1 }),
  makeArticle('tagged', { tags: ['x'] }),
  makeArticle('noted', { note: 'n' }),
  makeArticle('filed', { collections: ['c'] }),
];

afterEach(() => vi.restoreAllMocks());

describe('isUntouched', () => {
  it('is true only without save, tags, note and collections', () => {
    expect(ARTICLES.map(isUntouched)).toEqual([true, true, false, false, false, false]);
  });
});

describe('clearing', () => {
  it('counts what is stored', async () => {
    const db = testDb();
    await db.articles.bulkAdd(ARTICLES);
    await db.collections.add({ id: 'c', name: 'C', createdAt: 1, updatedAt: 1 });
    await db.captures.add({ pageUrl: 'https://a.org/', platform: 'meta', kind: 'list', capturedAt: 1, items: [] });
    expect(await storedCounts(db)).toEqual({ articles: 6, saved: 1, untouched: 2, collections: 1, captures: 1 });
  });

  it('deletes untouched articles and their capture entries, dropping emptied captures', async () => {
    const db = testDb();
    await db.articles.bulkAdd(ARTICLES);
    await db.captures.bulkAdd([
      { pageUrl: 'https://a.org/', platform: 'meta', kind: 'list', capturedAt: 1, items: [{ articleId: 'plain', status: 'new' }, { articleId: 'saved', status: 'known' }] },
      { pageUrl: 'https://b.org/', platform: 'meta', kind: 'article', capturedAt: 2, items: [{ articleId: 'plain2', status: 'new' }] },
    ]);
    const reads = recordReads();
    expect((await clearUntouched(db)).sort()).toEqual(['plain', 'plain2']);
    // The listing is read by pages, never walked in one transaction.
    expect(reads.filter((read) => read.store === 'listing').map((read) => read.count)).toEqual([WHOLE_TABLE_PAGE]);
    expect((await db.articles.toCollection().primaryKeys()).sort()).toEqual(['filed', 'noted', 'saved', 'tagged']);
    const captures = await db.captures.toArray();
    expect(captures.map((c) => [c.pageUrl, c.items.map((i) => i.articleId)])).toEqual([['https://a.org/', ['saved']]]);
  });

  it('drops capture entries page by page, and keeps an entry whose article came back', async () => {
    const db = testDb();
    await db.articles.bulkAdd([makeArticle('kept'), makeArticle('back')]);
    await db.captures.bulkAdd(
      Array.from({ length: 450 }, (_, i) => ({ pageUrl: `https://a.org/${i}`, platform: 'meta', kind: 'list' as const, capturedAt: i, items: [{ articleId: i % 2 ? 'gone' : 'back', status: 'new' as const }, ...(i < 3 ? [{ articleId: 'kept', status: 'known' as const }] : [])] })),
    );
    const pages: number[] = [];
    const bulkGet = db.captures.bulkGet.bind(db.captures);
    vi.spyOn(db.captures, 'bulkGet').mockImplementation((keys) => (pages.push(keys.length), bulkGet(keys)));
    await dropCaptureEntries(db, new Set(['gone', 'back']));
    expect(Math.max(...pages)).toBeLessThanOrEqual(100);
    const captures = await db.captures.toArray();
    // Odd pages named only the deleted article: gone with it, but the first (it also names 'kept').
    expect(captures).toHaveLength(226);
    expect(captures.find((c) => c.pageUrl === 'https://a.org/1')?.items.map((i) => i.articleId)).toEqual(['kept']);
    expect(captures.filter((c) => c.items.some((i) => i.articleId === 'back'))).toHaveLength(225);
  });

  it('reads only the captures made before the deleted articles were last seen (and the hour seenAt may lag)', async () => {
    const db = testDb();
    const capture = (capturedAt: number) => ({ pageUrl: `https://a.org/${capturedAt}`, platform: 'meta', kind: 'list' as const, capturedAt, items: [{ articleId: 'gone', status: 'new' as const }, { articleId: 'kept', status: 'known' as const }] });
    await db.articles.add(makeArticle('kept'));
    await db.captures.bulkAdd([capture(1_000), capture(1_000 + SEEN_RESOLUTION_MS), capture(2_000 + SEEN_RESOLUTION_MS)]);
    const read: number[] = [];
    const bulkGet = db.captures.bulkGet.bind(db.captures);
    vi.spyOn(db.captures, 'bulkGet').mockImplementation((keys) => (read.push(...keys.map(Number)), bulkGet(keys)));
    await dropCaptureEntries(db, new Set(['gone']), 1_000);
    const captures = await db.captures.orderBy('capturedAt').toArray();
    expect(captures.map((c) => c.items.map((i) => i.articleId))).toEqual([['kept'], ['kept'], ['gone', 'kept']]);
    expect(read.filter((id) => id === captures[2].id)).toEqual([]);
  });

  it('deletes all data, and what was derived from the articles, but keeps the settings', async () => {
    const db = testDb();
    await db.articles.bulkAdd(ARTICLES);
    await db.collections.add({ id: 'c', name: 'C', createdAt: 1, updatedAt: 1 });
    await db.indexSnapshots.add({ key: 'main', version: '1', savedAt: 1, data: {} });
    await db.articleTerms.add({ id: 'plain', version: 'tok', source: 'x', title: 'plain', keywords: '', abstract: '', counts: new Uint16Array() });
    await writeSetting(db, 'captureMode', 'on-click');
    await db.citationKeys.add({ id: 'plain', key: 'ref2020plain' });
    expect(await db.listing.count()).toBe(ARTICLES.length);
    expect((await deleteAllData(db)).sort()).toEqual(ARTICLES.map((a) => a.id).sort());
    const counts = await Promise.all([db.articles, db.collections, db.indexSnapshots, db.captures, db.articleTerms, db.listing, db.citationKeys].map((table) => table.count()));
    expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(await db.settings.get('captureMode')).toEqual({ key: 'captureMode', value: 'on-click' });
  });
});
