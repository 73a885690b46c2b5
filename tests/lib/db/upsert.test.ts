import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { chunksTakenFrom, findKnown, newWriteLog, rollBack, SEEN_RESOLUTION_MS, upsertArticles, upsertChunks } from '@/lib/db/upsert';
import { DELETED_AT_ONCE } from '@/lib/db/deletion-chunks';
import { watchDeletions } from './watch-deletions';
import { IDENTITY_KEYS } from '@/lib/model/article';
import { article, SEED_DUPLICATE_ABSTRACT } from '../capture/fixtures';
import { testDb } from './test-db';

const PAGE = 'http://journal.example.cn/ch/reader/search_similar.aspx?file_no=1';

describe('upsertArticles', () => {
  it('finds the known article by every identity key the model lists', async () => {
    const db = testDb();
    const stored = { ...article({ title: 'Circadian cortisol and fatigue', abstract: SEED_DUPLICATE_ABSTRACT, doi: '10.1000/a', platformId: '7' }), id: 'known' };
    await db.articles.add(stored);
    const probes = {
      DOI: article({ doi: '10.1000/a' }),
      ids: article({ platformId: '7', title: 'Another title entirely' }),
      titleKey: article({ title: 'CIRCADIAN cortisol, and fatigue.' }),
      fingerprint: article({ abstract: `${SEED_DUPLICATE_ABSTRACT} ` }),
    };
    expect(Object.keys(probes)).toEqual(IDENTITY_KEYS.map(({ key }) => key));
    for (const probe of Object.values(probes)) expect((await findKnown(db, probe))?.id).toBe('known');
    expect(await findKnown(db, article({ doi: '10.1000/b', title: 'Circadian cortisol and fatigue' }))).toBeUndefined();
  });

  it('records when a page last showed an article, rewriting a repeat only when that is an hour old', async () => {
    const db = testDb();
    const at = (time: number) => article({ title: 'An article seen again and again', platformId: '1' }, 'qinyun', time, PAGE);
    await db.transaction('rw', db.articles, () => upsertArticles(db, [at(1_000)]));
    const [first] = await db.articles.toArray();
    expect(first.seenAt).toBe(1_000);
    await db.transaction('rw', db.articles, () => upsertArticles(db, [at(1_000 + SEEN_RESOLUTION_MS - 1)]));
    expect((await db.articles.get(first.id))?.seenAt).toBe(1_000);
    await db.transaction('rw', db.articles, () => upsertArticles(db, [at(1_000 + SEEN_RESOLUTION_MS)]));
    expect((await db.articles.get(first.id))?.seenAt).toBe(1_000 + SEEN_RESOLUTION_MS);
  });

  it("keeps an article's time when a page only shows it again, and dates a change of its content now", async () => {
    const db = testDb();
    const at = (time: number, fields = {}) => article({ title: 'An article seen again and again', platformId: '1', ...fields }, 'qinyun', time, PAGE);
    await db.transaction('rw', db.articles, () => upsertArticles(db, [at(1_000)]));
    const [first] = await db.articles.toArray();
    const { written } = await db.transaction('rw', db.articles, () => upsertArticles(db, [at(1_000 + 2 * SEEN_RESOLUTION_MS)]));
    expect(written).toEqual([]);
    expect(await db.articles.get(first.id)).toMatchObject({ seenAt: 1_000 + 2 * SEEN_RESOLUTION_MS, updatedAt: first.updatedAt });
    const before = Date.now();
    await db.transaction('rw', db.articles, () => upsertArticles(db, [at(1_000 + 3 * SEEN_RESOLUTION_MS, { abstract: SEED_DUPLICATE_ABSTRACT })]));
    expect((await db.articles.get(first.id))!.updatedAt).toBeGreaterThanOrEqual(before);
  });

  it("keeps an article's time when another site shows its known different version again", async () => {
    const db = testDb();
    const home = article({ title: 'Deep learning for protein folding', doi: '10.1000/legit.1', abstract: SEED_DUPLICATE_ABSTRACT }, 'meta', 1_000, 'http://www.nature.com/articles/legit');
    const elsewhere = (time: number, title = 'Deep learning for protein folding - RETRACTED') => article({ title, doi: '10.1000/legit.1' }, 'qinyun', time, PAGE);
    await db.transaction('rw', db.articles, () => upsertArticles(db, [home]));
    const first = await db.transaction('rw', db.articles, () => upsertArticles(db, [elsewhere(2_000)]));
    expect(first.written).toHaveLength(1); // a version kept aside is new content
    const kept = (await db.articles.get(home.id))!;
    expect(kept.alternatives).toHaveLength(1);
    const again = await db.transaction('rw', db.articles, () => upsertArticles(db, [elsewhere(2_000 + 2 * SEEN_RESOLUTION_MS)]));
    expect(again.written).toEqual([]);
    expect(await db.articles.get(home.id)).toMatchObject({ updatedAt: kept.updatedAt, seenAt: 2_000 + 2 * SEEN_RESOLUTION_MS });
    const other = await db.transaction('rw', db.articles, () => upsertArticles(db, [elsewhere(3_000 + 2 * SEEN_RESOLUTION_MS, 'Protein folding, corrected by the page')]));
    expect(other.written).toHaveLength(1); // the page now says something else
  });

  it('adds at most maxNew new articles and counts the rest as dropped; known ones still merge', async () => {
    const db = testDb();
    const known = article({ title: 'Already in the library', platformId: '0' });
    await db.articles.add(known);
    const batch = [known, ...Array.from({ length: 5 }, (_, i) => article({ title: `A flooding page's article ${i}`, platformId: String(i + 1) }))];
    const result = await db.transaction('rw', db.articles, () => upsertArticles(db, batch, { maxNew: 2 }));
    expect(result.dropped).toBe(3);
    expect(result.entries.map((entry) => entry.status)).toEqual(['known', 'new', 'new']);
    expect(await db.articles.count()).toBe(3);
  });

  it('puts deleted articles back whole (undo), merged into a copy captured meanwhile', async () => {
    const db = testDb();
    const deleted = { ...article({ title: 'Deleted then captured again', platformId: '9' }, 'qinyun', 1, PAGE), savedAt: 3, readerFields: ['title'], note: '笔记' };
    await db.transaction('rw', db.articles, () => upsertArticles(db, [deleted], { source: 'undo' }));
    expect(await db.articles.get(deleted.id)).toEqual(deleted);
    await db.articles.clear();
    const recaptured = { ...article({ title: 'Deleted then captured again, longer', platformId: '9' }, 'qinyun', 50, PAGE), id: 'fresh-id' };
    await db.articles.add(recaptured);
    const { entries } = await db.transaction('rw', db.articles, () => upsertArticles(db, [deleted], { source: 'undo' }));
    const back = await db.articles.get('fresh-id');
    expect(entries[0].articleId).toBe('fresh-id');
    expect(back).toMatchObject({ title: 'Deleted then captured again', savedAt: 3, note: '笔记', readerFields: ['title'] });
  });
});

