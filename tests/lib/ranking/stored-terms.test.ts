import { describe, expect, it, vi } from 'vitest';
import type { StoredTermsRow } from '@/lib/db/schema';
import { articleTerms } from '@/lib/ranking/article-terms';
import { loadOrBuildIndex, saveIndex } from '@/lib/ranking/persist';
import { RankingService } from '@/lib/ranking/ranking-service';
import { SimilarityIndex } from '@/lib/ranking/similarity-index';
import { decodeTerms, encodeTerms, isCurrent, withStoredTerms } from '@/lib/ranking/stored-terms';
import { DEFAULT_TOKENIZER, tokenizerVersion } from '@/lib/ranking/tokenize';
import { makeArticle } from '../db/library-fixtures';
import { testDb } from '../db/test-db';

const LIBRARY = [
  makeArticle('pebble', { title: 'Pebble games for sparse graphs', abstract: 'Pebble game algorithms characterize sparse graphs; pebble games decide rigidity of graphs.' }),
  makeArticle('rigidity', { title: 'Sparse graph rigidity by pebble games', abstract: 'A pebble game decides sparsity and rigidity of graphs.', keyword: 'rigidity; matroid' }),
  makeArticle('herbs', { title: '补肾活血汤治疗高血压', abstract: '补肾活血汤治疗老年高血压患者,血管内皮功能改善。高血压患者的血压下降。' }),
  makeArticle('pressure', { title: '老年高血压患者的中药治疗', abstract: '中药治疗老年高血压患者,血压与血管内皮功能改善。' }),
  makeArticle('photons', { title: 'Photon pairs at the LHC', abstract: 'QCD calculation of photon pair production at hadron colliders.' }),
];

/** A row naming terms the article's text does not hold: found in the index only if the row was read. */
function markedRow(id: string, marker: string): StoredTermsRow {
  const article = LIBRARY.find((a) => a.id === id)!;
  return encodeTerms(article, { title: [marker], keywords: [], abstract: [marker, marker] }, DEFAULT_TOKENIZER);
}

