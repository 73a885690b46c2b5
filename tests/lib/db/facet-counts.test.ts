import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { libraryFacets, summarize } from '@/lib/db/articles-query';
import { FACET_KEY_PREFIX, keptFacets, recountFacets, UNTOUCHED_BYTES_KEY, UNTOUCHED_COUNT_KEY, UNTOUCHED_SIZED_KEY } from '@/lib/db/facet-counts';
import { articleBytes } from '@/lib/db/listing';
import { recountArticles } from '@/lib/db/article-count';
import { clearUntouched, deleteAllData, isUntouched, storedCounts } from '@/lib/db/clear-library';
import { SCHEMA_VERSIONS, SimlitDB } from '@/lib/db/schema';
import type { Article } from '@/lib/model/article';
import { seededRandom } from '../../bench/corpus';
import { makeArticle } from './library-fixtures';
import { testDb } from './test-db';
import { recordReads } from './read-sizes';
import { WHOLE_TABLE_PAGE } from '@/lib/db/pages-by-id';

const TAGS = ['mri', '随访', 'a/b', 'cohort'];
const PLATFORMS = ['cnki', 'wanfang', 'pubmed'];

/** The filters' values from the kept counters, and as a walk of the whole table finds them. */
async function facets(db: SimlitDB) {
  return [await keptFacets(db, 'zh'), libraryFacets((await db.articles.toArray()).map(summarize), 'zh')];
}

/** The filters' values, and the options page's counts of articles, saved and untouched, kept and walked. */
async function expectExact(db: SimlitDB, message?: string) {
  const [kept, walked] = await facets(db);
  expect(kept, message).toEqual(walked);
  const articles = await db.articles.toArray();
  const counts = await storedCounts(db);
  expect({ articles: counts.articles, saved: counts.saved, untouched: counts.untouched }, message).toEqual({
    articles: articles.length,
    saved: articles.filter((article) => article.savedAt !== undefined).length,
    untouched: articles.filter(isUntouched).length,
  });
  // The room the untouched articles take, every one of them sized (all written since sizes were kept).
  const [sized, bytes] = (await db.counters.bulkGet([UNTOUCHED_SIZED_KEY, UNTOUCHED_BYTES_KEY])).map((row) => row?.value ?? 0);
  const untouched = articles.filter(isUntouched);
  expect({ sized, bytes }, message).toEqual({ sized: untouched.length, bytes: untouched.reduce((total, article) => total + articleBytes(article), 0) });
}

function randomArticle(random: () => number, id: string): Article {
  const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)];
  const year = random() < 0.2 ? undefined : 2018 + Math.floor(random() * 4);
  return makeArticle(id, {
    tags: TAGS.filter(() => random() < 0.3),
    language: pick(['zh', 'en', undefined]),
    issued: year === undefined ? undefined : { 'date-parts': [[year]] },
    platform: pick(PLATFORMS),
    savedAt: random() < 0.3 ? 1_700_000_000_000 : undefined,
    collections: random() < 0.1 ? ['col-1'] : [],
    note: random() < 0.1 ? '复习' : undefined,
    readerFields: random() < 0.1 ? ['title'] : undefined,
  });
}

