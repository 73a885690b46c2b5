// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/preact';
import { useWholeList } from '@/components/library/use-whole-list';
import '../wait-for-states';
import { testDb } from '../../lib/db/test-db';
import { makeArticle } from '../../lib/db/library-fixtures';

afterEach(cleanup);

/** A library whose listing reads by range (a whole-list page) are counted. */
async function countedLibrary() {
  const db = testDb();
  const reads = { pages: 0 };
  db.use({
    stack: 'dbcore',
    name: 'CountListingPages',
    create: (down) => ({ ...down, table: (name) => (name === 'listing' ? { ...down.table(name), query: (req) => ((reads.pages += 1), down.table(name).query(req)) } : down.table(name)) }),
  });
  await db.articles.bulkAdd(['a', 'b', 'c'].map((id) => makeArticle(id, { title: `Article ${id}` })));
  return { db, reads };
}

const ids = (rows: { id: string }[] | undefined) => rows?.map((row) => row.id);

describe('useWholeList', () => {
  it('reads the list once, then follows captures, edits and deletions row by row', async () => {
    const { db, reads } = await countedLibrary();
    const { result } = renderHook(() => useWholeList(db, true, false));
    await waitFor(() => expect(ids(result.current)).toEqual(['a', 'b', 'c']));
    const pagesRead = reads.pages;
    expect(pagesRead).toBe(1);
    await db.articles.add(makeArticle('ab', { title: 'Captured elsewhere' }));
    await waitFor(() => expect(ids(result.current)).toEqual(['a', 'ab', 'b', 'c']));
    await db.articles.update('c', { title: 'Article c, edited' });
    await waitFor(() => expect(result.current?.find((row) => row.id === 'c')?.title).toBe('Article c, edited'));
    await db.articles.delete('a');
    await waitFor(() => expect(ids(result.current)).toEqual(['ab', 'b', 'c']));
    expect(reads.pages).toBe(pagesRead);
  });

  it('reads the whole list again when a change names a range, and gives nothing while not wanted', async () => {
    const { db, reads } = await countedLibrary();
    const { result, rerender } = renderHook(({ wanted }) => useWholeList(db, wanted, false), { initialProps: { wanted: true } });
    await waitFor(() => expect(ids(result.current)).toEqual(['a', 'b', 'c']));
    await db.articles.where('id').between('a', 'b', true, true).delete();
    await waitFor(() => expect(ids(result.current)).toEqual(['c']));
    expect(reads.pages).toBe(2);
    rerender({ wanted: false });
    expect(result.current).toBeUndefined();
  });

  it('keeps the list while paused and reads it whole once the pause ends', async () => {
    const { db } = await countedLibrary();
    const { result, rerender } = renderHook(({ paused }) => useWholeList(db, true, paused), { initialProps: { paused: false } });
    await waitFor(() => expect(ids(result.current)).toEqual(['a', 'b', 'c']));
    rerender({ paused: true });
    await db.articles.add(makeArticle('d', { title: 'Written during a change to many' }));
    expect(ids(result.current)).toEqual(['a', 'b', 'c']);
    rerender({ paused: false });
    await waitFor(() => expect(ids(result.current)).toEqual(['a', 'b', 'c', 'd']));
  });
});
