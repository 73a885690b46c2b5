import { afterEach, describe, expect, it, vi } from 'vitest';
import { deleteArticles, newDeletedBatch, restoreArticles } from '@/lib/db/article-deletion';
import { DELETED_AT_ONCE } from '@/lib/db/deletion-chunks';
import { watchDeletions } from './watch-deletions';
import { quotaFullAtCall } from './quota-full';
import { EDIT_CHUNK } from '@/lib/db/article-edits';
import { createCollection, deleteCollection } from '@/lib/db/collections';
import { testDb } from './test-db';
import { makeArticle } from './library-fixtures';

afterEach(() => vi.restoreAllMocks());

describe('deleting a selection', () => {
  it('deletes a large selection a chunk a transaction, telling how far it is, every article kept whole for the undo', async () => {
    const db = testDb();
    const articles = Array.from({ length: DELETED_AT_ONCE * 2 + 30 }, (_, i) => makeArticle(`d${String(i).padStart(4, '0')}`, { tags: [`t${i % 4}`], abstract: `Abstract ${i}.` }));
    await db.articles.bulkAdd([...articles, makeArticle('stays')]);
    const deletions = watchDeletions(db);
    const progress: number[] = [];
    const ids = [...articles.map((article) => article.id), 'missing'];
    const batch = await deleteArticles(db, ids, newDeletedBatch(7), (done) => progress.push(done));
    expect(deletions.map((d) => d.count)).toEqual([DELETED_AT_ONCE, DELETED_AT_ONCE, 30]);
    expect(new Set(deletions.map((d) => d.transaction)).size).toBe(3);
    expect(progress).toEqual([DELETED_AT_ONCE, DELETED_AT_ONCE * 2, ids.length]);
    expect(batch).toEqual({ articles, deletedAt: 7 });
    expect(await db.articles.toCollection().primaryKeys()).toEqual(['stays']);
    expect(await db.listing.count()).toBe(1);
    await restoreArticles(db, batch);
    expect(await db.articles.toArray()).toEqual([...articles, makeArticle('stays')]);
  });

  it('keeps in the batch what the chunks before a failure deleted, so that it can be undone', async () => {
    const db = testDb();
    const articles = Array.from({ length: DELETED_AT_ONCE * 3 }, (_, i) => makeArticle(`f${String(i).padStart(4, '0')}`));
    await db.articles.bulkAdd(articles);
    quotaFullAtCall(db, 'bulkDelete', 2);
    const batch = newDeletedBatch();
    await expect(deleteArticles(db, articles.map((article) => article.id), batch)).rejects.toThrow('full');
    expect(batch.articles).toEqual(articles.slice(0, DELETED_AT_ONCE));
    expect(await db.articles.count()).toBe(DELETED_AT_ONCE * 2);
    await restoreArticles(db, batch);
    expect(await db.articles.count()).toBe(articles.length);
  });
});

describe('delete with undo', () => {
  it('deletes articles and returns them whole; restoring puts them back unchanged', async () => {
    const db = testDb();
    const c = await createCollection(db, 'C');
    const original = makeArticle('1', { savedAt: 5, tags: ['t'], note: 'n', collections: [c.id], abstract: 'Some abstract text here.' });
    await db.articles.bulkAdd([original, makeArticle('2'), makeArticle('3')]);
    const batch = await deleteArticles(db, ['1', '2', 'missing'], newDeletedBatch(99));
    expect(batch.articles.map((a) => a.id)).toEqual(['1', '2']);
    expect(batch.deletedAt).toBe(99);
    expect(await db.articles.toCollection().primaryKeys()).toEqual(['3']);
    expect(await restoreArticles(db, batch)).toEqual(['1', '2']);
    expect(await db.articles.get('1')).toEqual(original);
    expect(await db.articles.count()).toBe(3);
  });

  it('merges with the article when it was captured again in the meantime, keeping what the reader did', async () => {
    const db = testDb();
    await db.articles.add(makeArticle('1', { DOI: '10.1/x', savedAt: 5, tags: ['mine'] }));
    const batch = await deleteArticles(db, ['1']);
    // The same article arrives again under the same id, without the reader's fields.
    await db.articles.add(makeArticle('1', { DOI: '10.1/x', abstract: 'Now with an abstract.' }));
    expect(await restoreArticles(db, batch)).toEqual(['1']);
    expect(await db.articles.count()).toBe(1);
    expect(await db.articles.get('1')).toMatchObject({ savedAt: 5, tags: ['mine'], abstract: 'Now with an abstract.' });
  });

  it('puts a deletion larger than a chunk back the same way, chunk by chunk: whole, merged with what came again, in order', async () => {
    const db = testDb();
    const kept = await createCollection(db, 'Kept');
    const gone = await createCollection(db, 'Gone');
    const articles = Array.from({ length: EDIT_CHUNK * 2 + 5 }, (_, i) =>
      makeArticle(`a${String(i).padStart(5, '0')}`, { DOI: `10.1/${i}`, savedAt: i, tags: [`t${i % 3}`], collections: [kept.id, gone.id], abstract: `Abstract ${i}.` }),
    );
    await db.articles.bulkAdd([...articles, makeArticle('other')]);
    const ids = articles.map((a) => a.id);
    const batch = await deleteArticles(db, ids);
    await deleteCollection(db, gone.id);
    // One comes back meanwhile, under another id, found by its DOI.
    await db.articles.add(makeArticle('again', { DOI: '10.1/7', abstract: 'Captured again.' }));
    const restored = await restoreArticles(db, batch);
    expect(restored).toEqual(ids.map((id) => (id === 'a00007' ? 'again' : id)));
    expect(await db.articles.count()).toBe(articles.length + 1);
    expect(await db.listing.count()).toBe(articles.length + 1);
    for (const article of articles.filter((a) => a.id !== 'a00007')) expect(await db.articles.get(article.id)).toEqual({ ...article, collections: [kept.id] });
    expect(await db.articles.get('again')).toMatchObject({ savedAt: 7, tags: ['t1'], collections: [kept.id], abstract: 'Abstract 7.' });
  });

  it('drops memberships of collections deleted since', async () => {
    const db = testDb();
    const kept = await createCollection(db, 'Kept');
    const gone = await createCollection(db, 'Gone');
    await db.articles.add(makeArticle('1', { collections: [kept.id, gone.id] }));
    const batch = await deleteArticles(db, ['1']);
    await deleteCollection(db, gone.id);
    await restoreArticles(db, batch);
    expect((await db.articles.get('1'))?.collections).toEqual([kept.id]);
  });
});
