import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SimlitDB } from '@/lib/db/schema';
import type { RankingReply } from '@/lib/messages';
import type { Article } from '@/lib/model/article';
import { readLibraryState, sameLibraryState } from '@/lib/db/library-state';
import { SNAPSHOT_KEY, snapshotData } from '@/lib/ranking/persist';
import { REFRESH_BATCH, RankingService, type RankingServiceOptions } from '@/lib/ranking/ranking-service';
import { SimilarityIndex } from '@/lib/ranking/similarity-index';
import { DAMAGES } from './damaged-snapshot';
import { makeArticle } from '../db/library-fixtures';
import { testDb } from '../db/test-db';

afterEach(() => vi.restoreAllMocks());

const LIBRARY = [
  makeArticle('pebble', { title: 'Pebble games for sparse graphs', abstract: 'Pebble game algorithms characterize sparse graphs and their rigidity.' }),
  makeArticle('rigidity', { title: 'Sparse graph rigidity by pebble games', abstract: 'A pebble game decides sparsity and rigidity of graphs.' }),
  makeArticle('herbs', { title: '补肾活血汤治疗高血压', abstract: '补肾活血汤治疗老年高血压患者,血管内皮功能改善。' }),
  makeArticle('photons', { title: 'Photon pairs at the LHC', abstract: 'QCD calculation of photon pair production at hadron colliders.' }),
];
const LATE = makeArticle('late', { title: 'Pebble game rigidity of sparse graphs', abstract: 'Sparse graphs, pebble games and rigidity matroids.' });

async function serviceOver(articles: Article[], options: Partial<RankingServiceOptions> = {}) {
  const db = testDb();
  await db.articles.bulkAdd(articles);
  const service = new RankingService(db, { keepAlive: async () => undefined, ...options });
  return { db, service };
}

/** Holds the first call of a table method, and so the load making it, until released. */
function hold(table: object, method: 'get' | 'bulkGet' | 'bulkPut'): () => void {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const methods = table as Record<typeof method, (...args: unknown[]) => unknown>;
  const original = methods[method].bind(table);
  let first = true;
  vi.spyOn(methods, method).mockImplementation((...args) => {
    if (!first) return original(...args);
    first = false;
    return held.then(() => original(...args));
  });
  return release;
}

function ids(reply: RankingReply): string[] {
  if (!reply.ok || !('results' in reply)) throw new Error(`no results: ${JSON.stringify(reply)}`);
  return reply.results.map((result) => result.id);
}

/** The ids held by the saved snapshot, once it satisfies `until`. */
async function snapshotIds(db: SimlitDB, until: (ids: string[]) => boolean = () => true): Promise<string[]> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const stored = await db.indexSnapshots.get(SNAPSHOT_KEY);
    const data = stored && (await snapshotData(stored.data));
    const index = stored && data ? SimilarityIndex.fromSnapshot({ version: stored.version, data }) : undefined;
    if (index && until(index.ids())) return index.ids().sort();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the snapshot never became as expected');
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether each warm-up slice run from now on finished the warm-up, in order. */
function recordWarmUpSlices(): boolean[] {
  const finished: boolean[] = [];
  const warmUp = SimilarityIndex.prototype.warmUp;
  vi.spyOn(SimilarityIndex.prototype, 'warmUp').mockImplementation(function (this: SimilarityIndex, budget?: number) {
    const done = warmUp.call(this, budget);
    finished.push(done);
    return done;
  });
  return finished;
}

/**
 * A second service over a library whose snapshot holds LIBRARY, its load held once it has compared
 * the snapshot with the library: what is written or changed from then on is news to it.
 */
async function reloadHeld(options: Partial<RankingServiceOptions> = {}) {
  const { db, service } = await serviceOver(LIBRARY);
  await service.similar(['pebble'], 10);
  await snapshotIds(db);
  const reloaded = new RankingService(db, { keepAlive: async () => undefined, waitForLoadMs: 10, ...options });
  const release = hold(db.articles, 'bulkGet');
  reloaded.warm();
  await expect.poll(() => vi.mocked(db.articles.bulkGet).mock.calls.length).toBe(1);
  return { db, reloaded, release };
}

