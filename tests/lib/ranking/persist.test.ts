import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isPackedValue } from '@/lib/db/packed-value';
import { SimlitDB } from '@/lib/db/schema';
import type { Article } from '@/lib/model/article';
import { articlePages, loadOrBuildIndex, saveIndex, SNAPSHOT_KEY, UnsavedChanges } from '@/lib/ranking/persist';
import { IndexChangedError, SimilarityIndex } from '@/lib/ranking/similarity-index';

let counter = 0;
function article(id: string, title: string, abstract: string, updatedAt = 1000): Article {
  return { id, type: 'article-journal', title, abstract, platform: 'test', ids: [], titleKey: '', fingerprint: '', sightings: [], capturedAt: 1000, updatedAt, collections: [], tags: [] };
}

const ARTICLES = [
  article('a', 'Pebble games for sparse graphs', 'Pebble game algorithms characterize sparse graphs and their decompositions.'),
  article('b', 'Sparse graph rigidity by pebble games', 'A pebble game decides sparsity and rigidity of graphs.'),
  article('c', '补肾活血汤治疗高血压', '补肾活血汤治疗老年高血压患者，血管内皮功能改善。'),
  article('d', '中药治疗高血压的疗效', '中药治疗高血压患者的血管内皮功能与疗效观察。'),
  article('e', 'Photon pairs at the LHC', 'QCD calculation of photon pair production at hadron colliders.'),
];

