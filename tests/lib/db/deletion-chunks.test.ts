import { afterEach, describe, expect, it, vi } from 'vitest';
import { DELETED_AT_ONCE, deleteChecked } from '@/lib/db/deletion-chunks';
import { isUntouched } from '@/lib/db/clear-library';
import { testDb } from './test-db';
import { makeArticle } from './library-fixtures';
import { watchDeletions } from './watch-deletions';

afterEach(() => vi.restoreAllMocks());

describe('deleteChecked', () => {
  it(`deletes in chunks of ${DELETED_AT_ONCE}, each in a transaction of its own, and keeps what was touched meanwhile`, async () => {
    const db = testDb();
    await db.articles.bulkAdd(Array.from({ length: 600 }, (_, i) => makeArticle(`a${i}`)));
    const deletions = watchDeletions(db);
    // The reader saves a599 while the first chunks go.
    const deleted: string[] = [];
    const done: number[] = [];
    await deleteChecked(
      db,
      Array.from({ length: 600 }, (_, i) => `a${i}`),
      (article) => {
        if (article.id === 'a300') void db.articles.update('a599', { savedAt: 1 });
        return isUntouched(article);
      },
      (articles, through) => {
        deleted.push(...articles.map((article) => article.id));
        done.push(through);
      },
    );
    expect(deletions.map((d) => d.count)).toEqual([...Array(5).fill(DELETED_AT_ONCE), 99]);
    expect(new Set(deletions.map((d) => d.transaction)).size).toBe(6);
    expect(deleted).toHaveLength(599);
    expect(done).toEqual([100, 200, 300, 400, 500, 600]);
    expect(await db.articles.toCollection().primaryKeys()).toEqual(['a599']);
  });

});
