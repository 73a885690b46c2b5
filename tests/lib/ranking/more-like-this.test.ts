import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { internalsOf } from '@/lib/ranking/minisearch-internals';
import { bestPositions, MoreLikeThis, type QueryTerm } from '@/lib/ranking/more-like-this';

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
});
