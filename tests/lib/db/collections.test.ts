import { describe, expect, it } from 'vitest';
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
});
