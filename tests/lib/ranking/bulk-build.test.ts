import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleTerms, RankableArticle } from '@/lib/ranking/article-terms';
import { DEFAULT_RANKER, SimilarityIndex, type RankerOptions } from '@/lib/ranking/similarity-index';

// Few words, so that counts tie and terms repeat within and across fields and articles.
const WORDS = ['graph', 'tree', 'pebble', 'soil', 'wheat', '中', '控制', '系统', 'x'];

const terms = (maxLength: number) => fc.array(fc.constantFrom(...WORDS), { maxLength });
const articleTerms: fc.Arbitrary<ArticleTerms> = fc.record({ title: terms(8), keywords: terms(6), abstract: terms(40) });
const articles = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 30 }), articleTerms), { maxLength: 25 })
  .map((list) => list.map(([id, terms]): RankableArticle => ({ id: `a${id}`, title: `t${id}`, terms })));

/** Limits of the picks (ties at the cut, none, all, odd values as slice() reads them) and field weights in any order. */
const options: fc.Arbitrary<RankerOptions> = fc.record({
  abstractTerms: fc.constantFrom(0, 1, 2, 3, 5, 2.5, -2, 100),
  vectorAbstractTerms: fc.constantFrom(0, 1, 3, 4, 7, 100),
  weights: fc.shuffledSubarray(['title', 'keywords', 'abstract'] as const, { minLength: 3 }),
  weight: fc.constantFrom(0, 0.25, 1, 2, 3),
}).map(({ abstractTerms, vectorAbstractTerms, weights, weight }) => ({
  ...DEFAULT_RANKER,
  abstractTerms,
  vectorAbstractTerms,
  vectorWeights: Object.fromEntries(weights.map((field, i) => [field, field === 'abstract' ? 1 : weight + i / 2])) as RankerOptions['vectorWeights'],
}));

/** The index add() builds, article after article (the last version of an id replaces the first, as create() keeps it). */
function oneByOne(list: RankableArticle[], rankerOptions: RankerOptions): SimilarityIndex {
  const latest = new Map(list.map((article) => [article.id, article]));
  const index = SimilarityIndex.create([], rankerOptions);
  index.addAll(latest.values());
  return index;
}

describe('building at once (bulk-build.ts)', () => {
  it('builds the index add() builds, on random articles: ties, repeats, empty fields, odd limits and weights', () => {
    fc.assert(
      fc.property(articles, options, (list, rankerOptions) => {
        expect(SimilarityIndex.create(list, rankerOptions).toSnapshot()).toEqual(oneByOne(list, rankerOptions).toSnapshot());
      }),
      { numRuns: 300 },
    );
  });

  it('builds the index add() builds over thousands of terms and more than one chunk of postings (every array grows)', () => {
    let state = 7;
    const next = (n: number) => (state = (state * 1103515245 + 12345) % 2 ** 31) % n;
    const word = () => (next(2) ? `w${next(5000)}` : String.fromCharCode(0x4e00 + next(3000), 0x4e00 + next(3000)));
    const list = Array.from({ length: 1500 }, (_, i): RankableArticle => ({
      id: `a${i}`,
      terms: {
        title: Array.from({ length: next(12) }, word),
        keywords: Array.from({ length: next(8) }, word),
        abstract: Array.from({ length: next(300) }, () => (next(3) ? word() : `common${next(20)}`)),
      },
    }));
    const built = SimilarityIndex.create(list);
    expect(built.toSnapshot()).toEqual(oneByOne(list, DEFAULT_RANKER).toSnapshot());
    expect(built.similarTo(list[3], { limit: 20 })).toEqual(oneByOne(list, DEFAULT_RANKER).similarTo(list[3], { limit: 20 }));
  });
});
