// @vitest-environment jsdom
// Dexie's live queries run only where a global indexedDB exists when Dexie loads: import it first.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { ArticleDetail } from '@/components/library/ArticleDetail';
import type { RankingReply } from '@/lib/messages';
import { testDb } from '../../lib/db/test-db';
import { makeArticle } from '../../lib/db/library-fixtures';
import { renderWithDb } from '../render-with-db';
import '../wait-for-states';

afterEach(cleanup);

describe('ArticleDetail: similar articles', () => {
  it('lists the neighbours the background ranks, and opens one with "More like this"', async () => {
    const db = testDb();
    await db.articles.bulkAdd([
      makeArticle('a', { title: '问责与避责' }),
      makeArticle('b', { title: '基层避责行为的生成', abstract: '避责行为研究' }),
    ]);
    const similar = vi.fn(async (): Promise<RankingReply> => ({ ok: true, results: [{ id: 'b', score: 0.4, terms: ['避', '责'] }] }));
    const onOpen = vi.fn();
    renderWithDb(db, <ArticleDetail db={db} id="a" collections={[]} onClose={() => {}} onDelete={() => {}} similar={similar} onOpen={onOpen} />);
    const list = await screen.findByRole('list', { name: 'Similar articles' });
    expect(similar).toHaveBeenCalledWith('a', expect.any(Number));
    const row = within(list).getByRole('listitem');
    // The two halves the segmenter makes of 避责 are one word, in both articles: marked once, as a word.
    await waitFor(() => expect([...row.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['避责']));
    expect(within(row).getByRole('img').getAttribute('aria-label')).toBe('Similar, similarity 0.40');
    fireEvent.click(within(row).getByRole('button', { name: /Find articles like/ }));
    expect(onOpen).toHaveBeenCalledWith('b');
  });

  it('says that nothing close is stored yet when no neighbour clears the threshold, and shows the nearest on request', async () => {
    const db = testDb();
    await db.articles.bulkAdd([makeArticle('a', { title: '问责与避责' }), makeArticle('b', { title: 'Metal additive manufacturing' })]);
    const similar = vi.fn(async (): Promise<RankingReply> => ({ ok: true, results: [{ id: 'b', score: 0.06, terms: [] }] }));
    renderWithDb(db, <ArticleDetail db={db} id="a" collections={[]} onClose={() => {}} onDelete={() => {}} similar={similar} onOpen={() => {}} />);
    await screen.findByText(/^Nothing close in your library yet: none of its 2 articles is similar enough/);
    expect(screen.queryByRole('list', { name: 'Similar articles' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show the nearest anyway' }));
    const nearest = await screen.findByRole('list', { name: 'Nearest, though not similar' });
    expect(within(nearest).getByRole('img').getAttribute('aria-label')).toBe('Weak match, similarity 0.06');
  });

  it('has no similar section without a ranker', async () => {
    const db = testDb();
    await db.articles.add(makeArticle('a', { title: '问责与避责' }));
    renderWithDb(db, <ArticleDetail db={db} id="a" collections={[]} onClose={() => {}} onDelete={() => {}} />);
    await screen.findByRole('heading', { name: '问责与避责' });
    expect(screen.queryByRole('heading', { name: 'Similar articles' })).toBeNull();
  });
});
