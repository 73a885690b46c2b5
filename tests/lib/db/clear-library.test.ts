import { describe, expect, it } from 'vitest';
import { clearUntouched, deleteAllData, isUntouched, storedCounts } from '@/lib/db/clear-library';
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
    expect(await clearUntouched(db)).toBe(2);
    expect((await db.articles.toCollection().primaryKeys()).sort()).toEqual(['filed', 'noted', 'saved', 'tagged']);
    const captures = await db.captures.toArray();
    expect(captures.map((c) => [c.pageUrl, c.items.map((i) => i.articleId)])).toEqual([['https://a.org/', ['saved']]]);
  });

  it('deletes all data, and what was derived from the articles, but keeps the settings', async () => {
    const db = testDb();
    await db.articles.bulkAdd(ARTICLES);
    await db.collections.add({ id: 'c', name: 'C', createdAt: 1, updatedAt: 1 });
    await db.indexSnapshots.add({ key: 'main', version: '1', savedAt: 1, data: {} });
    await db.articleTerms.add({ id: 'plain', version: 'tok', source: 'x', title: 'plain', keywords: '', abstract: '', counts: new Uint16Array() });
    await writeSetting(db, 'captureMode', 'on-click');
    expect(await db.listing.count()).toBe(ARTICLES.length);
    await deleteAllData(db);
    const counts = await Promise.all([db.articles, db.collections, db.indexSnapshots, db.captures, db.articleTerms, db.listing].map((table) => table.count()));
    expect(counts).toEqual([0, 0, 0, 0, 0, 0]);
    expect(await db.settings.get('captureMode')).toEqual({ key: 'captureMode', value: 'on-click' });
  });
});
