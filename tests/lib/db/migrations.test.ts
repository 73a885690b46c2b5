import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSIONS, SimlitDB } from '@/lib/db/schema';
import { articleBytes, isEdited, isUntouchedRow, listingRow, type ListingRow, type TouchFields } from '@/lib/db/listing';
import { sizingDone, unsavedTally } from '@/lib/storage/prune';
import { recordReads } from './read-sizes';
import { facetCounterRows } from '@/lib/db/facet-counts';
import { makeArticle } from './library-fixtures';
import { recordFingerprint } from '@/lib/model/fingerprint';
import { isUntouched, storedCounts } from '@/lib/db/clear-library';
import type { Article } from '@/lib/model/article';
import { libraryFacets, summarize } from '@/lib/db/articles-query';
import { FACET_KEY_PREFIX, keptFacets } from '@/lib/db/facet-counts';
import { v1 } from './samples/v1';
import { v2 } from './samples/v2';
import { v3 } from './samples/v3';
import { v4 } from './samples/v4';
import { v5 } from './samples/v5';
import { v6 } from './samples/v6';
import { v7 } from './samples/v7';
import { v8 } from './samples/v8';
import { v9 } from './samples/v9';
import { v10 } from './samples/v10';
import { v11 } from './samples/v11';

/** Sample data as each released schema version wrote it, by version number. */
const SAMPLES: Record<number, Record<string, object[]>> = { 1: v1, 2: v2, 3: v3, 4: v4, 5: v5, 6: v6, 7: v7, 8: v8, 9: v9, 10: v10, 11: v11 };

type Row = Record<string, unknown>;

/** The articles table's indexes since version 9 (identity lookups, catch-up, citation keys). */
const ARTICLE_INDEXES = ['DOI', 'citationKey', 'fingerprint', 'ids', 'titleKey', 'updatedAt'];
/** The listing table's indexes since version 9 (the list's sorts, collections, the incomplete articles). */
const LISTING_INDEXES = ['[yearKey+capturedAt]', 'capturedAt', 'collections', 'incomplete'];

/** The indexes the database itself has on a table (not Dexie's declaration of them). */
function indexesOf(db: SimlitDB, table: 'articles' | 'listing'): string[] {
  return [...db.backendDB().transaction(table).objectStore(table).indexNames].sort();
}

/** What each later version's upgrade does to a row written before it (by version, by table). */
const UPGRADES: Record<number, Record<string, (row: Row) => Row>> = {
  2: {
    articles: (row) => ({
      ...row,
      seenAt: Math.max(row.capturedAt as number, ...(row.sightings as { capturedAt: number }[]).map((sighting) => sighting.capturedAt)),
    }),
  },
  // Version 4 adds the listing table, filled from the articles (checked below); no row changes.
  4: {},
  // Version 5 counts the articles into the counters table (checked below); no row changes.
  5: {},
  // Version 7 counts the filters' values into the counters table (checked below); no row changes.
  7: {},
  // Version 8 marks the listing rows of articles with a note or an edited field, and counts the
  // saved and the untouched articles (checked below).
  8: { listing: (row) => (EDITED.has(row.id as string) && isUntouchedRow(row as unknown as TouchFields) ? { ...row, edited: 1 } : row) },
  // Version 10 gives the articles nothing else identifies their record's fingerprint (checked
  // below); every sample article has a title key, so no row changes.
  10: {},
};

/** Every sample article with a note or an edited field. */
const EDITED = new Set(Object.values(SAMPLES).flatMap((sample) => (sample.articles as Article[]).filter(isEdited).map((article) => article.id)));

/** The filters' counters are checked against the articles, whichever version wrote them. */
const withoutFacetCounters = (rows: unknown[]) => (rows as Row[]).filter((row) => !String(row.key).startsWith(FACET_KEY_PREFIX));

/** A sample row of `version` as the current schema holds it after every later upgrade. */
function upgraded(version: number, table: string, row: Row): Row {
  return SCHEMA_VERSIONS.filter((v) => v.version > version).reduce((current, v) => UPGRADES[v.version]?.[table]?.(current) ?? current, row);
}

afterEach(() => vi.restoreAllMocks());

