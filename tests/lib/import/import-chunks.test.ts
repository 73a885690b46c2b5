import Dexie from 'dexie';
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SimlitDB } from '@/lib/db/schema';
import { upsertArticles } from '@/lib/db/upsert';
import { listingRow } from '@/lib/db/listing';
import { ARTICLE_COUNT_KEY } from '@/lib/db/article-count';
import { importFile } from '@/lib/import/import-file';
import { parseImportFile } from '@/lib/import/parse';
import { cslToArticle } from '@/lib/import/to-article';
import type { Article } from '@/lib/model/article';
import { makeArticle } from '../db/library-fixtures';
import { captureMeanwhile } from '../db/capture-meanwhile';

let counter = 0;
function freshDb(): SimlitDB {
  return new SimlitDB(`import-chunks-${++counter}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

/** The library without the modification times merges stamp with the clock. */
async function libraryOf(db: SimlitDB): Promise<Omit<Article, 'updatedAt'>[]> {
  return (await db.articles.toArray()).map(({ updatedAt: _u, ...rest }) => rest);
}

/** What the import did before chunks: every article through upsertArticles, one by one, in one transaction. */
async function importOneByOne(db: SimlitDB, text: string, now: number) {
  const articles = parseImportFile(text, 'file.json').items.flatMap((item) => cslToArticle(item, { now }) ?? []);
  return db.transaction('rw', db.articles, () => upsertArticles(db, articles, { source: 'file' }));
}

const TITLES = ['基层治理中的形式主义', 'Deep learning for protein folding', '问责压力下基层干部的避责行为', 'Soil carbon under no-till farming'];

/** CSL items that duplicate one another (and the library) by DOI, by title, or not at all. */
const itemArb = fc.record({
  title: fc.constantFrom(...TITLES),
  suffix: fc.constantFrom('', ' (II)', ' (III)'),
  doi: fc.option(fc.constantFrom('10.1/a', '10.1/b', '10.1/c'), { nil: undefined }),
  abstract: fc.option(fc.constantFrom('第一段摘要。', 'An abstract.'), { nil: undefined }),
  year: fc.option(fc.integer({ min: 2019, max: 2022 }), { nil: undefined }),
});

type Item = typeof itemArb extends fc.Arbitrary<infer T> ? T : never;

function fileOf(items: Item[]): string {
  return JSON.stringify(
    items.map((item, i) => ({
      id: `item-${i}`,
      type: 'article-journal',
      title: item.title + item.suffix,
      DOI: item.doi,
      abstract: item.abstract,
      issued: item.year ? { 'date-parts': [[item.year]] } : undefined,
    })),
  );
}

const LIBRARY = [
  makeArticle('known-doi', { title: 'Deep learning for protein folding', DOI: '10.1/a', capturedAt: 1 }),
  makeArticle('known-title', { title: '基层治理中的形式主义', capturedAt: 2, savedAt: 3 }),
];

describe('import in chunks', () => {
  it('adds and merges exactly as importing article by article did, duplicates inside the file and against the library included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(itemArb, { minLength: 1, maxLength: 24 }), fc.integer({ min: 1, max: 7 }), fc.boolean(), async (items, chunkSize, withLibrary) => {
        const text = fileOf(items);
        const [chunked, oneByOne] = [freshDb(), freshDb()];
        if (withLibrary) for (const db of [chunked, oneByOne]) await db.articles.bulkAdd(LIBRARY);
        const report = await importFile(chunked, text, { fileName: 'file.json', now: 1000, chunkSize });
        const { entries } = await importOneByOne(oneByOne, text, 1000);
        expect(await libraryOf(chunked)).toEqual(await libraryOf(oneByOne));
        expect([report.added, report.merged, report.unchanged]).toEqual(
          (['new', 'merged', 'known'] as const).map((status) => entries.filter((entry) => entry.status === status).length),
        );
        expect(await chunked.listing.toArray()).toEqual((await chunked.articles.toArray()).map(listingRow));
        expect((await chunked.counters.get(ARTICLE_COUNT_KEY))?.value).toBe(await chunked.articles.count());
        chunked.close();
        oneByOne.close();
      }),
      { numRuns: 40 },
    );
  });

  it('takes back the chunks already written when the reader cancels: the library is as before', async () => {
    const db = freshDb();
    await db.articles.bulkAdd(LIBRARY);
    const before = await db.articles.toArray();
    // The first item enriches a known article (a DOI match), the others are new.
    const items = [{ id: 'x', type: 'article-journal', title: 'Deep learning for protein folding', DOI: '10.1/a', abstract: 'Now with an abstract.' }];
    for (let i = 0; i < 250; i++) items.push({ id: `n${i}`, type: 'article-journal', title: `Imported article number ${i}`, DOI: `10.2/${i}`, abstract: '' });
    const controller = new AbortController();
    let writtenMeanwhile = 0;
    const report = await importFile(db, JSON.stringify(items), {
      fileName: 'file.json',
      chunkSize: 100,
      signal: controller.signal,
      onProgress: ({ stage, done }) => {
        if (stage !== 'writing' || done !== 200) return;
        writtenMeanwhile = done;
        controller.abort();
      },
    });
    expect(writtenMeanwhile).toBe(200);
    expect(report).toMatchObject({ cancelled: true, added: 0 });
    expect(await db.articles.toArray()).toEqual(before);
    expect(await db.listing.toArray()).toEqual(before.map(listingRow));
  });

  it('lets a capture issued during an import finish before the import does, and keeps it', async () => {
    const db = freshDb();
    const items = Array.from({ length: 600 }, (_, i) => ({ id: `n${i}`, type: 'article-journal', title: `Imported article number ${i}` }));
    const capture = captureMeanwhile(db, 100);
    const report = await importFile(db, JSON.stringify(items), { fileName: 'file.json', chunkSize: 100, onProgress: capture.onProgress });
    expect(report.added).toBe(600);
    // The capture was written while the import still had chunks to go.
    expect(await capture.progressWhenStored()).toBeLessThan(items.length - 100);
    expect(await db.articles.get('captured')).toBeDefined();
    expect(await db.articles.count()).toBe(601);
  });

  it('puts an article whose id was taken behind its back (put back with an old updatedAt) as before, and keeps the count exact', async () => {
    const db = freshDb();
    const now = 1000;
    const items = Array.from({ length: 300 }, (_, i) => ({ id: `n${i}`, type: 'article-journal', title: `Imported article number ${i}` }));
    // The id the last chunk's first article will take, put in the library by an undo while the import runs.
    const target = cslToArticle(items[200], { now })!.id;
    let undo: Promise<unknown> | undefined;
    const report = await importFile(db, JSON.stringify(items), {
      fileName: 'file.json',
      chunkSize: 100,
      now,
      onProgress: ({ stage, done }) => {
        if (stage !== 'writing' || done !== 100 || undo) return;
        undo = Dexie.ignoreTransaction(() => db.articles.put(makeArticle(target, { title: 'Deleted, then put back', updatedAt: 1 })));
      },
    });
    await undo;
    expect(report).toMatchObject({ added: 300, error: undefined });
    expect((await db.articles.get(target))?.title).toBe('Imported article number 200');
    expect(await db.articles.count()).toBe(300);
    expect((await db.counters.get(ARTICLE_COUNT_KEY))?.value).toBe(300);
    expect(await db.listing.toArray()).toEqual((await db.articles.toArray()).map(listingRow));
  });
});
