import { describe, expect, it } from 'vitest';
import { cslToArticle } from '@/lib/import/to-article';

describe('cslToArticle', () => {
  it('normalizes like a capture: DOI, date, pages, keywords, identity keys', () => {
    const article = cslToArticle(
      {
        id: 'x',
        type: 'article-journal',
        title: '  A   Title ',
        DOI: 'https://doi.org/10.1000/ABC',
        issued: { 'date-parts': [[2020, 2]] },
        page: '10–12',
        keyword: 'a; b',
        URL: 'https://example.org/a',
      },
      { now: 7, collectionId: 'c' },
    )!;
    expect(article).toMatchObject({ title: 'A Title', DOI: '10.1000/abc', issued: { 'date-parts': [[2020, 2]] }, page: '10-12', keyword: 'a; b' });
    expect(article.ids).toEqual(['url:https://example.org/a']);
    expect(article).toMatchObject({ sightings: [], savedAt: 7, collections: ['c'], platform: 'import' });
  });

  it('keeps Chinese names whole and one-part names as literals', () => {
    const article = cslToArticle(
      { id: 'x', type: 'article-journal', title: 't', author: [{ family: '王', given: '小明' }, { family: '欧阳修' }, { family: 'Smith', given: 'J' }, { literal: 'WHO' }] },
      { now: 1 },
    )!;
    expect(article.author).toEqual([{ literal: '王小明' }, { literal: '欧阳修' }, { family: 'Smith', given: 'J' }, { literal: 'WHO' }]);
  });

  it('drops relative or non-web URLs and refuses items with nothing to identify them', () => {
    expect(cslToArticle({ id: 'x', type: 'book', title: 't', URL: 'javascript:alert(1)' }, { now: 1 })!.URL).toBeUndefined();
    expect(cslToArticle({ id: 'x', type: 'book', title: '   ' }, { now: 1 })).toBeUndefined();
  });
});
