import { describe, expect, it } from 'vitest';
import {
  EMPTY_QUERY,
  libraryFacets,
  loadSummaries,
  queryLibrary,
  searchTerms,
  substringSearch,
  summarize,
  type LibraryQuery,
} from '@/lib/db/articles-query';
import { testDb } from './test-db';
import { makeArticle } from './library-fixtures';

const year = (y: number) => ({ 'date-parts': [[y]] as [number][] });

const ROWS = [
  makeArticle('a', {
    title: 'Deep learning for tumour segmentation',
    author: [{ family: 'Smith', given: 'Jane' }],
    issued: year(2020),
    language: 'en',
    platform: 'pubmed',
    capturedAt: 3,
    savedAt: 10,
    tags: ['review'],
    collections: ['c1'],
    keyword: 'segmentation; MRI',
  }),
  makeArticle('b', {
    title: '基于深度学习的肿瘤分割',
    altTitle: 'Tumour segmentation with deep learning',
    author: [{ literal: '张伟' }],
    issued: year(2018),
    language: 'zh',
    platform: 'qinyun',
    capturedAt: 1,
    'container-title': '中国医学影像',
  }),
  makeArticle('c', {
    title: undefined,
    abstract: 'An abstract about MRI without a title.',
    issued: undefined,
    language: 'en',
    platform: 'meta',
    capturedAt: 2,
    tags: ['review', 'mri'],
  }),
  makeArticle('d', { title: 'Apples', issued: year(2020), language: 'en', platform: 'pubmed', capturedAt: 4 }),
].map(summarize);

function ids(query: Partial<LibraryQuery>, scores?: Map<string, number>): string[] {
  const full = { ...EMPTY_QUERY, ...query, filters: { ...EMPTY_QUERY.filters, ...query.filters } };
  return queryLibrary(ROWS, full, scores ?? substringSearch(full.text, ROWS) as Map<string, number>, 'en').map((r) => r.id);
}

describe('summarize', () => {
  it('keeps what the list shows and drops the abstract, except its start for untitled articles', () => {
    const [a, , c] = ROWS;
    expect(a).toMatchObject({ id: 'a', authors: ['Jane Smith'], year: 2020, keywords: ['segmentation', 'MRI'] });
    expect('abstract' in a).toBe(false);
    expect(c.abstractStart).toBe('An abstract about MRI without a title.');
  });

  it('loads summaries of every article', async () => {
    const db = testDb();
    await db.articles.bulkAdd([makeArticle('x'), makeArticle('y')]);
    expect((await loadSummaries(db)).map((r) => r.id).sort()).toEqual(['x', 'y']);
  });
});

describe('queryLibrary', () => {
  it('sorts by capture time (newest first) by default', () => {
    expect(ids({})).toEqual(['d', 'a', 'c', 'b']);
  });

  it('sorts by year (newest first, undated last) and by the shown headline', () => {
    expect(ids({ sort: 'year' })).toEqual(['d', 'a', 'b', 'c']);
    // c has no title: its abstract start is its headline.
    expect(ids({ sort: 'title' })).toEqual(['c', 'd', 'a', 'b']);
  });

  it('filters by collection, tag, saved state, language, year and platform', () => {
    expect(ids({ filters: { state: 'all', collection: 'c1' } })).toEqual(['a']);
    expect(ids({ filters: { state: 'all', tag: 'review' } })).toEqual(['a', 'c']);
    expect(ids({ filters: { state: 'saved' } })).toEqual(['a']);
    expect(ids({ filters: { state: 'captured' } })).toEqual(['d', 'c', 'b']);
    expect(ids({ filters: { state: 'all', language: 'zh' } })).toEqual(['b']);
    expect(ids({ filters: { state: 'all', year: 2020 } })).toEqual(['d', 'a']);
    expect(ids({ filters: { state: 'all', platform: 'pubmed', tag: 'review' } })).toEqual(['a']);
  });

  it('searches titles, English titles, authors, keywords, sources and tags; all terms must match', () => {
    expect(ids({ text: 'segmentation' })).toEqual(['a', 'b']);
    expect(ids({ text: '肿瘤' })).toEqual(['b']);
    expect(ids({ text: '张伟' })).toEqual(['b']);
    expect(ids({ text: 'SMITH deep' })).toEqual(['a']);
    expect(ids({ text: '医学影像' })).toEqual(['b']);
    expect(ids({ text: 'mri' })).toEqual(['a', 'c']);
    expect(ids({ text: 'deep banana' })).toEqual([]);
  });

  it('folds full-width letters in the search text', () => {
    expect(ids({ text: 'ＭＲＩ' })).toEqual(['a', 'c']);
  });

  it('orders by relevance when asked: a title match before a keyword match', () => {
    // "mri" is in c's abstract start (its headline) and only in a's keywords.
    expect(ids({ text: 'mri', sort: 'relevance' })).toEqual(['c', 'a']);
  });

  it('takes scores from another search in place of the substring search', () => {
    const ranked = new Map([['b', 0.9], ['d', 0.5]]);
    expect(ids({ text: 'anything', sort: 'relevance' }, ranked)).toEqual(['b', 'd']);
  });
});

describe('searchTerms', () => {
  it('splits on whitespace and keeps quoted phrases whole', () => {
    expect(searchTerms(' Deep  "tumour segmentation"  ')).toEqual(['deep', 'tumour segmentation']);
  });
});

describe('libraryFacets', () => {
  it('counts the values each filter can take', () => {
    const facets = libraryFacets(ROWS, 'en');
    expect(facets.tags).toEqual([{ value: 'mri', count: 1 }, { value: 'review', count: 2 }]);
    expect(facets.years).toEqual([{ value: 2020, count: 2 }, { value: 2018, count: 1 }]);
    expect(facets.languages).toEqual([{ value: 'en', count: 3 }, { value: 'zh', count: 1 }]);
    expect(facets.platforms.map((p) => p.value)).toEqual(['pubmed', 'qinyun', 'meta']);
  });
});
