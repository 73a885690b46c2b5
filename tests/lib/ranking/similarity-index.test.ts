import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { termsOf, type RankableArticle } from '@/lib/ranking/article-terms';
import { DEFAULT_RANKER, IndexChangedError, SimilarityIndex } from '@/lib/ranking/similarity-index';
import { tokenize } from '@/lib/ranking/tokenize';
import { indexKey } from '@/lib/ranking/index-keys';
import { sortedKeyOrder } from '@/lib/ranking/key-order';
import { EncodedPostings, PostingList } from '@/lib/ranking/posting-list';
import { TermIndex } from '@/lib/ranking/term-index';
import { runAtOnce } from '@/lib/ranking/work-slices';
import { internalsOf } from '@/lib/ranking/minisearch-internals';
import type MiniSearch from 'minisearch';
import { DAMAGES } from './damaged-snapshot';

const LIBRARY: RankableArticle[] = [
  {
    id: 'zh-control',
    title: '飞行器姿态控制系统的非线性控制器设计',
    abstract: '建立飞行器姿态动力学模型，设计非线性控制器，利用Lyapunov函数证明闭环系统稳定，仿真表明控制器响应速度快。',
    keyword: '姿态控制; 非线性控制器; Lyapunov函数',
  },
  {
    id: 'zh-control-2',
    title: '高速飞行器自适应姿态控制方法',
    abstract: '针对高速飞行器姿态控制问题，提出自适应控制方法，控制器保证系统稳定，仿真验证了方法的有效性。',
    keyword: '飞行器; 自适应控制; 姿态控制',
  },
  {
    id: 'zh-medicine',
    title: '补肾活血汤治疗老年高血压的临床观察',
    abstract: '观察补肾活血汤治疗老年高血压患者的疗效，治疗组血压下降明显，血管内皮功能改善。',
    keyword: '补肾活血汤; 高血压; 中医',
  },
  {
    id: 'zh-medicine-2',
    title: '中药治疗高血压患者血管内皮功能的疗效',
    abstract: '中药组患者血压和血管内皮功能改善优于对照组，治疗高血压疗效确切。',
    keyword: '中药; 高血压; 血管内皮',
  },
  {
    id: 'en-graphs',
    title: 'Sparsity-certifying graph decompositions with pebble games',
    abstract: 'We describe a pebble game algorithm for sparse graphs and use it to characterize graph decompositions into trees.',
    keyword: 'graph theory; pebble game; sparse graphs',
  },
  {
    id: 'en-graphs-2',
    title: 'Pebble game algorithms for sparse graph rigidity',
    abstract: 'Pebble game algorithms decide whether a graph is sparse and find its decomposition into trees efficiently.',
  },
  {
    id: 'en-physics',
    title: 'Diphoton production cross sections at hadron colliders',
    abstract: 'A perturbative QCD calculation of photon pair production at the Tevatron and the LHC, with gluon resummation.',
  },
  {
    id: 'en-physics-2',
    title: 'Higgs boson decay to photon pairs at the LHC',
    abstract: 'We compute the QCD background to Higgs decays into photon pairs at the LHC hadron collider.',
  },
];

const ids = (results: { id: string }[]) => results.map((result) => result.id);

