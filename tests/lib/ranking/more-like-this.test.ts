import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { BulkIndexWriter } from '@/lib/ranking/bulk-load';
import { internalsOf, type MiniSearchInternals } from '@/lib/ranking/minisearch-internals';
import { bestPositions, MoreLikeThis, type QueryTerm, type ScoredDocument } from '@/lib/ranking/more-like-this';
import { inverseDocumentFrequency } from '@/lib/ranking/query';

interface Doc {
  id: string;
  title: string;
  body: string;
}

// Words repeat across documents and fields, so scores tie and documents match several terms.
const WORDS = ['graph', 'tree', 'pebble', 'sparse', 'rigid', 'game', 'soil', 'wheat', 'yield'];
const FIELD_BOOSTS = { title: 2, body: 1 };

function documents(count: number, seed: number): Doc[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const text = (length: number) => Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  return Array.from({ length: count }, (_, i) => ({ id: `d${i}`, title: text(1 + Math.floor(next() * 3)), body: text(3 + Math.floor(next() * 8)) }));
}

function indexOf(docs: Doc[]): { mini: MiniSearch<Doc>; search: MoreLikeThis } {
  const mini = new MiniSearch<Doc>({ fields: ['title', 'body'], searchOptions: { boost: FIELD_BOOSTS } });
  mini.addAll(docs);
  const internals = internalsOf(mini);
  return { mini, search: new MoreLikeThis(internals, [[internals._fieldIds.title, 2], [internals._fieldIds.body, 1]]) };
}

/** MiniSearch's own answer to the same weighted OR query. */
function miniSearchAnswer(mini: MiniSearch<Doc>, terms: QueryTerm[], count: number) {
  const boosts = new Map(terms.map(({ key, boost }) => [key, boost]));
  return mini
    .search(terms.map(({ key }) => key).join(' '), { boostTerm: (term) => boosts.get(term) ?? 1 })
    .slice(0, count)
    .map(({ id, score }) => ({ id, score }));
}

const QUERY: QueryTerm[] = [
  { key: 'pebble', boost: 1.7 },
  { key: 'sparse', boost: 1.1 },
  { key: 'tree', boost: 0.6 },
  { key: 'absent', boost: 2 },
];

describe('MoreLikeThis', () => {
  it("gives MiniSearch's scores and order for a weighted OR query, ties included", () => {
    const docs = documents(300, 7);
    const { mini, search } = indexOf(docs);
    const internals = internalsOf(mini);
    const ours = search.best(QUERY, () => true, 40).map(({ docId, score }) => ({ id: internals._documentIds.get(docId), score }));
    expect(ours).toEqual(miniSearchAnswer(mini, QUERY, 40));
  });

  it('leaves discarded documents out, both as matches and as holders of a term', () => {
    const docs = documents(200, 11);
    const { mini, search } = indexOf(docs);
    const internals = internalsOf(mini);
    const holdersBefore = search.documentFrequency('pebble');
    const discarded = docs.filter((doc) => doc.title.includes('pebble')).slice(0, 5);
    for (const doc of discarded) mini.discard(doc.id);
    expect(internals._dirtCount).toBeGreaterThan(0);
    expect(search.documentFrequency('pebble')).toBe(holdersBefore - discarded.length);
    const ids = search.best(QUERY, () => true, 500).map(({ docId }) => internals._documentIds.get(docId));
    for (const doc of discarded) expect(ids).not.toContain(doc.id);
    expect(ids).toHaveLength(new Set(ids).size);
  });

  it('looks further down the matches when `accept` turns the best ones down', () => {
    const { mini, search } = indexOf(documents(300, 3));
    const internals = internalsOf(mini);
    const everyFifth = (docId: number) => Number(internals._documentIds.get(docId)!.slice(1)) % 5 === 0;
    const kept = search.best(QUERY, everyFifth, 20);
    expect(kept).toHaveLength(20);
    const expected = miniSearchAnswer(mini, QUERY, 300).filter(({ id }) => Number(id.slice(1)) % 5 === 0).slice(0, 20);
    expect(kept.map(({ docId }) => internals._documentIds.get(docId))).toEqual(expected.map(({ id }) => id));
  });

  it('returns nothing for terms no document holds, and is ready for the next query', () => {
    const { mini, search } = indexOf(documents(50, 5));
    expect(search.best([{ key: 'absent', boost: 1 }], () => true, 10)).toEqual([]);
    // Sums are reset after each query: asking twice gives the same answer.
    expect(search.best(QUERY, () => true, 10)).toEqual(search.best(QUERY, () => true, 10));
    expect(search.matchedBy(search.best(QUERY, () => true, 1)[0].docId, QUERY).map(({ key }) => key)).not.toContain('absent');
    expect(mini.documentCount).toBe(50);
  });
});

