import { describe, expect, it } from 'vitest';
import {
  EMPTY_QUERY,
  libraryFacets,
  loadSummaries,
  queryLibrary,
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
  return queryLibrary(ROWS, full, scores, 'en').map((r) => r.id);
}

describe('summarize', () => {
  it('keeps what the list shows and drops the abstract, except its start for untitled articles', () => {
    const [a, , c] = ROWS;
    expect(a).toMatchObject({ id: 'a', authors: ['Jane Smith'], year: 2020, keywords: ['segmentation', 'MRI'] });
    expect('abstract' in a).toBe(false);
    expect(c.abstractStart).toBe('An abstract about MRI without a title.');
  });

  it('names what a reference would lack: title, authors, year', () => {
    const [a, b, c] = ROWS;
    expect(a.missing).toEqual([]);
    expect(b.missing).toEqual([]);
    expect(c.missing).toEqual(['title', 'author', 'issued']);
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
    expect(ids({ filters: { state: 'incomplete' } })).toEqual(['d', 'c']);
  });

  it('keeps, while searching, only the articles the search scored, in list order or by score', () => {
    const scores = new Map([['b', 0.9], ['d', 0.5]]);
    expect(ids({ text: 'anything' }, scores)).toEqual(['d', 'b']);
    expect(ids({ text: 'anything', sort: 'relevance' }, scores)).toEqual(['b', 'd']);
    expect(ids({ text: 'anything', filters: { state: 'all', language: 'zh' } }, scores)).toEqual(['b']);
    // Before the search answers nothing is taken for a match.
    expect(ids({ text: 'anything' })).toEqual([]);
  });
});

describe('libraryFacets', () => {
  it('counts the values each filter can take', () => {
    const facets = libraryFacets(ROWS, 'en');
    expect(facets.tags).toEqual([{ value: 'mri', count: 1 }, { value: 'review', count: 2 }]);
    expect(facets.years).toEqual([{ value: 2020, count: 2 }, { value: 2018, count: 1 }]);
    expect(facets.languages).toEqual([{ value: 'en', count: 3 }, { value: 'zh', count: 1 }]);
    // Equally frequent values in code-unit order, as the listing index gives its keys.
    expect(facets.platforms.map((p) => p.value)).toEqual(['pubmed', 'meta', 'qinyun']);
  });

  it('counts a tag given twice to one article once', () => {
    const twice = { ...ROWS[0], tags: ['review', 'review', 'mri'] };
    const facets = libraryFacets([twice, ROWS[1]], 'en');
    expect(facets.tags).toEqual([{ value: 'mri', count: 1 }, { value: 'review', count: 1 }]);
  });
});
