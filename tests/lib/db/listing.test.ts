import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { libraryFacets, queryLibrary, summarize, type LibraryFilters, type SavedState } from '@/lib/db/articles-query';
import { articleBytes, listingRow } from '@/lib/db/listing';
import { readViewCounts, readWindow, type IndexedSort } from '@/lib/db/listing-query';
import { deleteArticles, newDeletedBatch, restoreArticles } from '@/lib/db/article-deletion';
import { addTags, editArticle, removeTag, setSaved } from '@/lib/db/article-edits';
import { addToCollection, createCollection, deleteCollection, removeFromCollection } from '@/lib/db/collections';
import { deleteAllData, clearUntouched } from '@/lib/db/clear-library';
import { storeCapture } from '@/lib/db/store-capture';
import { backupLibrary } from '@/lib/backup/backup';
import { restoreLibrary } from '@/lib/backup/restore';
import type { Article } from '@/lib/model/article';
import type { SimlitDB } from '@/lib/db/schema';
import { testDb } from './test-db';
import { makeArticle } from './library-fixtures';

/** The listing must hold exactly the rows the articles give, whatever wrote them. */
async function expectInStep(db: SimlitDB): Promise<void> {
  const articles = await db.articles.toArray();
  expect(await db.listing.toArray()).toEqual(articles.map(listingRow));
}

describe('articleBytes', () => {
  it('is within a few percent of the article written as JSON, as UTF-16', () => {
    const articles = [
      makeArticle('a'),
      makeArticle('zh', { title: '基层治理中的形式主义', abstract: '本文基于三省十二县的田野调查，讨论基层治理中的形式主义及其成因。'.repeat(20), tags: ['治理', '田野'] }),
      makeArticle('long', { abstract: 'Cohort study of 1,024 patients followed for ten years. '.repeat(200), note: 'see table 3', readerFields: ['title'] }),
    ];
    for (const article of articles) {
      const json = JSON.stringify(article).length * 2;
      expect(Math.abs(articleBytes(article) - json) / json).toBeLessThan(0.05);
    }
  });
});