/**
 * The plain answer, as a test oracle: every term scored over its whole posting lists in query
 * order (fields in boost order summed first), score = sum x matched terms, all matches sorted by
 * score, ties in order of first match, then the first `count` that `accept` takes.
 */
function referenceBest(mini: MiniSearchInternals, fieldBoosts: [number, number][], terms: QueryTerm[], accept: (docId: number) => boolean, count: number): ScoredDocument[] {
  const total = new Map<number, number>();
  const matched = new Map<number, number>();
  for (const { key, boost } of terms) {
    const byField = mini._index.get(key);
    if (!byField) continue;
    const termTotal = new Map<number, number>();
    for (const [fieldId, fieldBoost] of fieldBoosts) {
      const postings = byField.get(fieldId);
      if (!postings) continue;
      const live = [...postings.keys()].filter((docId) => mini._fieldLength.has(docId));
      const idf = inverseDocumentFrequency(live.length, mini._documentCount);
      for (const docId of live) {
        const frequency = postings.get(docId)!;
        const length = mini._fieldLength.get(docId)![fieldId];
        const bm25 = idf * (0.5 + (frequency * 2.2) / (frequency + 1.2 * (1 - 0.7 + (0.7 * length) / mini._avgFieldLength[fieldId])));
        termTotal.set(docId, (termTotal.get(docId) ?? 0) + boost * fieldBoost * bm25);
      }
    }
    for (const [docId, score] of termTotal) {
      total.set(docId, (total.get(docId) ?? 0) + score);
      matched.set(docId, (matched.get(docId) ?? 0) + 1);
    }
  }
  // Map order is the order of first match; sort is stable.
  return [...total]
    .map(([docId, sum]) => ({ docId, score: sum * matched.get(docId)! }))
    .sort((a, b) => b.score - a.score)
    .filter(({ docId }) => accept(docId))
    .slice(0, count);
}

/** A seeded generator (mulberry32). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Word i is drawn about 1/(i+1) as often as word 0: a few words most documents hold, many rare ones.
const VOCABULARY = Array.from({ length: 40 }, (_, i) => `w${i}`);

function randomDoc(id: string, random: () => number): Doc {
  const word = () => VOCABULARY[Math.floor(VOCABULARY.length ** random()) - 1];
  const text = (length: number) => Array.from({ length }, word).join(' ');
  return { id, title: text(Math.floor(random() * 4)), body: text(Math.floor(random() * 12)) };
}

function randomQuery(random: () => number): QueryTerm[] {
  const keys = [...VOCABULARY, 'absent'].filter(() => random() < 0.4).sort(() => random() - 0.5);
  // Few distinct boosts: documents tie.
  return keys.map((key) => ({ key, boost: [0.5, 1, 1, 2.25][Math.floor(random() * 4)] }));
}

/** A random index built by MiniSearch (Map postings) or by the bulk writer (PostingLists). */
function randomIndex(random: () => number, size: number, bulk: boolean): MiniSearch<Doc> {
  const docs = Array.from({ length: size }, (_, i) => randomDoc(`d${i}`, random));
  if (!bulk) {
    const mini = new MiniSearch<Doc>({ fields: ['title', 'body'] });
    mini.addAll(docs);
    return mini;
  }
  const writer = new BulkIndexWriter(['title', 'body']);
  const split = (text: string) => (text ? text.split(' ') : []);
  for (const doc of docs) writer.add({ id: doc.id, fieldTerms: [split(doc.title), split(doc.body)], stored: {} });
  return writer.load<Doc>({ fields: ['title', 'body'], tokenize: split });
}