describe('stored terms', () => {
  it('keep what the ranker reads: an index built from them answers as one that tokenized', () => {
    const decoded = LIBRARY.map((article) => ({ ...article, terms: decodeTerms(encodeTerms(article, articleTerms(article), DEFAULT_TOKENIZER)) }));
    const tokenized = SimilarityIndex.create(LIBRARY);
    const fromTerms = SimilarityIndex.create(decoded);
    expect(fromTerms.toSnapshot()).toEqual(tokenized.toSnapshot());
    for (const [i, article] of LIBRARY.entries()) expect(fromTerms.similarTo(decoded[i])).toEqual(tokenized.similarTo(article));
  });

  it('hold the abstract as distinct terms with counts, in order of first occurrence', () => {
    const row = encodeTerms(LIBRARY[0], { title: ['a', 'b', 'a'], keywords: ['k'], abstract: ['x', 'y', 'x', 'z', 'x'] }, DEFAULT_TOKENIZER);
    expect(row).toMatchObject({ title: 'a b a', keywords: 'k', abstract: 'x y z', version: tokenizerVersion(DEFAULT_TOKENIZER) });
    expect([...row.counts]).toEqual([3, 1, 1]);
    expect(decodeTerms(row)).toEqual({ title: ['a', 'b', 'a'], keywords: ['k'], abstract: ['x', 'x', 'x', 'y', 'z'] });
  });

  it('are current only for the same tokenizer and the same text', () => {
    const row = encodeTerms(LIBRARY[0], articleTerms(LIBRARY[0]), DEFAULT_TOKENIZER);
    expect(isCurrent(row, LIBRARY[0], DEFAULT_TOKENIZER)).toBe(true);
    expect(isCurrent(row, { ...LIBRARY[0], abstract: 'Edited.' }, DEFAULT_TOKENIZER)).toBe(false);
    expect(isCurrent(row, { ...LIBRARY[0], keyword: 'new keyword' }, DEFAULT_TOKENIZER)).toBe(false);
    expect(isCurrent(row, LIBRARY[0], { ...DEFAULT_TOKENIZER, stem: !DEFAULT_TOKENIZER.stem })).toBe(false);
    expect(isCurrent({ ...row, version: 'tok0:words:spwt' }, LIBRARY[0], DEFAULT_TOKENIZER)).toBe(false);
  });

  it('are read when current, and made again and stored when of another tokenizer version or older text', async () => {
    const db = testDb();
    await db.articles.bulkAdd(LIBRARY);
    const old = { ...markedRow('rigidity', 'stale'), version: 'tok0:words:spwt' };
    const edited = { ...markedRow('photons', 'edited'), source: 'older text' };
    await db.articleTerms.bulkPut([markedRow('pebble', 'marker'), old, edited]);
    const [pebble, rigidity, , , photons] = await withStoredTerms(db, LIBRARY, DEFAULT_TOKENIZER);
    expect(pebble.terms.title).toEqual(['marker']);
    expect(rigidity.terms).toEqual(articleTerms(LIBRARY[1]));
    expect(photons.terms).toEqual(articleTerms(LIBRARY[4]));
    const rows = await db.articleTerms.toArray();
    expect(rows.map((row) => row.id).sort()).toEqual(['herbs', 'pebble', 'photons', 'pressure', 'rigidity']);
    expect(rows.every((row, i) => isCurrent(row, LIBRARY.find((a) => a.id === rows[i].id)!, DEFAULT_TOKENIZER))).toBe(true);
  });

  it('are made in slices of time that report progress and let other tasks run between them', async () => {
    const db = testDb();
    const progress: [number, number][] = [];
    let otherTaskRan = false;
    const ranBeforeSlice: boolean[] = [];
    // Slices of no time: a yield after every article.
    await withStoredTerms(db, LIBRARY, DEFAULT_TOKENIZER, {
      sliceMs: 0,
      onTokenized: (done, total) => {
        progress.push([done, total]);
        ranBeforeSlice.push(otherTaskRan);
        // Queued during the first slice: runs before the next.
        if (done === 1) setImmediate(() => (otherTaskRan = true));
      },
    });
    expect(progress).toEqual([
      [1, 5],
      [2, 5],
      [3, 5],
      [4, 5],
      [5, 5],
    ]);
    expect(ranBeforeSlice.slice(0, 2)).toEqual([false, true]);
    expect(await db.articleTerms.count()).toBe(5);
  });

  it('are made in one slice when tokenizing takes less than a slice', async () => {
    const progress: [number, number][] = [];
    await withStoredTerms(testDb(), LIBRARY, DEFAULT_TOKENIZER, { sliceMs: 60_000, onTokenized: (done, total) => progress.push([done, total]) });
    expect(progress).toEqual([[5, 5]]);
  });

  it('are what a full build indexes, and a build stores the terms it had to make', async () => {
    const db = testDb();
    await db.articles.bulkAdd(LIBRARY);
    await db.articleTerms.put(markedRow('pebble', 'marker'));
    const progress: number[] = [];
    const index = await loadOrBuildIndex(db, { onProgress: (done) => progress.push(done) });
    expect(index.search('marker').map((hit) => hit.id)).toEqual(['pebble']);
    expect(index.search('pebble').map((hit) => hit.id)).toEqual(['rigidity']);
    expect(await db.articleTerms.count()).toBe(LIBRARY.length);
    expect(progress.at(-1)).toBe(LIBRARY.length);
  });

  it('are what a catch-up indexes for articles changed since the snapshot', async () => {
    const db = testDb();
    await db.articles.bulkAdd(LIBRARY.slice(0, 4));
    await saveIndex(db, SimilarityIndex.create(LIBRARY.slice(0, 4)), 1_800_000_000_000);
    await db.articles.add({ ...LIBRARY[4], updatedAt: 1_800_000_000_001 });
    await db.articleTerms.put(markedRow('photons', 'marker'));
    const save = vi.fn();
    const index = await loadOrBuildIndex(db, { saveAfterChanges: 100, save });
    expect(save).not.toHaveBeenCalled(); // caught up, not rebuilt
    expect(index.size).toBe(5);
    expect(index.search('marker').map((hit) => hit.id)).toEqual(['photons']);
  });
});

describe('the ranking service and stored terms', () => {
  async function warmService() {
    const db = testDb();
    await db.articles.bulkAdd(LIBRARY.slice(0, 4));
    const service = new RankingService(db, { keepAlive: async () => undefined });
    await service.similar(['pebble'], 5);
    return { db, service };
  }

  it('stores the terms of captured articles once, and answers about them from the stored terms', async () => {
    const { db, service } = await warmService();
    const similarTo = vi.spyOn(SimilarityIndex.prototype, 'similarTo');
    await db.articles.add(LIBRARY[4]);
    service.written([LIBRARY[4]]);
    await expect.poll(async () => (await db.articleTerms.get('photons'))?.title).toBe('photon pair lhc');
    // The stored row is what the question reads: a marked row shows it was not tokenized again.
    await db.articleTerms.put(markedRow('photons', 'marker'));
    await service.similar(['photons'], 5);
    expect(similarTo.mock.calls.at(-1)![0]).toEqual([expect.objectContaining({ id: 'photons', terms: { title: ['marker'], keywords: [], abstract: ['marker', 'marker'] } })]);
  });

  it('stores the terms of edited and imported articles the library page reports, and forgets deleted ones', async () => {
    const { db, service } = await warmService();
    await db.articles.put({ ...LIBRARY[0], abstract: 'Matroid theory.' });
    await db.articles.add(LIBRARY[4]); // imported
    await db.articles.delete('herbs');
    await service.changed(['pebble', 'photons', 'herbs']);
    expect(decodeTerms((await db.articleTerms.get('pebble'))!).abstract).toEqual(['matroid', 'theori']);
    expect(await db.articleTerms.get('photons')).toBeDefined();
    expect(await db.articleTerms.get('herbs')).toBeUndefined();
  });
});