describe('the listing table', () => {
  it('follows every write of articles: capture, save, edit, tags, collections, delete, undo, clear, restore', async () => {
    const db = testDb();
    await db.articles.bulkAdd([makeArticle('a', { capturedAt: 1 }), makeArticle('b', { capturedAt: 2, issued: { 'date-parts': [[2020]] } })]);
    await expectInStep(db);
    await storeCapture(db, { pageUrl: 'https://example.org/list', platform: 'meta', kind: 'list', capturedAt: 5 }, [
      makeArticle('c', { title: '基层治理中的形式主义', capturedAt: 5 }),
      makeArticle('a2', { title: 'Article a', ids: ['test:a'], capturedAt: 5, abstract: 'Now with an abstract.' }),
    ]);
    await expectInStep(db);
    expect(await db.listing.count()).toBe(3);
    await setSaved(db, ['a', 'c'], true, 10);
    expect((await db.listing.toArray()).filter((row) => row.savedAt !== undefined)).toHaveLength(2);
    await editArticle(db, 'b', { title: 'A corrected title', issued: { 'date-parts': [[2021]] } }, 11);
    await addTags(db, ['a', 'b'], ['综述'], 12);
    await removeTag(db, ['a'], '综述', 13);
    const thesis = await createCollection(db, '论文', 14);
    await addToCollection(db, thesis.id, ['b', 'c'], 15);
    await removeFromCollection(db, thesis.id, ['c'], 16);
    await expectInStep(db);
    expect(await db.listing.where('collections').equals(thesis.id).count()).toBe(1);
    await deleteCollection(db, thesis.id, 17);
    await expectInStep(db);
    const batch = await deleteArticles(db, ['b'], newDeletedBatch(18));
    await expectInStep(db);
    expect(await db.listing.get('b')).toBeUndefined();
    await restoreArticles(db, batch);
    await expectInStep(db);
    const backup = await backupLibrary(db, 19);
    await clearUntouched(db);
    await expectInStep(db);
    await deleteAllData(db);
    expect(await db.listing.count()).toBe(0);
    await restoreLibrary(db, backup);
    await expectInStep(db);
    expect(await db.listing.count()).toBe(3);
  });

  it('writes nothing for an article whose write is rolled back', async () => {
    const db = testDb();
    await db.articles.add(makeArticle('a'));
    await expect(
      db.transaction('rw', db.articles, async () => {
        await db.articles.put(makeArticle('b'));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await expectInStep(db);
    expect(await db.listing.count()).toBe(1);
  });
});

const TAGS = ['综述', 'mri', 'review'];
const PLATFORMS = ['cnki', 'pubmed', 'meta'];

/** Random libraries with many ties: few capture times, years, tags and sites. */
const articleArb = fc.record({
  capturedAt: fc.integer({ min: 1, max: 6 }),
  year: fc.option(fc.integer({ min: 2018, max: 2021 }), { nil: undefined }),
  saved: fc.boolean(),
  titled: fc.boolean(),
  authored: fc.boolean(),
  tags: fc.subarray(TAGS),
  collections: fc.subarray(['c1', 'c2']),
  platform: fc.constantFrom(...PLATFORMS),
  language: fc.constantFrom('zh', 'en', undefined),
});

type Spec = typeof articleArb extends fc.Arbitrary<infer T> ? T : never;

function toArticles(specs: Spec[]): Article[] {
  return specs.map((spec, i) =>
    // Ids in no relation to the input order, so that ties show whether the order breaks them as the index does.
    makeArticle(`id-${String((i * 37) % 101).padStart(3, '0')}`, {
      title: spec.titled ? `标题 ${i % 3}` : undefined,
      abstract: spec.titled ? undefined : `Abstract ${i}`,
      author: spec.authored ? [{ family: '王', given: '伟' }] : undefined,
      issued: spec.year === undefined ? undefined : { 'date-parts': [[spec.year]] },
      capturedAt: spec.capturedAt,
      savedAt: spec.saved ? 100 + i : undefined,
      tags: spec.tags,
      collections: spec.collections,
      platform: spec.platform,
      language: spec.language,
    }),
  );
}

/** One filter's value, or none. */
const oneFilterArb = fc.option(
  fc.oneof(
    fc.record({ collection: fc.constantFrom('c1', 'c2') }),
    fc.record({ tag: fc.constantFrom(...TAGS) }),
    fc.record({ language: fc.constantFrom('zh', 'en') }),
    fc.record({ year: fc.integer({ min: 2018, max: 2021 }) }),
    fc.record({ platform: fc.constantFrom(...PLATFORMS) }),
  ),
  { nil: {} },
);

/** Views as the reader sets them: mostly no filter or one, sometimes two (with the state). */
const filtersArb: fc.Arbitrary<LibraryFilters> = fc
  .tuple(fc.constantFrom<SavedState>('all', 'all', 'saved', 'captured', 'incomplete'), oneFilterArb, fc.option(oneFilterArb, { nil: {}, freq: 3 }))
  .map(([state, first, second]) => ({ state, ...first, ...second }));

describe('listing queries against a full read', () => {
  it('give every sort and filter the rows, order, counts and filter values of a full read, window by window', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(articleArb, { maxLength: 30 }),
        fc.constantFrom<IndexedSort>('captured', 'year'),
        filtersArb,
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 15 }),
        async (specs, sort, filters, offset, limit) => {
          const db = testDb(`listing-${Math.random()}`);
          const articles = toArticles(specs);
          await db.articles.bulkAdd(articles);
          const full = queryLibrary(articles.map(summarize), { text: '', filters, sort }, undefined, 'zh');
          const window = await readWindow(db, sort, filters, offset, limit);
          expect(window.map((row) => row.id)).toEqual(full.slice(offset, offset + limit).map((row) => row.id));
          const counts = await readViewCounts(db, filters, 'zh');
          expect(counts.total).toBe(articles.length);
          if (counts.count !== undefined) expect(counts.count).toBe(full.length);
          expect(counts.filterValues).toEqual(libraryFacets(articles.map(summarize), 'zh'));
          db.close();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('counts a view with one filter or none from the counters or an index, and leaves several to the caller', async () => {
    const db = testDb();
    const articles = toArticles([
      { capturedAt: 1, year: 2020, saved: true, titled: true, authored: true, tags: ['mri'], collections: ['c1'], platform: 'cnki', language: 'zh' },
      { capturedAt: 2, year: undefined, saved: false, titled: true, authored: true, tags: [], collections: [], platform: 'cnki', language: 'en' },
    ]);
    await db.articles.bulkAdd(articles);
    const count = async (filters: LibraryFilters) => (await readViewCounts(db, filters)).count;
    expect(await count({ state: 'all' })).toBe(2);
    expect(await count({ state: 'saved' })).toBe(1);
    expect(await count({ state: 'captured' })).toBe(1);
    expect(await count({ state: 'incomplete' })).toBe(1);
    expect(await count({ state: 'all', platform: 'cnki' })).toBe(2);
    expect(await count({ state: 'all', language: 'en' })).toBe(1);
    expect(await count({ state: 'all', year: 2020 })).toBe(1);
    expect(await count({ state: 'all', tag: 'mri' })).toBe(1);
    expect(await count({ state: 'all', tag: 'ct' })).toBe(0);
    expect(await count({ state: 'all', collection: 'c1' })).toBe(1);
    expect(await count({ state: 'saved', platform: 'cnki' })).toBeUndefined();
    // The counters move with the next write.
    await setSaved(db, [articles[1].id], true);
    expect(await count({ state: 'saved' })).toBe(2);
  });
});
