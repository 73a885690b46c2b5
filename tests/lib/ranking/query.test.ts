import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inverseDocumentFrequency, selectTerms, type QueryOptions } from '@/lib/ranking/query';

const OPTIONS: QueryOptions = { maxTerms: 5, fieldWeights: { title: 2, keywords: 2, abstract: 1 }, maxDocShare: 0.05, selectIdfPower: 1, boostIdfPower: 0 };

/** The plain answer: every eligible term ranked, sorted (rank, then term), the first maxTerms. */
function referenceSelect(weights: Map<string, number>, frequencies: Map<string, number>, documentCount: number, options: QueryOptions) {
  const maxDf = Math.max(100, options.maxDocShare * documentCount);
  return [...weights]
    .filter(([term]) => frequencies.get(term)! > 0 && frequencies.get(term)! <= maxDf)
    .map(([term, weight]) => {
      const idf = inverseDocumentFrequency(frequencies.get(term)!, documentCount);
      return { term, weight: weight * idf ** options.boostIdfPower, rank: weight * idf ** options.selectIdfPower };
    })
    .sort((a, b) => b.rank - a.rank || (a.term < b.term ? -1 : 1))
    .slice(0, options.maxTerms)
    .map(({ term, weight }) => ({ term, weight }));
}

describe('selectTerms', () => {
  it('keeps the terms with the highest weight x idf (ties by spelling), leaving out absent and too common terms', () => {
    const weights = new Map([
      ['土壤', Math.log1p(4)],
      ['wheat', Math.log1p(2)],
      ['yield', Math.log1p(2)],
      ['the', Math.log1p(9)],
      ['only', Math.log1p(3)],
    ]);
    const frequencies = new Map([
      ['土壤', 40],
      ['wheat', 80],
      ['yield', 80],
      ['the', 5000],
      ['only', 0],
    ]);
    const selected = selectTerms(weights, { documentCount: 10_000, documentFrequency: (term) => frequencies.get(term)! }, { ...OPTIONS, maxTerms: 2 });
    expect(selected.map(({ term }) => term)).toEqual(['土壤', 'wheat']);
    expect(selected[1].weight).toBe(Math.log1p(2));
  });

  it('equals ranking every term and taking the first maxTerms, ties and idf powers included', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 3 }), fc.constantFrom(0.5, 1, Math.log1p(2), 2), fc.integer({ min: 0, max: 900 })), { selector: ([term]) => term, maxLength: 60 }),
        fc.integer({ min: 0, max: 25 }),
        fc.constantFrom(0, 0.5, 1, 2),
        fc.constantFrom(0, 1),
        (entries, maxTerms, selectIdfPower, boostIdfPower) => {
          const weights = new Map(entries.map(([term, weight]) => [term, weight]));
          // Few distinct frequencies: ranks tie.
          const frequencies = new Map(entries.map(([term, , df]) => [term, df - (df % 150)]));
          const options = { ...OPTIONS, maxTerms, selectIdfPower, boostIdfPower };
          const stats = { documentCount: 5_000, documentFrequency: (term: string) => frequencies.get(term)! };
          expect(selectTerms(weights, stats, options)).toEqual(referenceSelect(weights, frequencies, 5_000, options));
        },
      ),
    );
  });
});
