// @vitest-environment jsdom
// Dexie's live queries run only where a global indexedDB exists when Dexie loads: import it first.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import type { AllSitesPermission } from '@/components/options/CaptureModeSection';
import { readSettings, writeSetting } from '@/lib/db/settings';
import type { SimlitDB } from '@/lib/db/schema';
import { testDb } from '../../lib/db/test-db';
import { makeArticle } from '../../lib/db/library-fixtures';
import { DELETED_AT_ONCE } from '@/lib/db/deletion-chunks';
import { quotaFullAtCall } from '../../lib/db/quota-full';
import { recordTexts } from '../watch-page';
import { renderWithDb } from '../render-with-db';

afterEach(cleanup);

function permission(granted: boolean, held = false): AllSitesPermission & { [K in keyof AllSitesPermission]: ReturnType<typeof vi.fn> } {
  return {
    request: vi.fn(async () => granted),
    remove: vi.fn(async () => true),
    granted: vi.fn(async () => held),
  };
}

async function options(db: SimlitDB, allSites = permission(true), browserLanguage = 'en') {
  const estimate = vi.fn(async () => ({ usage: 3 * 1024 * 1024, quota: 10 * 1024 ** 3 }));
  const changed = vi.fn();
  renderWithDb(db, <OptionsApp db={db} allSitesPermission={allSites} estimateStorage={estimate} onLibraryChanged={changed} />, browserLanguage);
  await screen.findAllByRole('radio');
  return { allSites, estimate, changed };
}

