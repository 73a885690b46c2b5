import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachIndexedTerm, indexedTerms } from '@/lib/ranking/article-terms';

// Few distinct terms, so that counts tie and terms repeat within and across fields.
const term = fc.constantFrom('graph', 'pebble', 'rigid', '高血压', '治疗', 'soil', 'photon', 'matroid', 'lhc', '土壤', 'wave', 'spin');
const terms = fc.record({ title: fc.array(term, { maxLength: 8 }), keywords: fc.array(term, { maxLength: 4 }), abstract: fc.array(term, { maxLength: 60 }) });

describe('forEachIndexedTerm', () => {
  it('names exactly the terms indexedTerms() indexes, whatever the abstract limit (ties by first occurrence)', () => {
    fc.assert(
      fc.property(terms, fc.integer({ min: 0, max: 14 }), (article, limit) => {
        const indexed = indexedTerms(article, limit);
        const named: string[] = [];
        forEachIndexedTerm(article, limit, (t) => named.push(t));
        expect(new Set(named)).toEqual(new Set([...indexed.title, ...indexed.keywords, ...indexed.abstract]));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the first of equally frequent abstract terms at the limit', () => {
    const named: string[] = [];
    forEachIndexedTerm({ title: [], keywords: [], abstract: ['wave', 'spin', 'soil', 'soil', 'graph', 'spin', 'soil'] }, 2, (t) => named.push(t));
    // soil 3, spin 2, then wave, graph 1: two kept.
    expect(named).toEqual(['spin', 'soil']);
    named.length = 0;
    forEachIndexedTerm({ title: [], keywords: [], abstract: ['wave', 'spin', 'graph', 'soil'] }, 3, (t) => named.push(t));
    expect(named).toEqual(['wave', 'spin', 'graph']);
  });
});
