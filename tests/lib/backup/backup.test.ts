import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SimlitDB } from '@/lib/db/schema';
import { BACKUP_VERSION, backupFileName, backupLibrary } from '@/lib/backup/backup';
import { restoreLibrary } from '@/lib/backup/restore';
import { pinCitationKeys, withCitationKeys } from '@/lib/db/citation-keys';
import { isUntouched } from '@/lib/db/clear-library';
import { presentFields } from '@/lib/merge';
import { PRUNE_LOG_KEY } from '@/lib/storage/prune';
import { WHOLE_TABLE_PAGE } from '@/lib/db/pages-by-id';
import { recordReads } from '../db/read-sizes';
import { freshDb, sampleLibrary } from './sample-library';
import { makeArticle } from '../db/library-fixtures';

async function tables(db: SimlitDB) {
  return {
    articles: await db.articles.orderBy('id').toArray(),
    collections: await db.collections.orderBy('id').toArray(),
    settings: await db.settings.orderBy('key').toArray(),
    captures: (await db.captures.toArray()).map(({ id: _id, ...capture }) => capture),
  };
}

afterEach(() => vi.restoreAllMocks());

describe('backupLibrary', () => {
  it('writes every table but the search index, with a format version', async () => {
    const db = freshDb();
    await sampleLibrary(db);
    await db.indexSnapshots.put({ key: 'main', version: '1', savedAt: 1, data: { big: true } });
    const backup = JSON.parse(await backupLibrary(db, Date.UTC(2026, 10, 30)));
    expect(backup).toMatchObject({ format: 'simlit-backup', version: BACKUP_VERSION, createdAt: '2026-11-30T00:00:00.000Z', schemaVersion: db.verno });
    expect(backup.articles).toHaveLength(2);
    expect(backup.collections).toHaveLength(1);
    expect(backup.settings).toHaveLength(2);
    expect(backup.captures).toHaveLength(1);
    expect(backup).not.toHaveProperty('indexSnapshots');
  });

  it('reads the articles and captures by pages, never all in one read', async () => {
    const db = freshDb();
    await sampleLibrary(db);
    const reads = recordReads();
    const backup = JSON.parse(await backupLibrary(db));
    expect(backup.articles).toHaveLength(2);
    const large = reads.filter((read) => read.store === 'articles' || read.store === 'captures');
    expect(large.map((read) => read.store).sort()).toEqual(['articles', 'captures']);
    expect(large.every((read) => read.count === WHOLE_TABLE_PAGE)).toBe(true);
  });

  it('leaves out Simlit\'s own records kept among the settings (the pruning log)', async () => {
    const db = freshDb();
    await sampleLibrary(db);
    await db.settings.put({ key: PRUNE_LOG_KEY, value: [{ at: 1, articles: 3, bytes: 10, sites: [] }] });
    const backup = JSON.parse(await backupLibrary(db));
    expect(backup.settings.map((row: { key: string }) => row.key).sort()).toEqual(['pausedSites', 'uiLanguage']);
  });

  it('names the file by date', () => {
    expect(backupFileName(new Date('2026-11-30T12:00:00Z'))).toBe('simlit-backup-2026-11-30.json');
  });
});

describe('backup then restore on another browser', () => {
  it('brings back everything: articles with tags, notes, collections; settings; captures', async () => {
    const source = freshDb();
    await sampleLibrary(source);
    const target = freshDb();
    const report = await restoreLibrary(target, await backupLibrary(source));
    expect(report.error).toBeUndefined();
    expect(report.conflicts).toEqual([]);
    expect(report.articles).toEqual({ added: 2, merged: 0, unchanged: 0 });
    expect(report.dropped).toEqual([]);
    // An article the reader had touched comes back as theirs: its fields are listed as the reader's.
    const expected = await tables(source);
    expected.articles = expected.articles.map((article) => (isUntouched(article) ? article : { ...article, readerFields: presentFields(article) }));
    expect(await tables(target)).toEqual(expected);
  });

  it('cites the articles by the keys BibTeX exports gave them', async () => {
    const source = freshDb();
    await sampleLibrary(source);
    const articles = await source.articles.orderBy('id').toArray();
    const keys = (await pinCitationKeys(source, articles)).map((article) => article.citationKey);
    expect(keys.every(Boolean)).toBe(true);
    const target = freshDb();
    await restoreLibrary(target, await backupLibrary(source));
    const restored = await target.articles.orderBy('id').toArray();
    expect((await withCitationKeys(target, restored)).map((article) => article.citationKey)).toEqual(keys);
    expect((await pinCitationKeys(target, restored)).map((article) => article.citationKey)).toEqual(keys);
  });

  it('restored into the library it came from, changes nothing for the keys exports gave', async () => {
    const source = freshDb();
    await sampleLibrary(source);
    // A library as a restore leaves it (the touched articles' fields the reader's), its keys given.
    const db = freshDb();
    await restoreLibrary(db, await backupLibrary(source));
    await pinCitationKeys(db, await db.articles.orderBy('id').toArray());
    const before = await tables(db);
    const report = await restoreLibrary(db, await backupLibrary(db));
    expect(report.articles).toEqual({ added: 0, merged: 0, unchanged: 2 });
    expect(await tables(db)).toEqual(before);
  });

  it('keeps a restored key only where no other article holds it', async () => {
    const source = freshDb();
    await sampleLibrary(source);
    const articles = await source.articles.orderBy('id').toArray();
    const keys = (await pinCitationKeys(source, articles)).map((article) => article.citationKey!);
    // In the other browser an export gave the first article's key to an article of its own.
    const target = freshDb();
    await target.articles.add(makeArticle('theirs', { title: 'Another article altogether' }));
    await target.citationKeys.add({ id: 'theirs', key: keys[0] });
    await restoreLibrary(target, await backupLibrary(source));
    const restored = await withCitationKeys(target, await target.articles.bulkGet(articles.map((article) => article.id)).then((rows) => rows.map((row) => row!)));
    expect(restored.map((article) => article.citationKey)).toEqual([undefined, keys[1]]);
    const all = await pinCitationKeys(target, await target.articles.toArray());
    expect(new Set(all.map((article) => article.citationKey)).size).toBe(all.length);
  });

  it('restoring the same backup again changes nothing', async () => {
    const source = freshDb();
    await sampleLibrary(source);
    const text = await backupLibrary(source);
    const target = freshDb();
    await restoreLibrary(target, text);
    const before = await tables(target);
    const again = await restoreLibrary(target, text);
    expect(again.articles).toEqual({ added: 0, merged: 0, unchanged: 2 });
    expect(again.captures).toEqual({ added: 0, unchanged: 1 });
    expect(again.conflicts).toEqual([]);
    expect(await tables(target)).toEqual(before);
  });
});