describe('SimilarityIndex.similarTo', () => {
  const index = SimilarityIndex.create(LIBRARY);

  it('ranks a near-duplicate (same text, other record) first and never returns the query itself', () => {
    const copy = { ...LIBRARY[4], id: 'en-graphs-copy', title: `${LIBRARY[4].title}.`, titleKey: '', fingerprint: '' };
    const withCopy = SimilarityIndex.create([...LIBRARY, copy]);
    const results = withCopy.similarTo(LIBRARY[4]);
    // The copy has another id but the same title key and abstract: a duplicate, excluded.
    expect(ids(results)).not.toContain('en-graphs');
    expect(ids(results)[0]).toBe('en-graphs-copy');
  });

  it('finds the Simplified near-duplicate of an article written in Traditional characters first', () => {
    const traditional = {
      id: 'zh-control-traditional',
      title: '飛行器姿態控制系統的非線性控制器設計',
      abstract: '建立飛行器姿態動力學模型，設計非線性控制器，利用Lyapunov函數證明閉環系統穩定，仿真表明控制器響應速度快。',
      keyword: '姿態控制; 非線性控制器; Lyapunov函數',
    };
    const results = index.similarTo(traditional);
    expect(ids(results)[0]).toBe('zh-control');
    // Folded, the two are one text: terms written differently in the two scripts match.
    expect(results[0].score).toBeGreaterThan(0.95);
    expect(results[0].terms).toEqual(expect.arrayContaining(['非线性', '函数']));
    // Without folding they share only the words both scripts write alike.
    const unfolded = SimilarityIndex.create(LIBRARY, { ...DEFAULT_RANKER, tokenizer: { ...DEFAULT_RANKER.tokenizer, foldScript: false } });
    expect(unfolded.similarTo(traditional)[0].score).toBeLessThan(0.8);
  });

  it('excludes duplicates of the query by DOI, title key or fingerprint', () => {
    const onScreen = { ...LIBRARY[0], id: 'on-screen-record' };
    expect(ids(index.similarTo(onScreen))).not.toContain('zh-control');
    expect(ids(index.similarTo(onScreen))[0]).toBe('zh-control-2');
    // The keys are kept beside the index: in its snapshot, and for articles added after a load.
    const loaded = SimilarityIndex.fromSnapshot(structuredClone(index.toSnapshot()))!;
    expect(ids(loaded.similarTo(onScreen))).toEqual(ids(index.similarTo(onScreen)));
    loaded.add({ ...LIBRARY[0], id: 'zh-control-copy' });
    expect(ids(loaded.similarTo(onScreen))).not.toContain('zh-control-copy');
    expect(ids(loaded.similarTo({ ...onScreen, DOI: undefined, titleKey: 'another title', fingerprint: 'another' }))).toContain('zh-control-copy');
  });

  it('matches Chinese articles that share multi-character terms, and leaves unrelated ones out', () => {
    const results = index.similarTo(LIBRARY[2]);
    expect(ids(results)[0]).toBe('zh-medicine-2');
    expect(ids(results)).not.toContain('en-physics');
    expect(ids(results)).not.toContain('zh-control');
    // The shared terms explain the match: those of 高血压 (however the tokenizer cuts it) are among them.
    expect(results[0].terms.some((term) => tokenize('高血压').includes(term))).toBe(true);
  });

  it('finds neighbours of an article with no abstract from its title and keywords', () => {
    const results = index.similarTo({ id: 'new', title: '飞行器姿态控制', keyword: '自适应控制' });
    expect(ids(results).slice(0, 2).sort()).toEqual(['zh-control', 'zh-control-2']);
  });

  it('works for mixed-language articles (Chinese with an English title)', () => {
    const results = index.similarTo({ id: 'bilingual', title: '稀疏图的分解', altTitle: 'Pebble games for sparse graph decompositions' });
    expect(ids(results)[0]).toMatch(/^en-graphs/);
  });

  it('ranks against a page of articles taken together, excluding all of them', () => {
    const results = index.similarTo([LIBRARY[6], LIBRARY[4]], { limit: 3 });
    expect(ids(results)).not.toContain('en-physics');
    expect(ids(results)).not.toContain('en-graphs');
    expect(ids(results).sort()).toEqual(expect.arrayContaining(['en-graphs-2', 'en-physics-2']));
  });

  it('applies limit and filter', () => {
    expect(index.similarTo(LIBRARY[0], { limit: 1 })).toHaveLength(1);
    expect(ids(index.similarTo(LIBRARY[0], { filter: (id) => id !== 'zh-control-2' }))).not.toContain('zh-control-2');
  });

  it('answers the same when a filter asks the index a question of its own meanwhile (scratch space is one query\'s at a time)', () => {
    const alone = LIBRARY.map((article) => index.similarTo(article, { limit: 3 }));
    const nested: ReturnType<SimilarityIndex['similarTo']>[] = [];
    const outer = index.similarTo(LIBRARY[0], {
      filter: (id) => {
        nested.push(index.similarTo(LIBRARY.find((article) => article.id === id)!, { limit: 3 }));
        return true;
      },
    });
    expect(outer).toEqual(index.similarTo(LIBRARY[0]));
    expect(nested.length).toBeGreaterThan(0);
    for (const answer of nested) expect(alone).toContainEqual(answer);
    // And after them, every answer as before.
    expect(LIBRARY.map((article) => index.similarTo(article, { limit: 3 }))).toEqual(alone);
  });

  it('scores are cosine similarities, highest first', () => {
    const scores = index.similarTo(LIBRARY[0]).map((result) => result.score);
    expect(scores.length).toBeGreaterThan(0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const score of scores) expect(score).toBeGreaterThan(0);
    for (const score of scores) expect(score).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('names as shared only terms both articles hold, never ones feedback brought in', () => {
    const queryTerms = new Set(tokenize(`${LIBRARY[0].title} ${LIBRARY[0].abstract} ${LIBRARY[0].keyword}`));
    for (const result of index.similarTo(LIBRARY[0])) {
      const other = LIBRARY.find((article) => article.id === result.id)!;
      const otherTerms = new Set(tokenize(`${other.title} ${other.abstract} ${other.keyword}`));
      for (const term of result.terms) {
        expect(queryTerms.has(term), term).toBe(true);
        expect(otherTerms.has(term), term).toBe(true);
      }
    }
  });

  it('leaves out articles below the least similarity to the query itself', () => {
    const strict = SimilarityIndex.create(LIBRARY, { ...DEFAULT_RANKER, minSimilarity: 0.99 });
    expect(strict.similarTo(LIBRARY[0])).toEqual([]);
    expect(index.similarTo(LIBRARY[0]).length).toBeGreaterThan(0);
  });

  it('ranks the same with BM25 only (no re-ranking)', () => {
    const bm25 = SimilarityIndex.create(LIBRARY, { ...DEFAULT_RANKER, candidates: 0 });
    expect(ids(bm25.similarTo(LIBRARY[2]))[0]).toBe('zh-medicine-2');
  });
});

describe('SimilarityIndex bad input', () => {
  it('answers an empty library with nothing', () => {
    const empty = SimilarityIndex.create([]);
    expect(empty.similarTo(LIBRARY[0])).toEqual([]);
    expect(empty.search('graph')).toEqual([]);
  });

  it('indexes and queries an article with no text', () => {
    const index = SimilarityIndex.create([...LIBRARY, { id: 'blank' }]);
    expect(index.has('blank')).toBe(true);
    expect(index.similarTo({ id: 'blank' })).toEqual([]);
    expect(ids(index.similarTo(LIBRARY[4]))).not.toContain('blank');
  });

  it('handles very long abstracts, emoji and control characters', () => {
    const long = { id: 'long', title: 'Pebble game 🎲 for sparse graphs\u0000', abstract: 'pebble graph sparse decomposition tree '.repeat(20_000) };
    const index = SimilarityIndex.create([...LIBRARY, long]);
    expect(ids(index.similarTo(LIBRARY[5]))).toContain('long');
    expect(ids(index.similarTo({ id: 'emoji', title: '🎲🎲 \u0007\u200b' }))).toEqual([]);
  });
});

describe('SimilarityIndex.search', () => {
  const index = SimilarityIndex.create(LIBRARY);

  it('matches English words by prefix and with a typo', () => {
    expect(ids(index.search('pebbl'))).toEqual(expect.arrayContaining(['en-graphs', 'en-graphs-2']));
    expect(ids(index.search('decompositoins'))).toContain('en-graphs');
  });

  it('matches Chinese exactly', () => {
    expect(ids(index.search('高血压'))).toEqual(expect.arrayContaining(['zh-medicine', 'zh-medicine-2']));
    expect(ids(index.search('高血压'))).not.toContain('zh-control');
  });

  it('requires every word when some article has them all', () => {
    expect(ids(index.search('photon higgs'))).toEqual(['en-physics-2']);
  });
});

describe('SimilarityIndex updates and snapshots', () => {
  const results = (index: SimilarityIndex) => LIBRARY.map((article) => index.similarTo(article));

  it('gives the same results after a snapshot round trip through a structured clone (as IndexedDB stores it)', () => {
    const index = SimilarityIndex.create(LIBRARY);
    const loaded = SimilarityIndex.fromSnapshot(structuredClone(index.toSnapshot()));
    expect(loaded).toBeDefined();
    expect(results(loaded!)).toEqual(results(index));
  });

  it("saves each re-ranking term's key number, so that a loaded or built index's first questions look none up, and answers as one that looks them up", () => {
    const snapshot = SimilarityIndex.create(LIBRARY).toSnapshot();
    const { vectorTerms, vectorKeyNumbers } = snapshot.data;
    const loaded = SimilarityIndex.fromSnapshot(structuredClone(snapshot))!;
    const terms = internalsOf((loaded as unknown as { mini: MiniSearch }).mini)._index as TermIndex;
    // The numbers the loaded term index gives the terms' keys (CJK terms are spelled otherwise there).
    expect([...vectorKeyNumbers!]).toEqual(vectorTerms.split(' ').map((term) => terms.numberOf(indexKey(term))));
    expect(vectorKeyNumbers!.filter((number) => number >= 0).length).toBeGreaterThan(vectorKeyNumbers!.length / 2);

    const { vectorKeyNumbers: _, ...older } = snapshot.data;
    const lookedUp = SimilarityIndex.fromSnapshot(structuredClone({ ...snapshot, data: older }))!;
    const query = LIBRARY[0];
    const own = new Set(Object.values(termsOf(query)).flat().map(indexKey));
    /** The first question's answer, and the keys of the index it looked up that are not the query's own terms (its candidates' terms). */
    const firstQuestion = (index: SimilarityIndex) => {
      const numberOf = vi.spyOn(TermIndex.prototype, 'numberOf');
      const answer = index.similarTo(query);
      const found = numberOf.mock.calls.filter((_call, i) => numberOf.mock.results[i].value >= 0).map(([key]) => key);
      numberOf.mockRestore();
      return { answer, candidateKeys: found.filter((key) => !own.has(key)) };
    };
    const saved = firstQuestion(loaded);
    const asBefore = firstQuestion(lookedUp);
    expect(saved.answer).toEqual(asBefore.answer);
    expect(asBefore.candidateKeys.length).toBeGreaterThan(0);
    expect(saved.candidateKeys).toEqual([]);

    // A build keeps the numbers of the keys it wrote, in its own term index's numbering.
    const built = SimilarityIndex.create(LIBRARY);
    const builtTerms = internalsOf((built as unknown as { mini: MiniSearch }).mini)._index as TermIndex;
    const seeded = (built as unknown as { keyNumbers: Int32Array }).keyNumbers;
    const builtVectorTerms = built.toSnapshot().data.vectorTerms.split(' ');
    const known = [...seeded].flatMap((number, id) => (number >= 0 ? [[number, builtTerms.numberOf(indexKey(builtVectorTerms[id]))]] : []));
    expect(known.length).toBeGreaterThan(seeded.length / 2);
    for (const [number, own] of known) expect(number).toBe(own);
    expect(firstQuestion(built)).toEqual({ answer: asBefore.answer, candidateKeys: [] });
  });

  it.each(DAMAGES)('loads a snapshot whose %s are damaged, answers leaving out the damaged ones, and its warm-up finds the damage', (_, withDamage) => {
    const snapshot = SimilarityIndex.create(LIBRARY).toSnapshot();
    const damaged = SimilarityIndex.fromSnapshot(structuredClone({ ...snapshot, data: withDamage(snapshot.data) }))!;
    expect(damaged.damaged).toBe(false);
    expect(damaged.similarTo(LIBRARY[0]).length).toBeGreaterThan(0);
    expect(damaged.warmUp()).toBe(true);
    expect(damaged.damaged).toBe(true);
    const whole = SimilarityIndex.fromSnapshot(structuredClone(snapshot))!;
    expect([whole.warmUp(), whole.damaged]).toEqual([true, false]);
    expect(() => whole.toSnapshot()).not.toThrow();
  });

  it.each(DAMAGES)('never saves a snapshot whose %s are damaged, even before its check: with new terms added, the next load could not tell the damage', (_, withDamage) => {
    const snapshot = SimilarityIndex.create(LIBRARY).toSnapshot();
    const damaged = SimilarityIndex.fromSnapshot(structuredClone({ ...snapshot, data: withDamage(snapshot.data) }))!;
    damaged.add({ id: 'new-terms', title: 'Zeolite xenoliths in basalt', abstract: 'Xenolith zeolite mineralogy of basaltic lava.' });
    expect(damaged.damaged).toBe(false);
    expect(() => damaged.toSnapshot()).toThrow(/damaged/);
    expect(damaged.damaged).toBe(true);
  });

  it("loads its re-ranking terms without a Map (their sorted order saved with them), and answers as a load that makes one, articles added before and after the warm-up puts them in", () => {
    const snapshot = SimilarityIndex.create(LIBRARY.slice(0, 5)).toSnapshot();
    const sorted = snapshot.data.vectorSortedTerms!;
    const terms = snapshot.data.vectorTerms.split(' ');
    expect([...sorted].map((n) => terms[n])).toEqual([...terms].sort());
    const { vectorSortedTerms: _, ...older } = snapshot.data;
    const round = (list: { id: string; score: number }[][]) => list.map((r) => r.map(({ id, score }) => [id, score.toFixed(12)]));
    const lazy = SimilarityIndex.fromSnapshot(structuredClone(snapshot))!;
    const eager = SimilarityIndex.fromSnapshot(structuredClone({ ...snapshot, data: older }))!;
    for (const index of [lazy, eager]) index.addAll(LIBRARY.slice(5, 8));
    expect(round(results(lazy))).toEqual(round(results(eager)));
    while (!lazy.warmUp(1));
    for (const index of [lazy, eager]) index.addAll(LIBRARY.slice(8));
    expect(round(results(lazy))).toEqual(round(results(eager)));
    // The next snapshot's order holds the terms added since, in place.
    const next = lazy.toSnapshot().data;
    const nextTerms = next.vectorTerms.split(' ');
    expect(nextTerms.length).toBeGreaterThan(terms.length);
    expect([...next.vectorSortedTerms!].map((n) => nextTerms[n])).toEqual([...nextTerms].sort());
    // An order that is not the terms' is refused, as other damage that a load can see.
    const swapped = Uint32Array.from(sorted, (n, i) => (i === 0 ? sorted[1] : i === 1 ? sorted[0] : n));
    expect(SimilarityIndex.fromSnapshot({ ...snapshot, data: { ...snapshot.data, vectorSortedTerms: swapped } })).toBeUndefined();
  });

  it('refuses a snapshot whose key numbers do not fit its terms', () => {
    const snapshot = SimilarityIndex.create(LIBRARY).toSnapshot();
    const numbers = snapshot.data.vectorKeyNumbers!;
    for (const wrong of [numbers.subarray(1), Int32Array.from(numbers, (n, i) => (i === 0 ? 1_000_000 : n)), Int32Array.from(numbers, (n, i) => (i === 0 ? -2 : n)), Array.from(numbers)]) {
      expect(SimilarityIndex.fromSnapshot({ ...snapshot, data: { ...snapshot.data, vectorKeyNumbers: wrong as Int32Array } })).toBeUndefined();
    }
  });

  it('gives the same results built incrementally, with replaced and removed articles, as built at once', async () => {
    const incremental = SimilarityIndex.create(LIBRARY.slice(0, 5));
    // Querying between the changes fills the caches (idf, candidate vectors) that each change must invalidate.
    results(incremental);
    incremental.add({ id: 'doomed', title: 'Pebble games and photon pairs' });
    incremental.add({ ...LIBRARY[1], abstract: 'an outdated abstract' });
    results(incremental);
    incremental.addAll(LIBRARY.slice(5));
    results(incremental);
    incremental.add(LIBRARY[1]);
    results(incremental);
    incremental.remove('doomed');
    await incremental.compact();
    expect(incremental.size).toBe(LIBRARY.length);
    const fresh = SimilarityIndex.create(LIBRARY);
    const round = (list: { id: string; score: number }[][]) => list.map((r) => r.map(({ id, score }) => [id, score.toFixed(9)]));
    expect(round(results(incremental))).toEqual(round(results(fresh)));
  });

  it('weighs terms as an index built at once when articles are added to a loaded or built one (document frequencies read by term number)', () => {
    const round = (list: { id: string; score: number }[][]) => list.map((r) => r.map(({ id, score }) => [id, score.toFixed(9)]));
    const late: RankableArticle = { id: 'late', title: 'Pebble games on sparse graphs and photon pairs', abstract: 'Rigidity of sparse graphs, 高血压 and 飞行器 pebble games.' };
    const all = [...LIBRARY, late];
    const fresh = round(all.map((article) => SimilarityIndex.create(all).similarTo(article)));
    const built = SimilarityIndex.create(LIBRARY.slice(0, 4));
    const loaded = SimilarityIndex.fromSnapshot(structuredClone(SimilarityIndex.create(LIBRARY.slice(0, 4)).toSnapshot()))!;
    for (const index of [built, loaded]) {
      // Asked first, so that the terms' numbers in the term index are known before the additions.
      LIBRARY.forEach((article) => index.similarTo(article));
      index.addAll(LIBRARY.slice(4));
      index.add(late);
      expect(round(all.map((article) => index.similarTo(article)))).toEqual(fresh);
      // A removed article's postings stay until a vacuum: it no longer counts as holding its terms.
      index.remove('zh-control');
      const rest = all.filter((article) => article.id !== 'zh-control');
      expect([index.has('zh-control'), rest.every((article) => index.has(article.id))]).toEqual([false, true]);
      expect(round(rest.map((article) => index.similarTo(article)))).toEqual(round(rest.map((article) => SimilarityIndex.create(rest).similarTo(article))));
    }
  });

  it("reads a question's document frequencies from a loaded snapshot's list sizes, making the posting lists of the terms it searches only", () => {
    const loaded = SimilarityIndex.fromSnapshot(structuredClone(SimilarityIndex.create(LIBRARY).toSnapshot()))!;
    const query = LIBRARY.find((article) => new Set(Object.values(termsOf(article)).flat()).size > DEFAULT_RANKER.query.maxTerms)!;
    const made = vi.spyOn(TermIndex.prototype, 'get');
    const answer = loaded.similarTo(query);
    const keys = new Set(made.mock.calls.map(([key]) => key));
    made.mockRestore();
    expect(keys.size).toBeGreaterThan(0);
    expect(keys.size).toBeLessThanOrEqual(DEFAULT_RANKER.query.maxTerms);
    expect(answer).toEqual(SimilarityIndex.create(LIBRARY).similarTo(query));
  });

  it('knows which articles it holds after any removals and additions following a load', () => {
    const snapshot = SimilarityIndex.create(LIBRARY).toSnapshot();
    fc.assert(
      fc.property(fc.subarray(LIBRARY.map(({ id }) => id)), fc.subarray(LIBRARY.map(({ id }) => id)), (removed, readded) => {
        const index = SimilarityIndex.fromSnapshot(structuredClone(snapshot))!;
        for (const id of removed) index.remove(id);
        index.addAll(LIBRARY.filter((article) => readded.includes(article.id)));
        const held = (id: string) => !removed.includes(id) || readded.includes(id);
        expect(LIBRARY.map(({ id }) => index.has(id))).toEqual(LIBRARY.map(({ id }) => held(id)));
        expect(index.size).toBe(LIBRARY.filter(({ id }) => held(id)).length);
        // A save keeps the loaded ids' order and sorts only those added since: the order a full sort gives.
        const { documents, sortedIds } = index.toSnapshot().data;
        expect(sortedIds).toEqual(sortedKeyOrder(JSON.parse(documents).ids));
      }),
      { numRuns: 40 },
    );
  });

  it('builds at once the very index that adding the articles one by one builds', async () => {
    const oneByOne = SimilarityIndex.create([]);
    oneByOne.addAll(LIBRARY);
    expect(SimilarityIndex.create(LIBRARY).toSnapshot()).toEqual(oneByOne.toSnapshot());
    expect((await SimilarityIndex.build(LIBRARY, { chunkSize: 3 })).toSnapshot()).toEqual(oneByOne.toSnapshot());
  });

  it('builds the same index from pages as from one array, with progress against the expected total', async () => {
    async function* pages() {
      yield LIBRARY.slice(0, 5);
      yield LIBRARY.slice(5);
    }
    const progress: [number, number][] = [];
    const index = await SimilarityIndex.build(pages(), { total: LIBRARY.length, onProgress: (done, total) => progress.push([done, total]) });
    expect(index.toSnapshot()).toEqual(SimilarityIndex.create(LIBRARY).toSnapshot());
    expect(progress).toEqual([[5, 8], [7, 8], [8, 8]]);
  });

  it('indexes an article given twice in its last version', () => {
    const outdated = { ...LIBRARY[0], title: 'An outdated title about soil', abstract: 'soil wheat' };
    const index = SimilarityIndex.create([outdated, ...LIBRARY]);
    expect(index.size).toBe(LIBRARY.length);
    expect(results(index)).toEqual(results(SimilarityIndex.create(LIBRARY)));
  });

  it('takes its snapshot in steps, the same as at once, and refuses to go on when an article is added or removed, or discarded ones cleaned out, between steps', async () => {
    const index = SimilarityIndex.create(LIBRARY);
    const steps = index.snapshotSteps();
    let step = steps.next();
    let pauses = 0;
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBeGreaterThan(0);
    expect(step.value).toEqual(index.toSnapshot());
    let vacuum: Promise<void> | undefined;
    const changes = [() => index.add({ ...LIBRARY[0], id: 'added-meanwhile' }), () => index.remove('added-meanwhile'), () => (vacuum = index.compact())];
    for (const change of changes) {
      const interrupted = index.snapshotSteps();
      interrupted.next();
      change();
      expect(() => interrupted.next()).toThrow(IndexChangedError);
    }
    await vacuum;
    expect(runAtOnce(index.snapshotSteps())).toEqual(index.toSnapshot());
  });

  it('refuses a snapshot made by another tokenizer version or unreadable data', () => {
    const snapshot = SimilarityIndex.create(LIBRARY).toSnapshot();
    expect(SimilarityIndex.fromSnapshot({ ...snapshot, version: 'idx0:tok0:bigram' })).toBeUndefined();
    expect(SimilarityIndex.fromSnapshot({ ...snapshot, data: '{not json' as never })).toBeUndefined();
    expect(SimilarityIndex.fromSnapshot({ ...snapshot, data: { ...snapshot.data, documents: '{not json' } })).toBeUndefined();
    expect(SimilarityIndex.fromSnapshot({ ...snapshot, data: { ...snapshot.data, lists: Uint32Array.from([0, 0, 1e9]) } })).toBeUndefined();
    expect(SimilarityIndex.fromSnapshot({ ...snapshot, data: { ...snapshot.data, identities: undefined as never } })).toBeUndefined();
    expect(SimilarityIndex.fromSnapshot({ ...snapshot, data: { ...snapshot.data, vectors: { ...snapshot.data.vectors, terms: new Uint8Array(1) } } })).toBeUndefined();
    expect(SimilarityIndex.fromSnapshot(undefined)).toBeUndefined();
  });

  it('reports build progress up to the total, reached once the index is loaded', async () => {
    const progress: [number, number][] = [];
    const index = await SimilarityIndex.build(LIBRARY, { chunkSize: 3, onProgress: (done, total) => progress.push([done, total]) });
    expect(progress).toEqual([[3, 8], [6, 8], [7, 8], [8, 8]]);
    expect(index.size).toBe(LIBRARY.length);
  });
});

/** Posting lists of the index still in varint bytes (reads the index's private MiniSearch). */
function encodedLists(index: SimilarityIndex): number {
  const terms = internalsOf((index as unknown as { mini: MiniSearch }).mini)._index as TermIndex;
  let encoded = 0;
  for (let n = 0; n < terms.snapshotTerms; n++) terms.entryAt(n)?.forEach((postings) => (encoded += postings instanceof PostingList && postings.isEncoded ? 1 : 0));
  return encoded;
}

describe('SimilarityIndex.warmUp', () => {
  const answers = (index: SimilarityIndex) => [...LIBRARY, LATE].map((article) => index.similarTo(article, { limit: 5 }));
  const LATE: RankableArticle = { id: 'late', title: 'Pebble games and rigidity of sparse graphs', abstract: 'Sparse graphs are characterized by pebble games.' };

  it('checks every loaded posting list in its bytes, slice by slice, leaving each to be decoded when first read, and answers as before', () => {
    const built = SimilarityIndex.create(LIBRARY);
    const snapshot = built.toSnapshot();
    const loaded = SimilarityIndex.fromSnapshot(structuredClone(snapshot))!;
    for (const index of [built, loaded]) {
      const cold = SimilarityIndex.fromSnapshot(structuredClone(snapshot))!;
      const checked = vi.spyOn(PostingList, 'bytesHold');
      const made = vi.spyOn(TermIndex.prototype, 'entryAt');
      // A loaded snapshot's bytes are checked by a save until the warm-up has checked them all.
      const bytes = (internalsOf((index as unknown as { mini: MiniSearch }).mini)._index as unknown as { postings: EncodedPostings }).postings;
      expect(bytes.unchecked).toBe(index === loaded);
      let slices = 1;
      while (!index.warmUp(3)) {
        if (slices === 1) expect(bytes.unchecked).toBe(index === loaded);
        slices++;
      }
      expect(bytes.unchecked).toBe(false);
      expect(slices).toBeGreaterThan(2);
      // Bytes encoded in memory by a build need no check.
      expect(checked).toHaveBeenCalledTimes(index === loaded ? snapshot.data.lists.length / 4 : 0);
      expect(made).not.toHaveBeenCalled();
      checked.mockRestore();
      made.mockRestore();
      expect(encodedLists(index)).toBeGreaterThan(0);
      expect(index.warmUp(3)).toBe(true);
      expect(answers(index)).toEqual(answers(cold));
    }
  });

  it('has more to do after the library changes, and answers as an index never warmed', () => {
    const warm = SimilarityIndex.create(LIBRARY);
    const cold = SimilarityIndex.create(LIBRARY);
    expect(warm.warmUp()).toBe(true);
    for (const index of [warm, cold]) {
      index.add(LATE);
      index.remove(LIBRARY[1].id);
    }
    expect(warm.warmUp(1)).toBe(false);
    expect(warm.warmUp()).toBe(true);
    expect(answers(warm)).toEqual(answers(cold));
  });
});
