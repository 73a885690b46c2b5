import { describe, expect, it } from 'vitest';
import { formatEvalLine, leaveOneOutQueries, ndcgAtK, precisionAtK } from '@/lib/ranking/evaluate';

describe('metrics', () => {
  it('computes precision at k over k, even when fewer results came back', () => {
    expect(precisionAtK([true, false, true], 3)).toBeCloseTo(2 / 3);
    expect(precisionAtK([true], 10)).toBeCloseTo(0.1);
  });

  it('computes nDCG with binary gains against the ideal ranking', () => {
    // relevant at ranks 2 and 3 of 3, two relevant in all: (1/log2 3 + 1/2) / (1 + 1/log2 3)
    expect(ndcgAtK([false, true, true], 2, 3)).toBeCloseTo((1 / Math.log2(3) + 0.5) / (1 + 1 / Math.log2(3)));
    expect(ndcgAtK([true, true], 2, 10)).toBeCloseTo(1);
    expect(ndcgAtK([false], 0, 10)).toBe(0);
  });

  it('formats the last line of the eval command', () => {
    expect(formatEvalLine({ precision: 0.2714, ndcg: 0.30049, queries: 998, k: 10 })).toBe('P@10 0.271 nDCG@10 0.300 queries 998');
    expect(formatEvalLine({ precision: 0.5, ndcg: 0.5, queries: 2, k: 5 })).toBe('P@5 0.500 nDCG@5 0.500 queries 2');
  });
});

describe('leaveOneOutQueries', () => {
  it('makes the other articles sharing a label relevant, never the query itself', () => {
    const articles = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const labels = new Map([['a', ['x']], ['b', ['x', 'y']], ['c', ['y']]]);
    const queries = leaveOneOutQueries(articles, labels);
    expect([...queries[0].relevant]).toEqual(['b']);
    expect([...queries[1].relevant].sort()).toEqual(['a', 'c']);
  });
});