describe('OptionsApp: where capture runs', () => {
  it('starts on known sites and stores another choice', async () => {
    const db = testDb();
    await options(db);
    expect((screen.getByRole('radio', { name: /On known journal sites/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: /Only when I click/ }));
    await waitFor(async () => expect((await readSettings(db)).captureMode).toBe('on-click'));
    await waitFor(() => expect((screen.getByRole('radio', { name: /Only when I click/ }) as HTMLInputElement).checked).toBe(true));
  });

  it('asks for the all-sites permission in the click, and stores the choice only when granted', async () => {
    const db = testDb();
    const denied = permission(false);
    await options(db, denied);
    fireEvent.click(screen.getByRole('radio', { name: /On all sites/ }));
    expect(denied.request).toHaveBeenCalledTimes(1);
    expect((await screen.findByRole('alert')).textContent).toMatch(/not granted/);
    expect((await readSettings(db)).captureMode).toBe('known-sites');
    expect((screen.getByRole('radio', { name: /On all sites/ }) as HTMLInputElement).checked).toBe(false);
    cleanup();

    const granted = permission(true, true);
    await options(db, granted);
    fireEvent.click(screen.getByRole('radio', { name: /On all sites/ }));
    expect(granted.request).toHaveBeenCalledTimes(1);
    await waitFor(async () => expect((await readSettings(db)).captureMode).toBe('all-sites'));
    await waitFor(() => expect((screen.getByRole('radio', { name: /On all sites/ }) as HTMLInputElement).checked).toBe(true));
    // Leaving all sites gives the permission back.
    fireEvent.click(screen.getByRole('radio', { name: /On known journal sites/ }));
    await waitFor(async () => expect((await readSettings(db)).captureMode).toBe('known-sites'));
    expect(granted.remove).toHaveBeenCalledTimes(1);
  });

  it('warns when all sites is chosen but the browser no longer grants it', async () => {
    const db = testDb();
    await writeSetting(db, 'captureMode', 'all-sites');
    await options(db, permission(true, false));
    expect((await screen.findByRole('alert')).textContent).toMatch(/permission was removed/);
  });
});

describe('OptionsApp: paused sites', () => {
  it('pauses a site from a pasted address, refuses non-addresses, and resumes', async () => {
    const db = testDb();
    await options(db);
    const section = within(screen.getByRole('region', { name: 'Paused sites' }));
    expect(section.getByText('No paused sites.')).toBeTruthy();
    const input = section.getByRole('textbox', { name: 'Site to pause' });
    fireEvent.input(input, { target: { value: 'https://www.cnki.net/kcms/detail' } });
    fireEvent.click(section.getByRole('button', { name: 'Pause' }));
    await section.findByText('cnki.net');
    expect((await readSettings(db)).pausedSites).toEqual(['cnki.net']);
    fireEvent.input(input, { target: { value: 'not a site' } });
    fireEvent.click(section.getByRole('button', { name: 'Pause' }));
    expect((await section.findByRole('alert')).textContent).toBe('“not a site” is not a site address.');
    fireEvent.click(section.getByRole('button', { name: 'Resume capture on cnki.net' }));
    await section.findByText('No paused sites.');
    expect((await readSettings(db)).pausedSites).toEqual([]);
  });

  it('names an internationalized site as its readers write it, not in its ASCII form', async () => {
    const db = testDb();
    await options(db);
    const section = within(screen.getByRole('region', { name: 'Paused sites' }));
    fireEvent.input(section.getByRole('textbox', { name: 'Site to pause' }), { target: { value: 'http://万方.cn/paper' } });
    fireEvent.click(section.getByRole('button', { name: 'Pause' }));
    await section.findByText('万方.cn');
    expect((await readSettings(db)).pausedSites).toEqual(['xn--chqp19c.cn']);
    expect(section.queryByText(/xn--/)).toBeNull();
    fireEvent.click(section.getByRole('button', { name: 'Resume capture on 万方.cn' }));
    await section.findByText('No paused sites.');
  });
});

describe('OptionsApp: what is stored', () => {
  /** `untouched` captured-only articles, one saved, one with a note, one collection. */
  async function stocked(untouched = 1200) {
    const db = testDb();
    await db.articles.bulkAdd([
      ...Array.from({ length: untouched }, (_, i) => makeArticle(`u${i}`)),
      makeArticle('s', { savedAt: 1 }),
      makeArticle('n', { note: 'keep' }),
    ]);
    await db.collections.add({ id: 'c', name: 'C', createdAt: 1, updatedAt: 1 });
    return db;
  }

  it('tells what is stored and the storage used, formatted', async () => {
    const db = await stocked();
    await options(db);
    expect(await screen.findByText('1,202 articles (1 saved), 1 collection, 0 page records.')).toBeTruthy();
    expect(await screen.findByText('3 MB used of 10 GB available')).toBeTruthy();
  });

  it('formats them in Chinese', async () => {
    const db = await stocked();
    await options(db, permission(true), 'zh-CN');
    expect(await screen.findByText('1,202 篇文献（已保存 1 篇），1 个文献集，0 条网页记录。')).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('clears captured articles the reader has not kept, after confirmation', async () => {
    const db = await stocked(30);
    const untouched = (await db.articles.toCollection().primaryKeys()).filter((id) => id !== 'n' && id !== 's');
    const { changed } = await options(db);
    fireEvent.click(await screen.findByRole('button', { name: 'Clear captured articles you have not kept (30)' }));
    const question = screen.getByRole('group', { name: 'Delete 30 captured articles? This cannot be undone.' });
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(await db.articles.count()).toBe(32);
    fireEvent.click(screen.getByRole('button', { name: 'Clear captured articles you have not kept (30)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    await screen.findByText('Deleted 30 articles.', undefined, { timeout: 10_000 });
    expect((await db.articles.toCollection().primaryKeys()).sort()).toEqual(['n', 's']);
    // The ranking index hears of exactly the deleted articles.
    expect(changed).toHaveBeenCalledOnce();
    expect([...changed.mock.calls[0][0]].sort()).toEqual([...untouched].sort());
  });

  /** Confirms "Clear captured articles you have not kept" for `count` of them, the section's status texts recorded meanwhile. */
  async function clearing(db: SimlitDB, count: number) {
    const { changed } = await options(db);
    const label = `Clear captured articles you have not kept (${count.toLocaleString('en-US')})`;
    fireEvent.click(await screen.findByRole('button', { name: label }));
    const status = screen.getByRole('region', { name: 'Clear data' }).querySelector('[role="status"]')!;
    const { said, stop } = recordTexts(status);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    return { changed, said, label, stopWatching: stop };
  }

  it('clears many a chunk at a time, saying how far it has got, the buttons held meanwhile', async () => {
    const db = await stocked(DELETED_AT_ONCE * 2 + 50);
    const { changed, said, label, stopWatching } = await clearing(db, DELETED_AT_ONCE * 2 + 50);
    await waitFor(() => expect((screen.getByRole('button', { name: 'Delete everything' }) as HTMLButtonElement).disabled).toBe(true));
    await screen.findByText('Deleted 250 articles.');
    stopWatching();
    expect(said).toContain(`Clearing captured articles you have not kept: ${DELETED_AT_ONCE} of 250…`);
    expect((await db.articles.toCollection().primaryKeys()).sort()).toEqual(['n', 's']);
    expect(changed.mock.calls[0][0]).toHaveLength(250);
    await screen.findByRole('button', { name: 'Clear captured articles you have not kept (0)' });
    expect(screen.queryByRole('button', { name: label })).toBeNull();
  });

  it('says where clearing stopped, and tells the ranking index of what it deleted before', async () => {
    const db = await stocked(DELETED_AT_ONCE * 3);
    quotaFullAtCall(db, 'bulkDelete', 2);
    const { changed } = await clearing(db, DELETED_AT_ONCE * 3);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(`Clearing stopped after deleting ${DELETED_AT_ONCE} articles: the others are still in the library.`);
    expect(await db.articles.count()).toBe(DELETED_AT_ONCE * 2 + 2);
    expect(changed.mock.calls[0][0]).toHaveLength(DELETED_AT_ONCE);
    vi.restoreAllMocks();
  });

  it('deletes everything after confirmation, keeping the settings', async () => {
    const db = await stocked(30);
    await writeSetting(db, 'pausedSites', ['arxiv.org']);
    const all = await db.articles.toCollection().primaryKeys();
    const { changed } = await options(db);
    await screen.findByText(/32 articles/);
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Delete all 32 articles and 1 collection? This cannot be undone.' })).getByRole('button', { name: 'Yes, delete' }));
    await screen.findByText('The library is empty now.', undefined, { timeout: 10_000 });
    expect([await db.articles.count(), await db.collections.count()]).toEqual([0, 0]);
    expect((await readSettings(db)).pausedSites).toEqual(['arxiv.org']);
    expect([...changed.mock.calls[0][0]].sort()).toEqual([...all].sort());
    await waitFor(() => expect((screen.getByRole('button', { name: 'Delete everything' }) as HTMLButtonElement).disabled).toBe(true));
  });
});
