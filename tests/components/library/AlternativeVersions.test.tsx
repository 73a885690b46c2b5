// @vitest-environment jsdom
// Dexie's live queries run only where a global indexedDB exists when Dexie loads: import it first.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { ArticleDetail } from '@/components/library/ArticleDetail';
import { testDb } from '../../lib/db/test-db';
import { makeArticle } from '../../lib/db/library-fixtures';
import { renderWithDb } from '../render-with-db';

afterEach(cleanup);

/** The first render waits for the database and the locale: on a busy machine, longer than a second. */
const SLOW = { timeout: 15_000 };

const SAVED = makeArticle('legit', {
  title: 'Deep learning for protein folding',
  author: [{ family: 'Jumper', given: 'J' }],
  DOI: '10.1000/legit.1',
  savedAt: 5,
  sightings: [{ pageUrl: 'http://www.nature.com/articles/legit', platform: 'meta', capturedAt: Date.UTC(2026, 0, 2) }],
  alternatives: [
    {
      source: { pageUrl: 'http://evil.cnjournals.com/ch/reader/view_abstract.aspx?file_no=1', platform: 'qinyun', capturedAt: Date.UTC(2026, 0, 3) },
      fields: { title: '<img src=x onerror=alert(1)> RETRACTED, see http://evil.example/phish', author: [{ literal: 'Evil A' }, { literal: 'Evil B' }] },
    },
    { source: { platform: 'import', capturedAt: Date.UTC(2026, 0, 4) }, fields: { volume: '596' } },
  ],
});

async function detail() {
  const db = testDb();
  await db.articles.add(SAVED);
  const onEdited = vi.fn();
  renderWithDb(db, <ArticleDetail db={db} id={SAVED.id} collections={[]} onClose={() => {}} onDelete={() => {}} onEdited={onEdited} />);
  const section = within(await screen.findByRole('region', { name: 'Other versions (2)' }, SLOW));
  return { db, section, onEdited };
}

describe('other versions of an article in the detail', () => {
  it('shows each version with its source, newest first, its values as text', async () => {
    const { section } = await detail();
    const items = section.getAllByRole('listitem');
    expect(items[0].textContent).toContain('From an imported file');
    expect(items[1].textContent).toContain('evil.cnjournals.com');
    expect(within(items[1]).getByRole('link', { name: 'evil.cnjournals.com' }).getAttribute('href')).toBe('http://evil.cnjournals.com/ch/reader/view_abstract.aspx?file_no=1');
    expect(within(items[1]).getByText('<img src=x onerror=alert(1)> RETRACTED, see http://evil.example/phish')).toBeTruthy();
    expect(within(items[1]).getByText('Evil A, Evil B')).toBeTruthy();
    expect(document.querySelector('.alternatives img')).toBeNull();
    // The record itself still shows the reader's title.
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Deep learning for protein folding');
  });

  it('uses a version on request: its values become the reader\'s, the replaced ones a version', async () => {
    const { db, section, onEdited } = await detail();
    const page = section.getAllByRole('listitem')[1];
    fireEvent.click(within(page).getByRole('button', { name: 'Use this version' }));
    await waitFor(async () => expect((await db.articles.get(SAVED.id))?.title).toMatch(/RETRACTED/));
    // The search and the similarity index read it again: the title they rank changed.
    await waitFor(() => expect(onEdited).toHaveBeenCalledWith([SAVED.id]));
    const stored = (await db.articles.get(SAVED.id))!;
    expect(stored.readerFields).toEqual(['title', 'author']);
    expect(stored.alternatives?.at(-1)?.fields).toEqual({ title: 'Deep learning for protein folding', author: [{ family: 'Jumper', given: 'J' }] });
  });

  it('dismisses a version', async () => {
    const { db, section, onEdited } = await detail();
    fireEvent.click(within(section.getAllByRole('listitem')[0]).getByRole('button', { name: 'Dismiss' }));
    await screen.findByRole('region', { name: 'Other versions (1)' });
    expect((await db.articles.get(SAVED.id))?.alternatives).toHaveLength(1);
    await waitFor(() => expect(onEdited).toHaveBeenCalledWith([SAVED.id]));
  });
});
