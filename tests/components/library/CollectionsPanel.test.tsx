// @vitest-environment jsdom
// Dexie's live queries run only where a global indexedDB exists when Dexie loads: import it first.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import { addToCollection, createCollection } from '@/lib/db/collections';
import { testDb } from '../../lib/db/test-db';
import { makeArticle } from '../../lib/db/library-fixtures';
import { renderWithDb } from '../render-with-db';

afterEach(cleanup);

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
});
