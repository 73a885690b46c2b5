// @vitest-environment jsdom
// Dexie's live queries run only where a global indexedDB exists when Dexie loads: import it first.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import { readSettings } from '@/lib/db/settings';
import { PRUNE_LOG_KEY } from '@/lib/storage/prune';
import { testDb } from '../../lib/db/test-db';
import { makeArticle } from '../../lib/db/library-fixtures';
import { renderWithDb } from '../render-with-db';

afterEach(cleanup);

/** The first render waits for the database and the locale: on a busy machine, longer than a second. */
const SLOW = { timeout: 15_000 };

const permission = { request: async () => true, remove: async () => true, granted: async () => true };

async function optionsWith(unsaved: number) {
  const db = testDb();
  const captured = Array.from({ length: unsaved }, (_, i) =>
    makeArticle(`c${i}`, { title: `Captured article ${i}`, seenAt: i, sightings: [{ pageUrl: `http://site${i % 2}.example/list`, platform: 'meta', capturedAt: i }] }),
  );
  await db.articles.bulkAdd([...captured, makeArticle('mine', { title: 'Saved by the reader', savedAt: 1, seenAt: 0 })]);
  await db.settings.put({ key: PRUNE_LOG_KEY, value: [{ at: Date.UTC(2026, 2, 1, 9), articles: 1200, bytes: 3 * 1024 * 1024, sites: [{ host: 'flood.cnjournals.com', articles: 1200 }] }] });
  const changed = vi.fn();
  renderWithDb(db, <OptionsApp db={db} allSitesPermission={permission} estimateStorage={async () => ({})} onLibraryChanged={changed} />);
  const section = within(await screen.findByRole('region', { name: 'Captured articles kept' }, SLOW));
  return { db, section, changed };
}

describe('the storage cap on the options page', () => {
  it('shows the cap, what is kept now, and what was removed to stay within it', async () => {
    const { section } = await optionsWith(3);
    expect((await section.findByLabelText(/^At most this many articles/, {}, SLOW) as HTMLInputElement).value).toBe('50000');
    expect((section.getByLabelText(/^At most this many megabytes/) as HTMLInputElement).value).toBe('500');
    expect(await section.findByText(/^Now kept: 3 captured articles, about/, {}, SLOW)).toBeTruthy();
    expect(section.getByText(/1,200 articles \(3 MB\), first seen on flood\.cnjournals\.com \(1,200\)$/)).toBeTruthy();
  });

  it('applies a lower cap at once: the least recently seen captured articles go, the reader\'s stay', async () => {
    const { db, section, changed } = await optionsWith(300);
    fireEvent.input(await section.findByLabelText(/^At most this many articles/, {}, SLOW), { target: { value: '100' } });
    fireEvent.click(section.getByRole('button', { name: 'Apply' }));
    expect(await section.findByText('Applied. 205 articles were removed to stay within the limits.', {}, { timeout: 10_000 })).toBeTruthy();
    expect((await readSettings(db)).storageCap).toEqual({ articles: 100, megabytes: 500 });
    expect(await db.articles.get('mine')).toBeDefined();
    expect(await db.articles.get('c0')).toBeUndefined();
    expect(await db.articles.get('c299')).toBeDefined();
    expect(changed.mock.calls[0][0]).toHaveLength(205);
  }, 30_000);

  it('refuses a cap outside the ranges, saying so', async () => {
    const { db, section } = await optionsWith(1);
    fireEvent.input(await section.findByLabelText(/^At most this many articles/, {}, SLOW), { target: { value: '5' } });
    fireEvent.click(section.getByRole('button', { name: 'Apply' }));
    expect((await section.findByRole('alert', {}, SLOW)).textContent).toBe('Enter whole numbers within the ranges shown.');
    expect((await readSettings(db)).storageCap.articles).toBe(50_000);
  });
});