describe('MoreLikeThis against a plain term-at-a-time oracle', () => {
  it('gives the same documents, scores and order on random indexes, as documents are added, or discarded, added and replaced, between queries', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.boolean(), (seed, bulk) => {
        const random = generator(seed);
        const mini = randomIndex(random, 20 + Math.floor(random() * 300), bulk);
        const internals = internalsOf(mini);
        const fieldBoosts: [number, number][] = [
          [internals._fieldIds.title, 2],
          [internals._fieldIds.body, 1],
        ];
        const search = new MoreLikeThis(internals, fieldBoosts);
        let added = 0;
        for (let round = 0; round < 4; round++) {
          for (let q = 0; q < 3; q++) {
            const terms = randomQuery(random);
            const modulus = [1, 2, 7, 50][Math.floor(random() * 4)];
            const accept = (docId: number) => docId % modulus === 0;
            const count = 1 + Math.floor(random() * 30);
            expect(search.best(terms, accept, count)).toEqual(referenceBest(internals, fieldBoosts, terms, accept, count));
          }
          // Changes between queries: new documents only (as captures bring), or with discards (not
          // vacuumed) and a replaced one.
          const ids = [...internals._documentIds.values()];
          const addsOnly = random() < 0.5;
          for (let i = 0; !addsOnly && i < 1 + random() * 20; i++) {
            const id = ids[Math.floor(random() * ids.length)];
            if (mini.has(id)) mini.discard(id);
          }
          for (let i = 0; i < random() * 10; i++) mini.add(randomDoc(`n${added++}`, random));
          const replaced = ids[Math.floor(random() * ids.length)];
          if (!addsOnly && mini.has(replaced)) {
            mini.discard(replaced);
            mini.add(randomDoc(replaced, random));
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('MoreLikeThis between changes of the index', () => {
  it('finds a term no document held once one is added, and scores as the oracle after a vacuum', async () => {
    const random = generator(17);
    const mini = randomIndex(random, 200, true);
    const internals = internalsOf(mini);
    const fieldBoosts: [number, number][] = [
      [internals._fieldIds.title, 2],
      [internals._fieldIds.body, 1],
    ];
    const search = new MoreLikeThis(internals, fieldBoosts);
    const terms: QueryTerm[] = [
      { key: 'w3', boost: 1 },
      { key: 'fresh', boost: 2 },
      { key: 'w0', boost: 0.5 },
    ];
    const answer = () => search.best(terms, () => true, 15);
    const oracle = () => referenceBest(internals, fieldBoosts, terms, () => true, 15);
    expect(answer()).toEqual(oracle());
    mini.add({ id: 'new', title: 'fresh w3', body: 'fresh' });
    expect(answer().map(({ docId }) => internals._documentIds.get(docId))).toContain('new');
    expect(answer()).toEqual(oracle());
    for (const id of [...internals._documentIds.values()].slice(0, 60)) mini.discard(id);
    expect(answer()).toEqual(oracle());
    await mini.vacuum();
    expect(internals._dirtCount).toBe(0);
    expect(answer()).toEqual(oracle());
    mini.discard('new');
    expect(answer().map(({ docId }) => internals._documentIds.get(docId))).not.toContain('new');
    expect(answer()).toEqual(oracle());
  });
});

describe('MoreLikeThis asked again from inside `accept`', () => {
  it('answers both queries as the oracle does', () => {
    const random = generator(23);
    const mini = randomIndex(random, 150, true);
    const internals = internalsOf(mini);
    const fieldBoosts: [number, number][] = [
      [internals._fieldIds.title, 2],
      [internals._fieldIds.body, 1],
    ];
    const search = new MoreLikeThis(internals, fieldBoosts);
    const outer: QueryTerm[] = [
      { key: 'w2', boost: 1 },
      { key: 'w0', boost: 1 },
      { key: 'w5', boost: 2 },
    ];
    const inner: QueryTerm[] = [
      { key: 'w1', boost: 1 },
      { key: 'w7', boost: 0.5 },
    ];
    const innerAnswers: ScoredDocument[][] = [];
    // A filter that asks a query of its own, as a caller's filter might.
    const accept = (docId: number) => {
      innerAnswers.push(search.best(inner, () => true, 5));
      return docId % 3 === 0;
    };
    expect(search.best(outer, accept, 12)).toEqual(referenceBest(internals, fieldBoosts, outer, (docId) => docId % 3 === 0, 12));
    expect(innerAnswers.length).toBeGreaterThan(12);
    for (const answer of innerAnswers) expect(answer).toEqual(referenceBest(internals, fieldBoosts, inner, () => true, 5));
  });
});

describe('bestPositions', () => {
  it('equals a full sort by score (highest first, earlier first among equals), for any count', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 80 }), fc.nat(90), (values, count) => {
        const scores = Float64Array.from(values);
        const sorted = values.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
        expect(bestPositions(scores, count)).toEqual(sorted.slice(0, count));
      }),
    );
  });

  it('takes a fractional count as the next whole one, and none for zero, negative or NaN', () => {
    const scores = Float64Array.from([3, 1, 4, 1, 5, 9, 2, 6]);
    expect(bestPositions(scores, 2.5)).toEqual([5, 7, 4]);
    for (const count of [0, -3, Number.NaN]) expect(bestPositions(scores, count)).toEqual([]);
  });
});
