import { describe, expect, it, vi } from 'vitest';
import { forEachArticle } from '@/lib/db/articles-by-chunk';
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
