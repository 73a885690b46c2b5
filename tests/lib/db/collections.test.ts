import { afterEach, describe, expect, it, vi } from 'vitest';
import { EDIT_CHUNK } from '@/lib/db/article-edits';
import {
  addToCollection,
  CollectionNameError,
  createCollection,
  deleteCollection,
  listCollections,
  removeFromCollection,
  renameCollection,
} from '@/lib/db/collections';
import { testDb } from './test-db';
import { makeArticle } from './library-fixtures';
import { quotaFullAtCall } from './quota-full';

afterEach(() => vi.restoreAllMocks());

describe('collections', () => {
  it('creates collections with a cleaned name and lists them in alphabetical order with counts', async () => {
    const db = testDb();
    const b = await createCollection(db, '  Reading   list ');
    const a = await createCollection(db, 'Aging');
    await db.articles.bulkAdd([makeArticle('1'), makeArticle('2')]);
    await addToCollection(db, b.id, ['1', '2']);
    expect(b.name).toBe('Reading list');
    expect((await listCollections(db, 'en')).map((c) => [c.id, c.name, c.count])).toEqual([
      [a.id, 'Aging', 0],
      [b.id, 'Reading list', 2],
    ]);
  });

  it('refuses empty, too long and duplicate names (case-insensitively)', async () => {
    const db = testDb();
    await createCollection(db, '肿瘤');
    const reasons = await Promise.all(
      ['   ', 'x'.repeat(201), ' 肿瘤 '].map((name) => createCollection(db, name).then(() => 'ok', (e: CollectionNameError) => e.reason)),
    );
    expect(reasons).toEqual(['empty', 'too-long', 'duplicate']);
    await createCollection(db, 'Cancer');
    await expect(createCollection(db, 'CANCER')).rejects.toMatchObject({ reason: 'duplicate' });
    expect(await db.collections.count()).toBe(2);
  });

  it('renames, allowing the same name for the collection itself but not another one', async () => {
    const db = testDb();
    const one = await createCollection(db, 'One');
    await createCollection(db, 'Two');
    await renameCollection(db, one.id, 'ONE', 5);
    expect(await db.collections.get(one.id)).toMatchObject({ name: 'ONE', updatedAt: 5 });
    await expect(renameCollection(db, one.id, 'two')).rejects.toMatchObject({ reason: 'duplicate' });
  });

  it('adds each article once and removes it', async () => {
    const db = testDb();
    const c = await createCollection(db, 'C');
    await db.articles.bulkAdd([makeArticle('1'), makeArticle('2', { collections: ['other'] })]);
    await addToCollection(db, c.id, ['1', '2'], 10);
    await addToCollection(db, c.id, ['1'], 11);
    expect((await db.articles.get('1'))?.collections).toEqual([c.id]);
    expect((await db.articles.get('2'))?.collections).toEqual(['other', c.id]);
    await removeFromCollection(db, c.id, ['2'], 12);
    expect(await db.articles.get('2')).toMatchObject({ collections: ['other'], updatedAt: 12 });
    expect((await db.articles.get('1'))?.collections).toEqual([c.id]);
  });

  it('refuses to add to a collection that does not exist', async () => {
    const db = testDb();
    await db.articles.add(makeArticle('1'));
    await expect(addToCollection(db, 'missing', ['1'])).rejects.toThrow(/no collection/);
    expect((await db.articles.get('1'))?.collections).toEqual([]);
  });

  it('deletes a collection and keeps its articles', async () => {
    const db = testDb();
    const keep = await createCollection(db, 'Keep');
    const drop = await createCollection(db, 'Drop');
    await db.articles.bulkAdd([makeArticle('1'), makeArticle('2')]);
    await addToCollection(db, drop.id, ['1', '2']);
    await addToCollection(db, keep.id, ['2']);
    await deleteCollection(db, drop.id);
    expect(await db.collections.get(drop.id)).toBeUndefined();
    expect(await db.articles.count()).toBe(2);
    expect((await db.articles.get('1'))?.collections).toEqual([]);
    expect((await db.articles.get('2'))?.collections).toEqual([keep.id]);
  });

  it('takes a large collection\'s members out a chunk a transaction, telling how far, and leaves none that joined meanwhile', async () => {
    const db = testDb();
    const big = await createCollection(db, 'Big');
    const members = Array.from({ length: EDIT_CHUNK * 2 + 7 }, (_, i) => makeArticle(`m${String(i).padStart(4, '0')}`, { collections: [big.id] }));
    const late = Array.from({ length: 3 }, (_, i) => makeArticle(`late${i}`));
    await db.articles.bulkAdd([...members, ...late]);
    const progress: number[] = [];
    let joining: Promise<unknown> = Promise.resolve();
    await deleteCollection(db, big.id, 5, {
      onProgress: (done) => {
        progress.push(done);
        // Articles added to it while its members are taken out: taken out with the collection.
        if (done === EDIT_CHUNK) joining = addToCollection(db, big.id, late.map((article) => article.id));
      },
    });
    await joining;
    expect(progress).toEqual([EDIT_CHUNK, EDIT_CHUNK * 2, members.length]);
    expect(await db.collections.get(big.id)).toBeUndefined();
    expect(await db.listing.where('collections').equals(big.id).count()).toBe(0);
    expect((await db.articles.toArray()).filter((article) => article.collections.length)).toEqual([]);
    expect(await db.articles.count()).toBe(members.length + late.length);
  });

  it('keeps the collection with the members not yet taken out when a chunk fails', async () => {
    const db = testDb();
    const big = await createCollection(db, 'Big');
    await db.articles.bulkAdd(Array.from({ length: EDIT_CHUNK * 2 }, (_, i) => makeArticle(`m${String(i).padStart(4, '0')}`, { collections: [big.id] })));
    quotaFullAtCall(db, 'bulkPut', 2);
    await expect(deleteCollection(db, big.id)).rejects.toThrow('full');
    expect(await db.collections.get(big.id)).toBeDefined();
    expect(await db.listing.where('collections').equals(big.id).count()).toBe(EDIT_CHUNK);
    vi.restoreAllMocks();
    await deleteCollection(db, big.id);
    expect(await db.collections.get(big.id)).toBeUndefined();
    expect(await db.listing.where('collections').equals(big.id).count()).toBe(0);
  });
});
