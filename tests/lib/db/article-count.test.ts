import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { keptArticleCount, keptDeletionCount, recountArticles } from '@/lib/db/article-count';
import { clearUntouched, deleteAllData } from '@/lib/db/clear-library';
import { SCHEMA_VERSIONS, SimlitDB } from '@/lib/db/schema';
import { seededRandom } from '../../bench/corpus';
import { makeArticle } from './library-fixtures';
import { testDb } from './test-db';

/** The kept count and a walk of the table, which must agree. */
async function counts(db: SimlitDB): Promise<[number, number]> {
  return [await keptArticleCount(db), await db.articles.count()];
}

async function expectExact(db: SimlitDB, expected: number): Promise<void> {
  expect(await counts(db)).toEqual([expected, expected]);
}

describe('the article count kept with every write', () => {
  it('counts additions, puts of new and known articles, and batches with repeats and failures', async () => {
    const db = testDb();
    await expectExact(db, 0);
    await db.articles.add(makeArticle('a'));
    await expectExact(db, 1);
    await db.articles.put(makeArticle('a', { title: 'again' }));
    await expectExact(db, 1);
    // The same new id twice in one batch is one article.
    await db.articles.bulkPut([makeArticle('b'), makeArticle('c'), makeArticle('b', { title: 'twice' }), makeArticle('a')]);
    await expectExact(db, 3);
    // An add of a known id fails; the others of the batch are written and counted.
    await expect(db.articles.bulkAdd([makeArticle('d'), makeArticle('a'), makeArticle('e')])).rejects.toThrow();
    await expectExact(db, 5);
  });

  it('counts deletions of known articles only, by key, by query and by clearing', async () => {
    const db = testDb();
    await db.articles.bulkAdd(['a', 'b', 'c', 'd', 'e'].map((id, i) => makeArticle(id, { capturedAt: i, updatedAt: i })));
    await db.articles.bulkDelete(['a', 'a', 'missing']);
    await expectExact(db, 4);
    expect(await keptDeletionCount(db)).toBe(1);
    await db.articles.where('updatedAt').below(3).delete();
    await expectExact(db, 2);
    expect(await keptDeletionCount(db)).toBe(3);
    // A modify rewrites known articles: nothing is added, nothing deleted.
    await db.articles.toCollection().modify({ title: 'modified' });
    await db.articles.update('d', { title: 'updated' });
    await db.articles.put(makeArticle('f'));
    await expectExact(db, 3);
    expect(await keptDeletionCount(db)).toBe(3);
    await db.articles.clear();
    await expectExact(db, 0);
    expect(await keptDeletionCount(db)).toBe(6);
  });

  it('clears from the counters themselves, without reading a listing row, after earlier writes of its transaction', async () => {
    const db = testDb();
    const listingReads: string[] = [];
    // Right above IndexedDB (level 0), below the library's middlewares: every listing read they ask for.
    db.use({
      stack: 'dbcore',
      name: 'listing-reads',
      level: 0,
      create: (down) => ({
        ...down,
        table(name) {
          const table = down.table(name);
          if (name !== 'listing') return table;
          return { ...table, query: (request) => (listingReads.push('query'), table.query(request)), getMany: (request) => (listingReads.push('getMany'), table.getMany(request)) };
        },
      }),
    });
    await db.articles.bulkAdd([makeArticle('a', { tags: ['mri'], language: 'zh' }), makeArticle('b', { savedAt: 1 })]);
    await db.transaction('rw', db.articles, async () => {
      await db.articles.add(makeArticle('c', { tags: ['cohort'] }));
      listingReads.length = 0;
      await db.articles.clear();
    });
    expect(listingReads).toEqual([]);
    await expectExact(db, 0);
    expect(await keptDeletionCount(db)).toBe(3);
    expect(await db.counters.where('key').startsWith('facet/').count()).toBe(0);
  });

  it('stays exact when writes awaited together in one transaction interleave', async () => {
    const db = testDb();
    await db.transaction('rw', db.articles, () =>
      Promise.all([
        db.articles.bulkPut([makeArticle('a'), makeArticle('b')]),
        db.articles.put(makeArticle('c')),
        db.articles.bulkAdd([makeArticle('d'), makeArticle('e'), makeArticle('f')]),
        db.articles.delete('zzz'),
      ]),
    );
    await expectExact(db, 6);
    expect(await keptDeletionCount(db)).toBe(0);
    await db.transaction('rw', db.articles, () => Promise.all([db.articles.delete('a'), db.articles.put(makeArticle('g')), db.articles.bulkDelete(['b', 'c'])]));
    await expectExact(db, 4);
    expect(await keptDeletionCount(db)).toBe(3);
  });

  it('moves back with a write whose transaction fails', async () => {
    const db = testDb();
    await db.articles.bulkAdd([makeArticle('a'), makeArticle('z')]);
    await expect(
      db.transaction('rw', db.articles, async () => {
        await db.articles.bulkPut([makeArticle('b'), makeArticle('c')]);
        await db.articles.delete('z');
        throw new Error('the import was cancelled');
      }),
    ).rejects.toThrow('cancelled');
    await expectExact(db, 2);
    expect(await keptDeletionCount(db)).toBe(0);
  });

  it('agrees with the table after any sequence of the library writes', async () => {
    const random = seededRandom(11);
    const db = testDb();
    const id = () => `id-${Math.floor(random() * 40)}`;
    let deleted = 0;
    for (let step = 0; step < 120; step++) {
      const roll = random();
      const before = await db.articles.count();
      if (roll < 0.35) await db.articles.bulkPut(Array.from({ length: 1 + Math.floor(random() * 5) }, () => makeArticle(id())));
      else if (roll < 0.5) await db.articles.bulkAdd([makeArticle(id())]).catch(() => undefined);
      else if (roll < 0.75) await db.articles.bulkDelete(Array.from({ length: 1 + Math.floor(random() * 4) }, id));
      else if (roll < 0.85) await db.articles.where('id').below(id()).delete();
      else if (roll < 0.9) await db.articles.toCollection().modify({ updatedAt: step });
      else if (roll < 0.93) await db.articles.toCollection().modify((article, ref) => article.capturedAt > 2 && delete (ref as { value?: unknown }).value);
      else if (roll < 0.97) await clearUntouched(db);
      else await deleteAllData(db);
      const [kept, walked] = await counts(db);
      expect(kept, `after step ${step}`).toBe(walked);
      // A step either only adds and rewrites (0.35-0.5, 0.85-0.9), or only deletes.
      if ((roll >= 0.5 && roll < 0.85) || roll >= 0.9) deleted += before - walked;
      expect(await keptDeletionCount(db), `deletions after step ${step}`).toBe(deleted);
    }
  });

  it('is set from the table again when a writer went past it', async () => {
    const indexedDB = new IDBFactory();
    const db = new SimlitDB('simlit', { indexedDB, IDBKeyRange });
    await db.articles.bulkAdd([makeArticle('a'), makeArticle('b')]);
    db.close();
    // A plain Dexie with the same schema has none of the library's middlewares.
    const plain = new Dexie('simlit', { indexedDB, IDBKeyRange });
    for (const { version, stores } of SCHEMA_VERSIONS) plain.version(version).stores(stores);
    await plain.table('articles').bulkAdd([makeArticle('c'), makeArticle('d')]);
    plain.close();
    await db.open();
    expect(await counts(db)).toEqual([2, 4]);
    expect(await recountArticles(db)).toBe(4);
    await expectExact(db, 4);
  });
});
