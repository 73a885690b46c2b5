import { describe, expect, it, vi } from 'vitest';
import { articlesInOrder, forEachArticle } from '@/lib/db/articles-by-chunk';
import { makeArticle } from './library-fixtures';
import { testDb } from './test-db';

describe('forEachArticle', () => {
  it('reads the articles of the ids a chunk at a time, in their order, leaving out those not there', async () => {
    const db = testDb();
    await db.articles.bulkAdd(['a', 'b', 'c', 'd', 'e'].map((id) => makeArticle(id)));
    const bulkGet = vi.spyOn(db.articles, 'bulkGet');
    const seen: string[] = [];
    await forEachArticle(db.articles, ['e', 'gone', 'a', 'c', 'b'], 2, (article) => seen.push(article.id));
    expect(seen).toEqual(['e', 'a', 'c', 'b']);
    expect(bulkGet.mock.calls.map(([ids]) => ids)).toEqual([['e', 'gone'], ['a', 'c'], ['b']]);
  });
});

describe('articlesInOrder', () => {
  it('gives the articles of many ids in their order, each read of a thousand at most in its own transaction', async () => {
    const db = testDb();
    const ids = Array.from({ length: 2500 }, (_, i) => `n${i}`);
    await db.articles.bulkAdd(ids.map((id) => makeArticle(id)));
    const bulkGet = vi.spyOn(db.articles, 'bulkGet');
    const asked = [...ids].reverse();
    asked.splice(1200, 0, 'gone');
    const found = await articlesInOrder(db.articles, asked);
    expect(found.map((article) => article.id)).toEqual([...ids].reverse());
    expect(bulkGet.mock.calls.map(([chunk]) => chunk.length)).toEqual([1000, 1000, 501]);
  });
});

