import { describe, expect, it } from 'vitest';
import { forgetKeptAnswerStates, readLibraryState, sameLibraryState } from '@/lib/db/library-state';
import { makeArticle } from './library-fixtures';
import { testDb } from './test-db';

describe('library state', () => {
  it('is the newest write and the size, and moves with an addition, an edit and a deletion', async () => {
    const db = testDb();
    expect(await readLibraryState(db)).toEqual({ newest: 0, size: 0 });
    await db.articles.bulkAdd([makeArticle('a', { updatedAt: 5 }), makeArticle('b', { updatedAt: 9 })]);
    const before = await readLibraryState(db);
    expect(before).toEqual({ newest: 9, size: 2 });
    await db.articles.update('a', { title: 'changed', updatedAt: 12 });
    expect(await readLibraryState(db)).toEqual({ newest: 12, size: 2 });
    await db.articles.delete('b');
    expect(await readLibraryState(db)).toEqual({ newest: 12, size: 1 });
  });

  it('is the same only when both numbers are', () => {
    expect(sameLibraryState({ newest: 3, size: 2 }, { newest: 3, size: 2 })).toBe(true);
    expect(sameLibraryState({ newest: 3, size: 2 }, { newest: 3, size: 1 })).toBe(false);
    expect(sameLibraryState({ newest: 3, size: 2 }, { newest: 4, size: 2 })).toBe(false);
    expect(sameLibraryState(undefined, { newest: 3, size: 2 })).toBe(false);
    expect(sameLibraryState({ newest: 3, size: 2 }, undefined)).toBe(false);
  });

  it('is forgotten from every kept answer after an update, the answers kept', async () => {
    const db = testDb();
    const similar = [{ id: 'x', score: 0.3, terms: ['t'] }];
    await db.captures.bulkAdd([
      { pageUrl: 'https://a.example/', platform: 'test', kind: 'article', capturedAt: 1, items: [], similar, similarAsOf: { newest: 3, size: 2 } },
      { pageUrl: 'https://b.example/', platform: 'test', kind: 'article', capturedAt: 2, items: [] },
    ]);
    await forgetKeptAnswerStates(db);
    const captures = await db.captures.toArray();
    expect(captures.map((capture) => capture.similarAsOf)).toEqual([undefined, undefined]);
    expect(captures[0].similar).toEqual(similar);
  });
});