describe('the filters\' values kept with every write', () => {
  it('agree with the table after any sequence of the library writes', async () => {
    const random = seededRandom(7);
    const db = testDb();
    const id = () => `id-${Math.floor(random() * 30)}`;
    for (let step = 0; step < 150; step++) {
      const roll = random();
      if (roll < 0.3) await db.articles.bulkPut(Array.from({ length: 1 + Math.floor(random() * 5) }, () => randomArticle(random, id())));
      else if (roll < 0.4) await db.articles.bulkAdd([randomArticle(random, id()), randomArticle(random, id())]).catch(() => undefined);
      else if (roll < 0.55) await db.articles.bulkDelete(Array.from({ length: 1 + Math.floor(random() * 3) }, id));
      else if (roll < 0.6) await db.articles.where('id').below(id()).delete();
      else if (roll < 0.7) {
        const tag = TAGS[Math.floor(random() * TAGS.length)];
        await db.articles.toCollection().modify((article) => {
          article.tags = article.tags.includes(tag) ? article.tags.filter((t) => t !== tag) : [...article.tags, tag];
        });
      } else if (roll < 0.72) await db.articles.update(id(), { language: 'en', platform: 'pubmed' });
      else if (roll < 0.75) {
        const kept = random() < 0.5;
        await db.articles.update(id(), kept ? { savedAt: 1_700_000_000_000, note: '复习' } : { savedAt: undefined, note: undefined, readerFields: undefined });
      }
      else if (roll < 0.85) {
        // Writes in flight together name different articles (see articleCountMiddleware).
        const [a, b, c] = [0, 10, 20].map((offset) => `id-${offset + Math.floor(random() * 10)}`);
        await db.transaction('rw', db.articles, () =>
          Promise.all([db.articles.put(randomArticle(random, a)), db.articles.delete(b), db.articles.bulkPut([randomArticle(random, c)])]),
        );
      }
      else if (roll < 0.9)
        await db
          .transaction('rw', db.articles, async () => {
            await db.articles.bulkPut([randomArticle(random, id()), randomArticle(random, id())]);
            throw new Error('cancelled');
          })
          .catch(() => undefined);
      else if (roll < 0.95) await clearUntouched(db);
      else await deleteAllData(db);
      await expectExact(db, `after step ${step}`);
    }
  });

  it('counts a tag an article holds twice once, and leaves no counter at zero', async () => {
    const db = testDb();
    await db.articles.bulkAdd([makeArticle('a', { tags: ['mri', 'mri'], language: 'zh' }), makeArticle('b', { tags: ['mri'], language: 'en' })]);
    expect((await keptFacets(db)).tags).toEqual([{ value: 'mri', count: 2 }]);
    await db.articles.update('a', { tags: [] });
    await db.articles.delete('b');
    const rows = await db.counters.where('key').startsWith(FACET_KEY_PREFIX).toArray();
    expect(rows.map((row) => row.key).sort()).toEqual([`${FACET_KEY_PREFIX}language/zh`, `${FACET_KEY_PREFIX}platform/meta`, UNTOUCHED_BYTES_KEY, UNTOUCHED_COUNT_KEY, UNTOUCHED_SIZED_KEY].sort());
    expect((await keptFacets(db)).tags).toEqual([]);
  });

  it('are counted again from the listing when a writer went past them', async () => {
    const indexedDB = new IDBFactory();
    const db = new SimlitDB('simlit', { indexedDB, IDBKeyRange });
    await db.articles.bulkAdd([makeArticle('a', { tags: ['mri'] })]);
    db.close();
    // A plain Dexie with the same schema has none of the library's middlewares.
    const plain = new Dexie('simlit', { indexedDB, IDBKeyRange });
    for (const { version, stores } of SCHEMA_VERSIONS) plain.version(version).stores(stores);
    const { listingRow } = await import('@/lib/db/listing');
    const b = makeArticle('b', { tags: ['mri', 'cohort'] });
    await plain.table('articles').add(b);
    await plain.table('listing').add(listingRow(b));
    plain.close();
    await db.open();
    expect((await keptFacets(db)).tags).toEqual([{ value: 'mri', count: 1 }]);
    const reads = recordReads();
    await recountFacets(db);
    // The listing is read by pages (lib/db/pages-by-id.ts), never in one read.
    expect(reads.filter((read) => read.store === 'listing').every((read) => read.count === WHOLE_TABLE_PAGE)).toBe(true);
    expect(reads.some((read) => read.store === 'listing')).toBe(true);
    vi.restoreAllMocks();
    // The article count has its own check and recount (lib/ranking/persist.ts).
    await recountArticles(db);
    await expectExact(db);
    expect((await keptFacets(db)).tags).toEqual([{ value: 'cohort', count: 1 }, { value: 'mri', count: 2 }]);
  });
});
