// @vitest-environment jsdom
// Dexie's live queries run only where a global indexedDB exists when Dexie loads: import it first.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import { addToCollection, createCollection } from '@/lib/db/collections';
import { EDIT_CHUNK } from '@/lib/db/article-edits';
import { quotaFullAtCall } from '../../lib/db/quota-full';
import { recordTexts } from '../watch-page';
import { testDb } from '../../lib/db/test-db';
import { makeArticle } from '../../lib/db/library-fixtures';
import { renderWithDb } from '../render-with-db';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function library() {
  const db = testDb();
  await db.articles.bulkAdd([
    makeArticle('a', { title: 'Alpha', capturedAt: 2 }),
    makeArticle('b', { title: 'Beta', capturedAt: 1 }),
  ]);
  renderWithDb(db, <LibraryApp db={db} />);
  await screen.findByRole('list', { name: 'Articles' });
  return { db, panel: within(screen.getByRole('region', { name: 'Collections' })) };
}

function titles(): string[] {
  return [...document.querySelectorAll('.row-title')].map((el) => el.textContent ?? '');
}

describe('CollectionsPanel', () => {
  it('creates a collection and refuses an empty or duplicate name', async () => {
    const { db, panel } = await library();
    expect(panel.getByText('No collections yet.')).toBeTruthy();
    const name = panel.getByRole('textbox', { name: 'New collection' });
    fireEvent.input(name, { target: { value: '综述' } });
    fireEvent.click(panel.getByRole('button', { name: 'Create' }));
    await panel.findByRole('button', { name: '综述 (0)' });
    expect((name as HTMLInputElement).value).toBe('');
    fireEvent.input(name, { target: { value: ' 综述 ' } });
    fireEvent.click(panel.getByRole('button', { name: 'Create' }));
    expect((await panel.findByRole('alert')).textContent).toBe('A collection with this name exists.');
    fireEvent.input(name, { target: { value: '  ' } });
    fireEvent.click(panel.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(panel.getByRole('alert').textContent).toBe('Enter a name.'));
    expect(await db.collections.count()).toBe(1);
  });

  it('shows a collection’s articles when chosen, and removes the selection from it', async () => {
    const { db, panel } = await library();
    const c = await createCollection(db, 'Reading');
    await addToCollection(db, c.id, ['b']);
    fireEvent.click(await panel.findByRole('button', { name: 'Reading (1)' }));
    await waitFor(() => expect(titles()).toEqual(['Beta']));
    expect(panel.getByRole('button', { name: 'Reading (1)' }).getAttribute('aria-current')).toBe('true');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select “Beta”' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove from “Reading”' }));
    await waitFor(() => expect(titles()).toEqual([]));
    expect((await db.articles.get('b'))?.collections).toEqual([]);
    fireEvent.click(panel.getByRole('button', { name: 'All articles (2)' }));
    await waitFor(() => expect(titles()).toEqual(['Alpha', 'Beta']));
  });

  it('renames a collection in place, and Cancel keeps the name', async () => {
    const { db, panel } = await library();
    const c = await createCollection(db, 'Old');
    fireEvent.click(await panel.findByRole('button', { name: 'Rename “Old”' }));
    const input = panel.getByRole('textbox', { name: 'Rename “Old”' });
    fireEvent.input(input, { target: { value: 'New name' } });
    fireEvent.click(panel.getByRole('button', { name: 'Rename' }));
    await panel.findByRole('button', { name: 'New name (0)' });
    expect((await db.collections.get(c.id))?.name).toBe('New name');
    fireEvent.click(panel.getByRole('button', { name: 'Rename “New name”' }));
    fireEvent.click(panel.getByRole('button', { name: 'Cancel' }));
    expect(panel.getByRole('button', { name: 'New name (0)' })).toBeTruthy();
  });

  it('deletes a collection after confirmation; its articles stay', async () => {
    const { db, panel } = await library();
    const c = await createCollection(db, 'Temp');
    await addToCollection(db, c.id, ['a', 'b']);
    fireEvent.click(await panel.findByRole('button', { name: 'Delete “Temp”' }));
    const question = panel.getByRole('group', { name: 'Delete the collection “Temp”? Its articles stay in the library.' });
    // The focus lands on Cancel so that Enter does not delete by accident.
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.click(within(question).getByRole('button', { name: 'Yes, delete' }));
    await waitFor(() => expect(panel.queryByRole('button', { name: /Temp/ })).toBeNull());
    expect(await db.collections.count()).toBe(0);
    expect(await db.articles.count()).toBe(2);
    expect(titles()).toEqual(['Alpha', 'Beta']);
  });

  /** The library page with a collection of `size` articles, its Delete confirmed; the panel's texts recorded meanwhile. */
  async function deletingLarge(size: number, failOnPut?: number) {
    const db = testDb();
    const big = await createCollection(db, 'Big');
    await db.articles.bulkAdd(Array.from({ length: size }, (_, i) => makeArticle(`m${String(i).padStart(4, '0')}`, { title: `Member ${i}`, collections: [big.id] })));
    if (failOnPut) quotaFullAtCall(db, 'bulkPut', failOnPut);
    renderWithDb(db, <LibraryApp db={db} />);
    const region = screen.getByRole('region', { name: 'Collections' });
    const panel = within(region);
    fireEvent.click(await panel.findByRole('button', { name: 'Delete “Big”' }));
    const { said, stop } = recordTexts(region);
    fireEvent.click(panel.getByRole('button', { name: 'Yes, delete' }));
    return { db, big, panel, said, stopWatching: stop };
  }

  it('deletes a large collection a chunk at a time, saying how far it is', async () => {
    const size = EDIT_CHUNK * 2 + 3;
    const { db, panel, said, stopWatching } = await deletingLarge(size);
    await waitFor(() => expect(panel.queryByRole('button', { name: /^Big/ })).toBeNull());
    stopWatching();
    expect(said.some((text) => text.includes(`Deleting “Big”: ${EDIT_CHUNK} of ${size.toLocaleString('en')} articles taken out of it…`))).toBe(true);
    expect(await db.collections.count()).toBe(0);
    expect(await db.articles.count()).toBe(size);
    expect(await db.listing.filter((row) => row.collections.length > 0).count()).toBe(0);
  });

  it('says when a collection could not be deleted, and keeps it with the members not taken out', async () => {
    const { db, big, panel, stopWatching } = await deletingLarge(EDIT_CHUNK * 2, 2);
    const alert = await panel.findByRole('alert');
    stopWatching();
    expect(alert.textContent).toContain('“Big” could not be deleted.');
    expect(alert.textContent).toContain('quota is full');
    expect(await db.collections.get(big.id)).toBeDefined();
    await panel.findByRole('button', { name: `Big (${EDIT_CHUNK})` });
    expect(panel.getByRole('button', { name: 'Delete “Big”' })).toBeTruthy();
  });
});
