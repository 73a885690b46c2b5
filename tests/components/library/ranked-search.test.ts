import { describe, expect, it, vi } from 'vitest';
import { combineScores, rankedSearch } from '@/components/library/ranked-search';
import { summarize } from '@/lib/db/articles-query';
import { makeArticle } from '../../lib/db/library-fixtures';

const rows = [
  makeArticle('a', { title: 'Regulation of inflammasomes' }),
  makeArticle('b', { title: 'Inflammasome signalling in arthritis' }),
  makeArticle('c', { title: 'Unrelated topic entirely' }),
].map(summarize);

describe('combineScores', () => {
  it('puts articles both searches find first, then either one\'s', () => {
    const scores = combineScores(new Map([['a', 2], ['c', 1]]), [{ id: 'a', score: 5, terms: [] }, { id: 'b', score: 5, terms: [] }]);
    expect(scores.get('a')).toBe(2);
    expect(scores.get('b')).toBe(1);
    expect(scores.get('c')).toBe(0.5);
  });
});

describe('rankedSearch', () => {
  it('adds the ranker\'s hits (prefixes, typos) to the substring search, for articles in the list', async () => {
    const ask = vi.fn(async () => ({ ok: true as const, results: [{ id: 'b', score: 3, terms: ['inflammasom'] }, { id: 'gone', score: 9, terms: [] }] }));
    const scores = await rankedSearch(ask)('inflammasomes', rows);
    expect(ask).toHaveBeenCalledWith('inflammasomes', 500);
    expect([...scores.keys()].sort()).toEqual(['a', 'b']);
  });

  it('falls back to the substring search when the background cannot answer', async () => {
    const failing = rankedSearch(async () => ({ ok: false as const, error: 'no index' }));
    expect([...(await failing('unrelated', rows)).keys()]).toEqual(['c']);
    const building = rankedSearch(async () => ({ ok: true as const, indexing: { done: 1, total: 9 } }));
    expect([...(await building('unrelated', rows)).keys()]).toEqual(['c']);
    const throwing = rankedSearch(() => Promise.reject(new Error('worker gone')));
    expect([...(await throwing('unrelated', rows)).keys()]).toEqual(['c']);
  });
});