const dbs: SimlitDB[] = [];
function openDb(): SimlitDB {
  const db = new SimlitDB(`persist-test-${++counter}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of dbs.splice(0)) await db.delete();
});

const answers = (index: SimilarityIndex, articles: Article[] = ARTICLES) => articles.map((a) => index.similarTo(a).map(({ id, score }) => [id, score.toFixed(9)]));

/** A library of the first `count` articles, with its index's snapshot saved at time 5000. */
async function librarySnapshotAt5000(count: number): Promise<SimlitDB> {
  const db = openDb();
  await db.articles.bulkPut(ARTICLES.slice(0, count));
  await saveIndex(db, await loadOrBuildIndex(db), 5000);
  return db;
}

describe('articlePages', () => {
  it('reads the whole library in pages of the given size, in id order, each article once', async () => {
    const db = openDb();
    await db.articles.bulkPut(ARTICLES);
    const pages: string[][] = [];
    for await (const page of articlePages(db, 2)) pages.push(page.map(({ id }) => id));
    expect(pages).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    const empty = openDb();
    for await (const page of articlePages(empty)) expect(page).toBeUndefined();
  });
});

describe('loadOrBuildIndex', () => {
  it('builds from the library with progress, saves, and loads the same index next time', async () => {
    const db = openDb();
    await db.articles.bulkPut(ARTICLES);
    const progress: number[] = [];
    const built = await loadOrBuildIndex(db, { onProgress: (done) => progress.push(done) });
    expect(progress.at(-1)).toBe(ARTICLES.length);
    expect(await db.indexSnapshots.get(SNAPSHOT_KEY)).toBeDefined();
    const rebuiltProgress: number[] = [];
    const loaded = await loadOrBuildIndex(db, { onProgress: (done) => rebuiltProgress.push(done) });
    expect(rebuiltProgress).toEqual([]); // loaded from the snapshot, not rebuilt
    expect(answers(loaded)).toEqual(answers(built));
  });

  it('keeps the snapshot\'s bytes in one Blob, and loads it as it was saved', async () => {
    const db = openDb();
    await db.articles.bulkPut(ARTICLES);
    const built = await loadOrBuildIndex(db);
    const stored = await db.indexSnapshots.get(SNAPSHOT_KEY);
    expect(isPackedValue(stored?.data)).toBe(true);
    const packed = stored!.data as { bytes: Blob; rest: Record<string, unknown> };
    expect(packed.bytes.size).toBeGreaterThan(0);
    // No typed array is left for the structured clone.
    expect(JSON.stringify(packed.rest)).not.toMatch(/"0":/);
    const progress: number[] = [];
    const loaded = await loadOrBuildIndex(db, { onProgress: (done) => progress.push(done) });
    expect(progress).toEqual([]);
    expect(answers(loaded)).toEqual(answers(built));
  });

  it('loads a snapshot saved before its bytes were packed, without building again', async () => {
    const db = openDb();
    await db.articles.bulkPut(ARTICLES);
    const built = SimilarityIndex.create(ARTICLES);
    const { version, data } = built.toSnapshot();
    await db.indexSnapshots.put({ key: SNAPSHOT_KEY, version, savedAt: 5000, deletionsAsOf: 0, data });
    const progress: number[] = [];
    const loaded = await loadOrBuildIndex(db, { onProgress: (done) => progress.push(done) });
    expect(progress).toEqual([]);
    expect(answers(loaded)).toEqual(answers(built));
  });

  it('builds afresh when the snapshot\'s Blob cannot be read (its file gone)', async () => {
    const db = await librarySnapshotAt5000(ARTICLES.length);
    vi.spyOn(Blob.prototype, 'arrayBuffer').mockRejectedValueOnce(new DOMException('gone', 'NotReadableError'));
    const progress: number[] = [];
    const index = await loadOrBuildIndex(db, { onProgress: (done) => progress.push(done) });
    expect(progress.at(-1)).toBe(ARTICLES.length);
    expect(index.ids().sort()).toEqual(ARTICLES.map(({ id }) => id));
  });

  it('leaves the saving of a rebuilt index to the given save, and writes nothing itself', async () => {
    const db = openDb();
    await db.articles.bulkPut(ARTICLES);
    const saved: SimilarityIndex[] = [];
    const built = await loadOrBuildIndex(db, { save: (index) => void saved.push(index) });
    expect(saved).toEqual([built]);
    expect(await db.indexSnapshots.get(SNAPSHOT_KEY)).toBeUndefined();
  });

  it('catches up with articles added, changed and deleted since the snapshot', async () => {
    const db = await librarySnapshotAt5000(4);
    await db.articles.bulkPut([ARTICLES[4], { ...ARTICLES[0], abstract: `${ARTICLES[0].abstract} Rigidity.`, updatedAt: 6000 }]);
    await db.articles.delete('c');
    await db.articles.put(ARTICLES[2]);
    await db.articles.delete('b');
    const progress: number[] = [];
    const caughtUp = await loadOrBuildIndex(db, { onProgress: (done) => progress.push(done) });
    expect(progress).toEqual([]); // caught up, not rebuilt
    const library = await db.articles.toArray();
    expect(caughtUp.ids().sort()).toEqual(library.map((a) => a.id).sort());
    await caughtUp.compact();
    expect(answers(caughtUp, library)).toEqual(answers(SimilarityIndex.create(library), library));
  });

  it('rewrites the snapshot after catching up only when many articles changed', async () => {
    const db = await librarySnapshotAt5000(3);
    const saves: number[] = [];
    const progress: number[] = [];
    const load = () => loadOrBuildIndex(db, { saveAfterChanges: 2, save: (index) => void saves.push(index.size), onProgress: (done) => progress.push(done) });
    // Written after the snapshot, as captures are: found by updatedAt, the library's ids not walked.
    await db.articles.put({ ...ARTICLES[3], updatedAt: 6000 });
    expect((await load()).size).toBe(4);
    expect(saves).toEqual([]); // one change: the next start catches up again, cheaply
    await db.articles.put({ ...ARTICLES[4], updatedAt: 6000 });
    expect((await load()).size).toBe(5);
    expect(saves).toEqual([5]); // two changes since the snapshot: worth rewriting it
    expect(progress).toEqual([]); // caught up both times, never rebuilt
  });

  it('indexes an article that is both new and changed since the snapshot once', async () => {
    const db = await librarySnapshotAt5000(4);
    await db.articles.put({ ...ARTICLES[4], updatedAt: 6000 });
    const add = vi.spyOn(SimilarityIndex.prototype, 'add');
    try {
      expect((await loadOrBuildIndex(db)).size).toBe(5);
      expect(add.mock.calls.map(([article]) => article.id)).toEqual(['e']);
    } finally {
      add.mockRestore();
    }
  });

  it('builds anew rather than catching up when more articles are new than the snapshot holds', async () => {
    const db = await librarySnapshotAt5000(2);
    await db.articles.bulkPut(ARTICLES.slice(2));
    const progress: number[] = [];
    const index = await loadOrBuildIndex(db, { onProgress: (done) => progress.push(done) });
    expect(progress.at(-1)).toBe(ARTICLES.length);
    expect(index.ids().sort()).toEqual(ARTICLES.map(({ id }) => id));
  });

  it('rebuilds when the snapshot was saved by an older tokenizer version', async () => {
    const db = openDb();
    await db.articles.bulkPut(ARTICLES);
    await db.indexSnapshots.put({ key: SNAPSHOT_KEY, version: 'idx0:tok0:old', savedAt: 1, data: '{"old":true}' });
    const progress: number[] = [];
    const index = await loadOrBuildIndex(db, { onProgress: (done) => progress.push(done) });
    expect(progress.at(-1)).toBe(ARTICLES.length);
    expect(index.size).toBe(ARTICLES.length);
    expect((await db.indexSnapshots.get(SNAPSHOT_KEY))?.version).toBe(index.toSnapshot().version);
  });

  it('catches up without walking the library when no article was deleted since the snapshot', async () => {
    const db = await librarySnapshotAt5000(3);
    await db.articles.bulkPut([{ ...ARTICLES[3], updatedAt: 6000 }, { ...ARTICLES[0], title: 'Pebble games, again', updatedAt: 7000 }]);
    const walk = vi.spyOn(db.articles, 'toCollection');
    const caughtUp = await loadOrBuildIndex(db);
    expect(walk).not.toHaveBeenCalled();
    const library = await db.articles.toArray();
    expect(caughtUp.ids().sort()).toEqual(['a', 'b', 'c', 'd']);
    await caughtUp.compact();
    expect(answers(caughtUp, library)).toEqual(answers(SimilarityIndex.create(library), library));
  });

  it('finds an article added with an older updatedAt (restored from a backup) by the library count', async () => {
    const db = await librarySnapshotAt5000(3);
    await db.articles.put({ ...ARTICLES[3], updatedAt: 1000 });
    expect((await loadOrBuildIndex(db)).ids().sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps an article that has no updatedAt through a catch-up', async () => {
    const db = await librarySnapshotAt5000(3);
    // As an article written by an older version or a tool might be: in no range of updatedAt.
    await db.articles.update('b', { updatedAt: undefined });
    await db.articles.put({ ...ARTICLES[3], updatedAt: 6000 });
    expect((await loadOrBuildIndex(db)).ids().sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('walks the library once for a snapshot saved before deletions were counted, and saves it again', async () => {
    const db = await librarySnapshotAt5000(4);
    await db.indexSnapshots.update(SNAPSHOT_KEY, { deletionsAsOf: undefined });
    // A deletion from before the count was kept, and an addition the changes do not show: the
    // library's size is the snapshot's.
    await db.articles.delete('d');
    await db.counters.put({ key: 'deletions', value: 0 });
    await db.articles.put({ ...ARTICLES[4], updatedAt: 1000 });
    const saves: number[] = [];
    const caughtUp = await loadOrBuildIndex(db, { save: (index) => void saves.push(index.size) });
    expect(caughtUp.ids().sort()).toEqual(['a', 'b', 'c', 'e']);
    expect(saves).toEqual([4]);
  });

  it('saves the snapshot again after a catch-up that walked the library (an article deleted since), so that the next start does not', async () => {
    const db = await librarySnapshotAt5000(4);
    await db.articles.delete('b');
    const saveAgain = (index: SimilarityIndex) => saveIndex(db, index, 6000);
    const walk = vi.spyOn(db.articles, 'toCollection');
    expect((await loadOrBuildIndex(db, { saveAfterChanges: 100, save: saveAgain })).ids().sort()).toEqual(['a', 'c', 'd']);
    expect(walk).toHaveBeenCalledTimes(1);
    expect((await loadOrBuildIndex(db, { saveAfterChanges: 100, save: saveAgain })).ids().sort()).toEqual(['a', 'c', 'd']);
    expect(walk).toHaveBeenCalledTimes(1);
  });

  it('saves nothing, and says so, when the index changed while its snapshot was taken', async () => {
    const db = openDb();
    const index = SimilarityIndex.create(ARTICLES);
    vi.spyOn(index, 'snapshotSteps').mockImplementation(function* () {
      yield;
      throw new IndexChangedError();
    });
    expect(await saveIndex(db, index)).toBe(false);
    expect(await db.indexSnapshots.count()).toBe(0);
    vi.mocked(index.snapshotSteps).mockRestore();
    expect(await saveIndex(db, index)).toBe(true);
    expect(await db.indexSnapshots.count()).toBe(1);
  });

  it('gives an empty index for an empty library', async () => {
    const index = await loadOrBuildIndex(openDb());
    expect(index.size).toBe(0);
    expect(index.similarTo(ARTICLES[0])).toEqual([]);
  });

  it('sets the article count again when a build or a catch-up finds it differs from the table', async () => {
    const db = openDb();
    await db.articles.bulkPut(ARTICLES.slice(0, 3));
    const count = async () => (await db.counters.get('articles'))?.value;
    // As a writer that went past the library's middleware would leave it.
    await db.counters.put({ key: 'articles', value: 7 });
    await loadOrBuildIndex(db);
    expect(await count()).toBe(3);
    await db.articles.bulkPut(ARTICLES.slice(3));
    await db.counters.put({ key: 'articles', value: 1 });
    const caughtUp = await loadOrBuildIndex(db);
    expect(caughtUp.size).toBe(5);
    expect(await count()).toBe(5);
  });
});

describe('UnsavedChanges', () => {
  it('says a snapshot is due once enough changes add up, and counts again after a save', () => {
    const unsaved = new UnsavedChanges(200);
    expect(unsaved.add(150)).toBe(false);
    expect(unsaved.add(60)).toBe(true);
    expect(unsaved.add(1)).toBe(true);
    unsaved.saved();
    expect(unsaved.add(20)).toBe(false);
  });
});