describe('upsertChunks', () => {
  const numbered = (i: number) => article({ title: `A chunked article number ${i}`, platformId: String(i) });

  it('writes chunk by chunk with the outcome of one batch: a duplicate in a later chunk merges into one added earlier', async () => {
    const db = testDb();
    const batch = [numbered(0), numbered(1), numbered(2), { ...numbered(0), id: 'again', abstract: 'A longer abstract, seen later.' }, numbered(3)];
    const progress: number[] = [];
    const { entries, writtenIds } = await upsertChunks(db, chunksTakenFrom(batch, 2), { source: 'capture', onEach: (done) => progress.push(done) });
    expect(entries.map((entry) => entry.status)).toEqual(['new', 'new', 'new', 'merged', 'new']);
    expect(entries[3].articleId).toBe(entries[0].articleId);
    expect(await db.articles.count()).toBe(4);
    expect((await db.articles.get(entries[0].articleId))?.abstract).toBe('A longer abstract, seen later.');
    expect(writtenIds.size).toBe(4);
    expect(progress).toEqual([0, 2, 4]);
  });

  it('calls afterWrites in each chunk\'s transaction once its writes are made', async () => {
    const db = testDb();
    const modes: (string | undefined)[] = [];
    const counts: Promise<number>[] = [];
    await upsertChunks(db, chunksTakenFrom([0, 1, 2, 3, 4].map(numbered), 2), {
      source: 'file',
      afterWrites: () => {
        modes.push(Dexie.currentTransaction?.mode);
        // Read in that transaction: the chunk's articles are there.
        counts.push(db.articles.count());
      },
    });
    expect(modes).toEqual(['readwrite', 'readwrite', 'readwrite']);
    expect(await Promise.all(counts)).toEqual([2, 4, 5]);
  });

  it('stops where a chunk\'s check throws, earlier chunks written and logged for rollBack', async () => {
    const db = testDb();
    const log = newWriteLog();
    let chunk = 0;
    const check = async () => {
      if (++chunk === 2) throw new Error('the collection was deleted');
    };
    const batch = [0, 1, 2, 3, 4].map(numbered);
    await expect(upsertChunks(db, chunksTakenFrom(batch, 2), { source: 'file', check, log })).rejects.toThrow('the collection was deleted');
    expect(await db.articles.count()).toBe(2);
    expect([...log.added.keys()].sort()).toEqual((await db.articles.toCollection().primaryKeys()).sort());
    await rollBack(db, log);
    expect(await db.articles.count()).toBe(0);
  });

  it('takes back what it wrote except an article changed since (a capture meanwhile), which stays as it is', async () => {
    const db = testDb();
    const log = newWriteLog();
    const { entries } = await upsertChunks(db, chunksTakenFrom([0, 1, 2].map(numbered), 2), { source: 'file', log });
    const [kept, ...others] = entries.map((entry) => entry.articleId);
    const seenAgain = await db.articles.get(kept);
    await db.articles.put({ ...seenAgain!, updatedAt: seenAgain!.updatedAt + 1, sightings: [...seenAgain!.sightings, ...seenAgain!.sightings] });
    await rollBack(db, log);
    expect((await db.articles.toArray()).map((one) => one.id)).toEqual([kept]);
    expect(await db.articles.bulkGet(others)).toEqual([undefined, undefined]);
  });

  it('takes back a large import a chunk a transaction, the versions it changed put back', async () => {
    const db = testDb();
    const known = await db.articles.add(numbered(0)).then(() => db.articles.get(numbered(0).id));
    const log = newWriteLog();
    const incoming = [{ ...numbered(0), abstract: 'Changed by the import.' }, ...Array.from({ length: DELETED_AT_ONCE * 2 + 20 }, (_, i) => numbered(i + 1))];
    const size = incoming.length;
    await upsertChunks(db, chunksTakenFrom(incoming, 50), { source: 'file', log });
    expect(await db.articles.count()).toBe(size);
    const deletions = watchDeletions(db);
    const progress: string[] = [];
    await rollBack(db, log, (done, total) => progress.push(`${done}/${total}`));
    expect(deletions.map((d) => d.count)).toEqual([DELETED_AT_ONCE - 1, DELETED_AT_ONCE, 21]);
    expect(progress).toEqual([`${DELETED_AT_ONCE}/${size}`, `${DELETED_AT_ONCE * 2}/${size}`, `${size}/${size}`]);
    expect(new Set(deletions.map((d) => d.transaction)).size).toBe(3);
    expect(await db.articles.toArray()).toEqual([known]);
  });
});

describe('chunksTakenFrom', () => {
  it('hands over the items in chunks, in order, each taken out of the array as it goes', () => {
    const items = [1, 2, 3, 4, 5];
    const chunks = chunksTakenFrom(items, 2);
    expect(chunks.next().value).toEqual([1, 2]);
    expect(items).toEqual([3, 4, 5]);
    expect([...chunks]).toEqual([[3, 4], [5]]);
    expect(items).toEqual([]);
  });
});