describe('schema migrations', () => {
  it('has an upgrade expectation for every version with an upgrade', () => {
    expect(SCHEMA_VERSIONS.filter((v) => v.upgrade).map((v) => v.version)).toEqual(Object.keys(UPGRADES).map(Number));
  });

  it('has sample data for every released schema version', () => {
    expect(Object.keys(SAMPLES).map(Number)).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))('opens a library written by version %i with all its data', async (version) => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('simlit', { indexedDB, IDBKeyRange });
    for (const past of SCHEMA_VERSIONS.filter((v) => v.version <= version)) old.version(past.version).stores(past.stores);
    const sample = SAMPLES[version];
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(sample)) await old.table(table).bulkAdd(rows);
    });
    old.close();

    const current = new SimlitDB('simlit', { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    for (const [table, rows] of Object.entries(sample)) {
      const expected = rows.map((row) => upgraded(version, table, row as Row));
      const stored = await current.table(table).toArray();
      if (table === 'counters') expect(withoutFacetCounters(stored)).toEqual(withoutFacetCounters(expected));
      else expect(stored).toEqual(expected);
    }
    // The indexes the library relies on answer for the old data.
    const [first] = sample.articles as { id: string; DOI: string; ids: string[] }[];
    expect((await current.articles.where('DOI').equals(first.DOI).first())?.id).toBe(first.id);
    expect((await current.articles.where('ids').equals(first.ids[0]).first())?.id).toBe(first.id);
    expect(await current.listing.where('collections').equals('col-1').count()).toBe(1);
    // Versions 6 and 9 dropped the indexes nothing reads.
    expect(indexesOf(current, 'articles')).toEqual(ARTICLE_INDEXES);
    expect(indexesOf(current, 'listing')).toEqual(LISTING_INDEXES);
    // Citation keys (version 2) are looked up by the index.
    expect(await current.articles.where('citationKey').equals('wang2024wenze').count()).toBe(version >= 2 ? 1 : 0);
    // And so are those exports gave (version 11), kept apart from the articles.
    expect(await current.citationKeys.where('key').equals('li2023jiceng').count()).toBe(version >= 11 ? 1 : 0);
    // Stored terms (version 3) come back with their counts as typed arrays.
    expect((await current.articleTerms.toArray()).every((row) => row.counts instanceof Uint16Array)).toBe(true);
    // The library list (version 4) holds every article's row, read through its indexes.
    const articles = await current.articles.toArray();
    // Rows from before version 8 carry `edited` where it decides whether the article was touched.
    // Rows carried over from version 4 on have no size (made by the version 4 upgrade, they have).
    const marked = (row: ListingRow) => (version < 8 && !isUntouchedRow({ ...row, edited: undefined }) ? { ...row, edited: undefined } : row);
    const asUpgraded = (row: ListingRow) => (version >= 4 ? { ...marked(row), bytes: undefined } : marked(row));
    expect((await current.listing.toArray()).map(asUpgraded)).toEqual(articles.map(listingRow).map(asUpgraded));
    if (version >= 4) expect((await current.listing.toArray()).every((row) => row.bytes === undefined)).toBe(true);
    expect((await current.listing.orderBy('capturedAt').reverse().first())?.id).toBe([...articles].sort((a, b) => b.capturedAt - a.capturedAt)[0].id);
    // The article count (version 5) is the number of articles, and moves with the next write.
    expect(await current.counters.get('articles')).toEqual({ key: 'articles', value: articles.length });
    // So are the filters' values (version 7), and they move with the next write.
    expect(await keptFacets(current)).toEqual(libraryFacets(articles.map(summarize)));
    // And the saved and the untouched articles (version 8).
    const counted = (kept: Article[]) => ({ saved: kept.filter((article) => article.savedAt !== undefined).length, untouched: kept.filter(isUntouched).length });
    expect(await storedCounts(current)).toMatchObject(counted(articles));
    // The storage limit's measure finds the room the untouched articles take, whether their rows
    // have sizes or not, and sizes those that lack one: the next measure reads no article.
    const untouchedRoom = { articles: articles.filter(isUntouched).length, bytes: articles.filter(isUntouched).reduce((total, article) => total + articleBytes(article), 0) };
    expect(await unsavedTally(current)).toEqual(untouchedRoom);
    await sizingDone(current);
    const reads = recordReads();
    expect(await unsavedTally(current)).toEqual(untouchedRoom);
    expect(reads.filter((read) => read.store === 'articles')).toEqual([]);
    vi.restoreAllMocks();
    await current.articles.delete(articles[0].id);
    expect((await current.counters.get('articles'))?.value).toBe(articles.length - 1);
    expect(await keptFacets(current)).toEqual(libraryFacets(articles.slice(1).map(summarize)));
    expect(await storedCounts(current)).toMatchObject(counted(articles.slice(1)));
    current.close();
  });

  it('marks the listing rows of untouched-looking articles with a note or an edited field, and counts the untouched (version 8)', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('simlit', { indexedDB, IDBKeyRange });
    for (const past of SCHEMA_VERSIONS.filter((v) => v.version <= 7)) old.version(past.version).stores(past.stores);
    const articles = [
      makeArticle('noted', { note: '复习' }),
      makeArticle('edited', { readerFields: ['title'] }),
      makeArticle('plain'),
      makeArticle('saved-noted', { savedAt: 1, note: '复习' }),
    ];
    const rows = articles.map((article) => ({ ...listingRow(article), edited: undefined }));
    await old.table('articles').bulkAdd(articles);
    await old.table('listing').bulkAdd(rows);
    await old.table('counters').bulkAdd([{ key: 'articles', value: 4 }, ...facetCounterRows([])]);
    old.close();

    const current = new SimlitDB('simlit', { indexedDB, IDBKeyRange });
    expect((await current.listing.toArray()).filter((row) => row.edited).map((row) => row.id).sort()).toEqual(['edited', 'noted']);
    expect(await storedCounts(current)).toMatchObject({ articles: 4, saved: 1, untouched: 1 });
    // Unsaving the saved one writes its row anew, marked: still touched.
    await current.articles.update('saved-noted', { savedAt: undefined });
    expect(await storedCounts(current)).toMatchObject({ saved: 0, untouched: 1 });
    expect((await current.listing.get('saved-noted'))?.edited).toBe(1);
    current.close();
  });

  it('sets the counters whole at version 8: one no row counts towards any more does not keep its version 7 value', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('simlit', { indexedDB, IDBKeyRange });
    for (const past of SCHEMA_VERSIONS.filter((v) => v.version <= 7)) old.version(past.version).stores(past.stores);
    const noted = makeArticle('noted', { note: '复习' });
    const rows = [{ ...listingRow(noted), edited: undefined }];
    await old.table('articles').add(noted);
    await old.table('listing').bulkAdd(rows);
    // As version 7 counted it: untouched-looking, so counted untouched (and sized).
    await old.table('counters').bulkAdd([{ key: 'articles', value: 1 }, ...facetCounterRows(rows)]);
    old.close();

    const current = new SimlitDB('simlit', { indexedDB, IDBKeyRange });
    expect(await storedCounts(current)).toMatchObject({ articles: 1, untouched: 0 });
    expect(await unsavedTally(current)).toEqual({ articles: 0, bytes: 0 });
    current.close();
  });

  it('gives the articles nothing else identifies their record as fingerprint, and leaves every other article as it was (version 10)', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('simlit', { indexedDB, IDBKeyRange });
    for (const past of SCHEMA_VERSIONS.filter((v) => v.version <= 9)) old.version(past.version).stores(past.stores);
    const record: Partial<Article> = { author: [{ family: '黄', given: '子平' }], issued: { 'date-parts': [[1985]] }, 'container-title': '文学评论' };
    // As version 9 stored them: no identity key at all.
    const unidentified = [
      makeArticle('essay', { title: '论二十世纪中国文学', ...record, ids: [], titleKey: '', fingerprint: '' }),
      makeArticle('bare', { title: '前言', ids: [], titleKey: '', fingerprint: '' }),
    ];
    const identified = [
      makeArticle('with-doi', { title: '序', ...record, DOI: '10.1000/xu', ids: [], titleKey: '', fingerprint: '' }),
      makeArticle('with-id', { title: '跋', ...record, titleKey: '', fingerprint: '' }),
      makeArticle('with-key', { title: '中国现代文学的起源问题', ...record, ids: [], fingerprint: '' }),
    ];
    await old.table('articles').bulkAdd([...unidentified, ...identified]);
    old.close();

    const current = new SimlitDB('simlit', { indexedDB, IDBKeyRange });
    const essay = await current.articles.get('essay');
    expect(essay?.fingerprint).toBe(recordFingerprint(unidentified[0]));
    expect(essay?.fingerprint).not.toBe('');
    // The same record read again (a file imported twice) is found by it.
    const again = recordFingerprint({ ...unidentified[0], title: ' 论二十世纪中国文学 ' });
    expect((await current.articles.where('fingerprint').equals(again).first())?.id).toBe('essay');
    // A bare title says too little; the others are identified otherwise and keep what they had.
    expect(await current.articles.get('bare')).toEqual(unidentified[1]);
    for (const article of identified) expect(await current.articles.get(article.id)).toEqual(article);
    current.close();
  });

  it('makes a new library with only the indexes something reads (versions 6 and 9)', async () => {
    const db = new SimlitDB('simlit', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    expect(indexesOf(db, 'articles')).toEqual(ARTICLE_INDEXES);
    expect(indexesOf(db, 'listing')).toEqual(LISTING_INDEXES);
    db.close();
  });
});