describe('RankingService', () => {
  it('warms the index after loading, a slice per task: a question asked meanwhile is answered before the warm-up ends, no slice running while it is', async () => {
    const { service } = await serviceOver([...LIBRARY, LATE], { warmUpSlice: 1 });
    const finished = recordWarmUpSlices();
    service.warm();
    await expect.poll(() => finished.length).toBeGreaterThan(0);
    const question = service.similar(['pebble'], 10);
    const slicesBefore = finished.length;
    const answer = ids(await question);
    expect(finished.length).toBe(slicesBefore);
    expect(finished).not.toContain(true);
    expect(answer.slice(0, 2).sort()).toEqual(['late', 'rigidity']);
    await expect.poll(() => finished.at(-1)).toBe(true);
    expect(finished.filter((done) => !done).length).toBeGreaterThan(5);
  });

  it('warms again after a change (which empties what was looked up), and answers as before', async () => {
    const { service } = await serviceOver(LIBRARY, { warmUpSlice: 2 });
    const finished = recordWarmUpSlices();
    service.warm();
    await expect.poll(() => finished.at(-1)).toBe(true);
    const before = finished.length;
    service.written([LATE]);
    await expect.poll(() => finished.length > before && finished.at(-1)).toBe(true);
    expect(finished.slice(before)).toContain(false);
    expect(ids(await service.similar(['pebble'], 10)).slice(0, 2).sort()).toEqual(['late', 'rigidity']);
  });

  it('builds the index at the first question, answers it, and saves the new index right after', async () => {
    const { db, service } = await serviceOver(LIBRARY);
    expect(await db.indexSnapshots.get(SNAPSHOT_KEY)).toBeUndefined();
    const neighbours = ids(await service.similar(['pebble'], 10));
    expect(neighbours[0]).toBe('rigidity');
    expect(neighbours).not.toContain('pebble');
    expect(neighbours).not.toContain('herbs');
    expect(await snapshotIds(db)).toEqual(['herbs', 'pebble', 'photons', 'rigidity']);
    expect(ids(await service.search('photon', 5))).toEqual(['photons']);
  });

  it('answers with the build\'s progress while loading takes longer than a question waits, then with results', async () => {
    const { db, service } = await serviceOver(LIBRARY, { waitForLoadMs: 20 });
    const release = hold(db.indexSnapshots, 'get');
    expect(await service.similar(['pebble'], 10)).toEqual({ ok: true, indexing: { done: 0, total: 0 } });
    expect(await service.search('pebble', 10)).toEqual({ ok: true, indexing: { done: 0, total: 0 } });
    release();
    await expect.poll(async () => ('results' in (await service.similar(['pebble'], 10)) ? 'answered' : 'waiting')).toBe('answered');
    expect(ids(await service.similar(['pebble'], 10))[0]).toBe('rigidity');
  });

  it('answers with the progress at once when the load is a build that will take longer than a question waits', async () => {
    // A clock on which each look takes an hour: the build's first progress foretells hours more.
    let hours = 0;
    const { db, service } = await serviceOver(LIBRARY, { waitForLoadMs: 600_000, now: () => hours++ * 3_600_000 });
    // The build's first slice is tokenized and reported; storing its terms waits.
    const release = hold(db.articleTerms, 'bulkPut');
    expect(await service.similar(['pebble'], 10)).toEqual({ ok: true, indexing: { done: LIBRARY.length - 1, total: LIBRARY.length } });
    release();
    await expect.poll(async () => ('results' in (await service.similar(['pebble'], 10)) ? 'answered' : 'waiting')).toBe('answered');
  });

  it('waits for a build that will end within a question\'s wait, and answers with results', async () => {
    const { service } = await serviceOver(LIBRARY, { waitForLoadMs: 600_000, now: () => 0 });
    expect(ids(await service.similar(['pebble'], 10))[0]).toBe('rigidity');
  });

  it('applies captures and library edits that arrive while the index loads', async () => {
    // Built and saved without LATE.
    const { db, reloaded, release } = await reloadHeld();
    await db.articles.add(LATE);
    reloaded.written([LATE]);
    await db.articles.delete('rigidity');
    await reloaded.changed(['rigidity']);
    release();
    await expect.poll(async () => ('results' in (await reloaded.similar(['pebble'], 10)) ? 'answered' : 'waiting')).toBe('answered');
    const neighbours = ids(await reloaded.similar(['pebble'], 10));
    expect(neighbours[0]).toBe('late');
    expect(neighbours).not.toContain('rigidity');
  });

  it('re-reads a large change batch by batch, and a change arriving meanwhile in turn after it', async () => {
    const { db, service } = await serviceOver(LIBRARY);
    await service.similar(['pebble'], 10);
    const imported = Array.from({ length: 2 * REFRESH_BATCH + 7 }, (_, i) => makeArticle(`imported-${i}`, { title: `Imported article ${i}`, abstract: `Number ${i} of an import.` }));
    await db.articles.bulkAdd([...imported, LATE]);
    const reads = vi.spyOn(db.articles, 'bulkGet');
    const large = service.changed(imported.map((article) => article.id));
    // Sent while the large change is being read: answered once its own article is indexed.
    await service.changed(['late']);
    expect(ids(await service.similar(['pebble'], 10))).toContain('late');
    await large;
    expect(reads.mock.calls.map(([keys]) => keys.length).every((size) => size <= REFRESH_BATCH)).toBe(true);
    expect(reads.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(await db.articleTerms.count()).toBe(LIBRARY.length + imported.length + 1);
    expect(ids(await service.search('imported article', 500))).toHaveLength(imported.length);
  });

  describe('a change larger than the index', () => {
    const imported = Array.from({ length: 30 }, (_, i) => makeArticle(`imported-${i}`, { title: `Imported article ${i}`, abstract: `Number ${i} of an import.` }));
    const importedIds = imported.map((article) => article.id);
    const readImported = (reads: { mock: { calls: unknown[][] } }) => reads.mock.calls.flat(2).filter((id) => importedIds.includes(id as string));

    /** A service over LIBRARY told of the import, its build beside the index held once it has read the library's one page. */
    async function buildHeld(options: Partial<RankingServiceOptions> = {}) {
      const { db, service } = await serviceOver(LIBRARY, { rebuildAfterChanges: 10, ...options });
      await service.similar(['pebble'], 10);
      await db.articles.bulkAdd(imported);
      const reads = vi.spyOn(db.articles, 'bulkGet');
      const release = hold(db.articleTerms, 'bulkGet');
      const large = service.changed(importedIds);
      await expect.poll(() => vi.mocked(db.articleTerms.bulkGet).mock.calls.length).toBe(1);
      return { db, service, reads, release, large };
    }

    it('is read by a build of the library beside the index, which answers meanwhile; the build takes its place and is saved', async () => {
      const { db, service, reads, release, large } = await buildHeld({ saveDelayMs: 0 });
      // Asked while the build runs: the index it had answers, without the imported articles.
      expect(ids(await service.search('imported article', 500))).toEqual([]);
      expect(ids(await service.similar(['pebble'], 10))[0]).toBe('rigidity');
      release();
      await large;
      // Read by the build, page by page, not batch by batch.
      expect(readImported(reads)).toEqual([]);
      expect(ids(await service.search('imported article', 500))).toHaveLength(imported.length);
      expect(await db.articleTerms.count()).toBe(LIBRARY.length + imported.length);
      expect(await snapshotIds(db, (held) => held.length === LIBRARY.length + imported.length)).toContain('imported-0');
    });

    it('is read batch by batch when it arrives while the index loads, and the loaded index keeps it', async () => {
      const { db, reloaded, release } = await reloadHeld({ rebuildAfterChanges: 10 });
      await db.articles.bulkAdd(imported);
      const large = reloaded.changed(importedIds);
      release();
      await large;
      await expect.poll(async () => ('results' in (await reloaded.search('imported article', 500)) ? 'answered' : 'waiting')).toBe('answered');
      expect(ids(await reloaded.search('imported article', 500))).toHaveLength(imported.length);
    });

    it('leaves to the new index an article deleted while the build runs', async () => {
      const { db, service, release, large } = await buildHeld();
      await db.articles.delete('imported-3');
      const deleted = service.changed(['imported-3']);
      release();
      await Promise.all([large, deleted]);
      const found = ids(await service.search('imported article', 500));
      expect(found).toHaveLength(imported.length - 1);
      expect(found).not.toContain('imported-3');
    });

    it('leaves to the new index what is captured while the build runs', async () => {
      const { db, service, release, large } = await buildHeld();
      // Written after the build read the library's page.
      await db.articles.add(LATE);
      service.written([LATE]);
      release();
      await large;
      expect(ids(await service.similar(['pebble'], 10))[0]).toBe('late');
      expect(ids(await service.search('imported article', 500))).toHaveLength(imported.length);
    });

    it('is read batch by batch when the build fails, and the console says so', async () => {
      const { db, service } = await serviceOver(LIBRARY, { rebuildAfterChanges: 10 });
      await service.similar(['pebble'], 10);
      await db.articles.bulkAdd(imported);
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      vi.spyOn(db.articles, 'count').mockRejectedValueOnce(new Error('the database failed'));
      const reads = vi.spyOn(db.articles, 'bulkGet');
      await service.changed(importedIds);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not be built again'), 'Error');
      expect(readImported(reads).sort()).toEqual([...importedIds].sort());
      expect(ids(await service.search('imported article', 500))).toHaveLength(imported.length);
    });
  });

  it.each(DAMAGES)('builds the index again beside a loaded snapshot whose %s its warm-up finds damaged, answering meanwhile, and saves the build', async (_, withDamage) => {
    const { db, service } = await serviceOver(LIBRARY);
    await service.similar(['pebble'], 10);
    await snapshotIds(db);
    const stored = (await db.indexSnapshots.get(SNAPSHOT_KEY))!;
    await db.indexSnapshots.put({ ...stored, data: withDamage((await snapshotData(stored.data))!) });
    const savedWhole = async () => {
      const saved = (await db.indexSnapshots.get(SNAPSHOT_KEY))!;
      const index = SimilarityIndex.fromSnapshot({ version: saved.version, data: (await snapshotData(saved.data))! });
      return index !== undefined && index.warmUp() && !index.damaged;
    };
    expect(await savedWhole()).toBe(false);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const reloaded = new RankingService(db, { keepAlive: async () => undefined, saveDelayMs: 0 });
    // Answered by the loaded index, leaving out what is damaged.
    expect(Array.isArray(ids(await reloaded.similar(['pebble'], 10)))).toBe(true);
    await expect.poll(savedWhole, { timeout: 30_000 }).toBe(true);
    expect(warn.mock.calls.filter(([message]) => String(message).includes('damaged'))).toHaveLength(1);
    expect(ids(await reloaded.similar(['pebble'], 10))[0]).toBe('rigidity');
  });

  it('keeps few changes out of the snapshot, and saves once enough have arrived', async () => {
    const { db, service } = await serviceOver(LIBRARY, { saveAfterChanges: 3, saveDelayMs: 0 });
    await service.similar(['pebble'], 10);
    await snapshotIds(db, (held) => held.length === LIBRARY.length);
    const extra = [LATE, makeArticle('x1', { title: 'Graph rigidity' }), makeArticle('x2', { title: 'Sparse matroids' })];
    await db.articles.bulkAdd(extra);
    service.written(extra.slice(0, 2));
    expect(ids(await service.similar(['pebble'], 10))).toContain('late'); // answered at once, from memory
    await pause(50);
    expect(await snapshotIds(db)).not.toContain('late');
    service.written(extra.slice(2));
    expect(await snapshotIds(db, (held) => held.includes('x2'))).toEqual(['herbs', 'late', 'pebble', 'photons', 'rigidity', 'x1', 'x2']);
  });

  it('catches up at its next start with an edit made before a save whose notice had not reached it by then', async () => {
    const { db, service } = await serviceOver(LIBRARY, { saveAfterChanges: 1, saveDelayMs: 0 });
    await service.similar(['pebble'], 10);
    await snapshotIds(db, (held) => held.length === LIBRARY.length);
    // A capture makes a save due; a moment later the library page edits an article, and its
    // notice is still on its way (or never comes: the page was closed) when the save is made.
    const capturedAt = Date.now() - 60_000;
    const captured = { ...LATE, updatedAt: capturedAt };
    await db.articles.add(captured);
    service.written([captured]);
    const photons = LIBRARY.find(({ id }) => id === 'photons')!;
    await db.articles.put({ ...photons, abstract: 'Quasar microlensing of photon pairs.', updatedAt: capturedAt + 1 });
    await snapshotIds(db, (held) => held.includes('late'));
    const restarted = new RankingService(db, { keepAlive: async () => undefined });
    expect(ids(await restarted.search('quasar', 5))).toEqual(['photons']);
  });

  it('keeps the answer for a captured page with its capture', async () => {
    const { db, service } = await serviceOver([...LIBRARY, LATE]);
    const captureId = (await db.captures.add({ pageUrl: 'https://example.org/list', platform: 'test', kind: 'list', capturedAt: 1, items: [] })) as number;
    await service.rememberSimilar(captureId, ['pebble', 'late']);
    const kept = (await db.captures.get(captureId))?.similar?.map((result) => result.id);
    expect(kept?.[0]).toBe('rigidity'); // the page's own articles are never their neighbours
    expect(kept).not.toContain('pebble');
    expect(kept).not.toContain('late');
  });

  it('keeps with the answer the library state it was ranked in, which the library holds until something changes', async () => {
    const { db, service } = await serviceOver(LIBRARY.map((article, i) => ({ ...article, updatedAt: 1_000 + i })));
    const capture = () => db.captures.add({ pageUrl: 'https://example.org/a', platform: 'test', kind: 'article', capturedAt: 1, items: [] }) as Promise<number>;
    const late = { ...LATE, updatedAt: 2_000 };
    await db.articles.add(late);
    service.written([late]);
    const first = await capture();
    await service.rememberSimilar(first, ['late']);
    const asOf = (await db.captures.get(first))?.similarAsOf;
    expect(asOf).toEqual({ newest: 2_000, size: 5 });
    expect(await service.similar(['late'], 10)).toMatchObject({ ok: true, librarySize: 5 }); // what the scores are read against
    expect(sameLibraryState(asOf, await readLibraryState(db))).toBe(true);
    // A deletion changes the size; an edit the newest write.
    await db.articles.delete('photons');
    expect(sameLibraryState(asOf, await readLibraryState(db))).toBe(false);
    await service.changed(['photons']);
    await db.articles.update('herbs', { title: '补肾活血汤', updatedAt: 3_000 });
    await service.changed(['herbs']);
    const second = await capture();
    await service.rememberSimilar(second, ['late']);
    const now = (await db.captures.get(second))?.similarAsOf;
    expect(now).toEqual({ newest: 3_000, size: 4 });
    expect(sameLibraryState(now, await readLibraryState(db))).toBe(true);
  });

  it('leaves a capture with the answer it started with while that answer holds the library, and ranks it again once it does not', async () => {
    const { db, service } = await serviceOver(LIBRARY.map((article, i) => ({ ...article, updatedAt: 1_000 + i })));
    const capture = (similar: { id: string; score: number; terms: string[] }[], similarAsOf?: { newest: number; size: number }) =>
      db.captures.add({ pageUrl: 'https://example.org/again', platform: 'test', kind: 'article', capturedAt: 1, items: [], similar, ...(similarAsOf ? { similarAsOf } : {}) }) as Promise<number>;
    const ranked = await capture([]);
    await service.rememberSimilar(ranked, ['pebble']);
    const asOf = (await db.captures.get(ranked))?.similarAsOf;
    expect(asOf).toEqual({ newest: 1_000 + LIBRARY.length - 1, size: LIBRARY.length });
    // Passed on from the page's earlier capture, ranked in the library as it is: kept as it came.
    const passedOn = [{ id: 'photons', score: 0.5, terms: ['photon'] }];
    const current = await capture(passedOn, asOf);
    await service.rememberSimilar(current, ['pebble'], asOf);
    expect((await db.captures.get(current))?.similar).toEqual(passedOn);
    // Ranked in a library that has changed since: ranked again.
    const stale = await capture(passedOn, { newest: 999, size: LIBRARY.length });
    await service.rememberSimilar(stale, ['pebble'], { newest: 999, size: LIBRARY.length });
    expect((await db.captures.get(stale))?.similar?.[0]?.id).toBe('rigidity');
    expect((await db.captures.get(stale))?.similarAsOf).toEqual(asOf);
  });

  it('keeps no library state with an answer ranked while changes were still being read', async () => {
    const { db, service } = await serviceOver(LIBRARY);
    await service.similar(['pebble'], 10);
    await db.articles.add({ ...LATE, updatedAt: 2_000_000_000_000 });
    const release = hold(db.articles, 'bulkGet');
    const reading = service.changed(['late']);
    const captureId = (await db.captures.add({ pageUrl: 'https://example.org/b', platform: 'test', kind: 'article', capturedAt: 1, items: [] })) as number;
    await service.rememberSimilar(captureId, ['pebble']);
    const kept = await db.captures.get(captureId);
    expect(kept?.similar?.length).toBeGreaterThan(0);
    expect(kept?.similarAsOf).toBeUndefined(); // the index did not hold 'late' yet
    release();
    await reading;
    await service.rememberSimilar(captureId, ['pebble']);
    expect(sameLibraryState((await db.captures.get(captureId))?.similarAsOf, await readLibraryState(db))).toBe(true);
  });

  describe('answers kept for open tabs', () => {
    const captureIn = (db: SimlitDB, tab: { id: number; url: string }, articleId: string) =>
      db.captures.add({ pageUrl: tab.url, platform: 'test', kind: 'article', tabId: tab.id, capturedAt: Date.now(), items: [{ articleId, status: 'new' }] }) as Promise<number>;
    const keptIds = async (db: SimlitDB, captureId: number) => (await db.captures.get(captureId))?.similar?.map((result) => result.id) ?? [];
    const holdsLibrary = async (db: SimlitDB, captureId: number) => sameLibraryState((await db.captures.get(captureId))?.similarAsOf, await readLibraryState(db));

    it('ranks them again once a capture elsewhere changed the library: by URL where the tab\'s is known, else by tab', async () => {
      const tabs = [
        { id: 1, url: 'https://a.example/pebble' },
        { id: 2, url: 'https://b.example/herbs' },
      ];
      // Tab 2's URL is not given (no access to its site): its latest capture in that tab counts.
      const { db, service } = await serviceOver(LIBRARY.map((article, i) => ({ ...article, updatedAt: 1_000 + i })), {
        keptAnswersDelayMs: 0,
        openTabs: async () => [tabs[0], { id: 2 }],
      });
      const first = await captureIn(db, tabs[0], 'pebble');
      const second = await captureIn(db, tabs[1], 'rigidity');
      await service.rememberSimilar(first, ['pebble']);
      await service.rememberSimilar(second, ['rigidity']);
      expect(await keptIds(db, first)).not.toContain('late');
      const late = { ...LATE, updatedAt: 2_000 };
      await db.articles.add(late);
      expect(await holdsLibrary(db, first)).toBe(false);
      service.written([late]);
      await expect.poll(() => holdsLibrary(db, first)).toBe(true);
      await expect.poll(() => holdsLibrary(db, second)).toBe(true);
      expect((await keptIds(db, first)).slice(0, 2).sort()).toEqual(['late', 'rigidity']);
      expect(await keptIds(db, second)).toContain('late');
      // A deletion made in the library page reaches them too.
      await db.articles.delete('rigidity');
      await service.changed(['rigidity']);
      await expect.poll(() => holdsLibrary(db, first)).toBe(true);
      expect(await keptIds(db, first)).not.toContain('rigidity');
    });

    it('leaves answers that hold the library, and those of closed tabs, as they are', async () => {
      const open = { id: 7, url: 'https://a.example/pebble' };
      const other = { id: 8, url: 'https://b.example/rigidity' };
      let releaseTabs: () => void = () => {};
      const tabsAsked = new Promise<void>((resolve) => (releaseTabs = resolve));
      // The round asks for the tabs only once the new page's own answer is kept (the background keeps it at once).
      const { db, service } = await serviceOver(LIBRARY.map((article, i) => ({ ...article, updatedAt: 1_000 + i })), {
        keptAnswersDelayMs: 0,
        openTabs: async () => (await tabsAsked, [other, open]),
      });
      const closed = await captureIn(db, { id: 9, url: 'https://c.example/photons' }, 'photons');
      const stale = await captureIn(db, open, 'pebble');
      await service.rememberSimilar(closed, ['photons']);
      await service.rememberSimilar(stale, ['pebble']);
      const closedBefore = await db.captures.get(closed);
      const late = { ...LATE, updatedAt: 2_000 };
      await db.articles.add(late);
      service.written([late]);
      const current = await captureIn(db, other, 'rigidity');
      await service.rememberSimilar(current, ['rigidity']);
      const update = vi.spyOn(db.captures, 'update');
      releaseTabs();
      await expect.poll(() => holdsLibrary(db, stale)).toBe(true);
      // The current answer came first in the round, and was not ranked again.
      expect(update.mock.calls.map(([id]) => id)).toEqual([stale]);
      expect(await db.captures.get(closed)).toEqual(closedBefore);
    });

    it('says in the console when a round fails, and answers as before', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const { db, service } = await serviceOver(LIBRARY, {
        keptAnswersDelayMs: 0,
        // Only the first round fails: a later one, after the test, would print past the spy.
        openTabs: vi.fn<() => Promise<never[]>>().mockRejectedValueOnce(new DOMException('no tabs', 'NotAllowedError')).mockResolvedValue([]),
      });
      await service.similar(['pebble'], 10);
      await db.articles.add(LATE);
      service.written([LATE]);
      await expect.poll(() => warn.mock.calls.length).toBeGreaterThan(0);
      expect(warn).toHaveBeenCalledWith('simlit: could not update the answers kept for open tabs', 'NotAllowedError');
      expect(ids(await service.similar(['pebble'], 10))).toContain('late');
    });
  });

  it('goes on answering when the snapshot cannot be saved (disk full), and says why in the console', async () => {
    const { db, service } = await serviceOver(LIBRARY);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(db.indexSnapshots, 'put').mockImplementation((() => Promise.reject(new DOMException('full', 'QuotaExceededError'))) as unknown as typeof db.indexSnapshots.put);
    expect(ids(await service.similar(['pebble'], 10))[0]).toBe('rigidity');
    await expect.poll(() => warn.mock.calls.length).toBe(1);
    expect(warn.mock.calls[0]).toEqual(['simlit: the similarity index could not be saved', 'QuotaExceededError']);
    expect(ids(await service.similar(['photons'], 10))).not.toContain('photons');
  });

  it('tries loading again at the next question after a failed load', async () => {
    const { db, service } = await serviceOver(LIBRARY, { waitForLoadMs: 50 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(db.indexSnapshots, 'get').mockRejectedValueOnce(new DOMException('broken', 'UnknownError'));
    expect(await service.similar(['pebble'], 10)).toEqual({ ok: true, indexing: { done: 0, total: 0 } });
    expect(warn).toHaveBeenCalledWith('simlit: the similarity index could not be loaded', 'UnknownError');
    // The next question starts the load again; it may answer with the progress until the index is built.
    const answer = async () => {
      const reply = await service.similar(['pebble'], 10);
      return 'results' in reply ? ids(reply)[0] : undefined;
    };
    await expect.poll(answer).toBe('rigidity');
  });
});
