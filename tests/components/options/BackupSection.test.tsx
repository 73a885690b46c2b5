// @vitest-environment jsdom
// Dexie's live queries run only where a global indexedDB exists when Dexie loads: import it first.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import { addToCollection, createCollection } from '@/lib/db/collections';
import { addTags, setNote } from '@/lib/db/article-edits';
import { readSettings, writeSetting } from '@/lib/db/settings';
import { presentFields } from '@/lib/merge';
import type { SimlitDB } from '@/lib/db/schema';
import { testDb } from '../../lib/db/test-db';
import { renderWithDb } from '../render-with-db';
import { CHINESE, ENGLISH } from '../library/citable-articles';
import { downloadsOnDay, type CapturedDownload } from '../library/download-spy';

const spy = downloadsOnDay('2026-03-05T10:00:00Z');

const permission = { request: async () => true, remove: async () => true, granted: async () => true };

async function optionsPage(db: SimlitDB) {
  const changed = vi.fn();
  renderWithDb(db, <OptionsApp db={db} allSitesPermission={permission} estimateStorage={async () => ({})} onLibraryChanged={changed} />);
  const section = within(await screen.findByRole('region', { name: 'Backup and restore' }));
  return { section, changed };
}

async function stockedLibrary(): Promise<SimlitDB> {
  const db = testDb('backup-source');
  await db.articles.bulkAdd([CHINESE, ENGLISH]);
  const thesis = await createCollection(db, '毕业论文');
  await addToCollection(db, thesis.id, [CHINESE.id, ENGLISH.id]);
  await addTags(db, [CHINESE.id], ['肺结节', 'to read']);
  await setNote(db, ENGLISH.id, 'Compare with the 2019 baseline.');
  await writeSetting(db, 'pausedSites', ['example.com']);
  return db;
}

async function backUp(db: SimlitDB): Promise<CapturedDownload> {
  const { section } = await optionsPage(db);
  fireEvent.click(section.getByRole('button', { name: 'Back up the library' }));
  await section.findByText('Saved simlit-backup-2026-03-05.json.');
  cleanup();
  expect(spy.current.downloads).toHaveLength(1);
  return spy.current.downloads[0];
}

async function restoreFrom(section: ReturnType<typeof within>, file: File) {
  fireEvent.change(section.getByLabelText('Backup file'), { target: { files: [file] } });
  fireEvent.click(section.getByRole('button', { name: 'Restore from a backup' }));
}

const sortById = <T extends { id?: unknown }>(rows: T[]) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));

describe('Backup and restore on the options page', () => {
  it('backs the library up to a named file and restores it whole into another browser’s empty library', async () => {
    const source = await stockedLibrary();
    const backup = await backUp(source);
    expect(backup.fileName).toBe('simlit-backup-2026-03-05.json');
    expect(backup.blob.type).toBe('application/json;charset=utf-8');

    const target = testDb('backup-target');
    const { section, changed } = await optionsPage(target);
    const file = new File([await backup.blob.text()], backup.fileName, { type: 'application/json' });
    await restoreFrom(section, file);
    await section.findByText('The backup was restored.');
    expect(section.getByText('Articles: 2 added, 0 merged, 0 unchanged.')).toBeTruthy();
    expect(section.getByText('Collections: 1 added, 0 joined one of the same name, 0 unchanged.')).toBeTruthy();
    expect(section.getByText(/^Settings: 1 added/)).toBeTruthy();
    expect(section.getByText('No value of the backup was left out.')).toBeTruthy();

    // Both articles were the reader's (collected, tagged, annotated): their fields come back as the reader's.
    const restored = sortById(await source.articles.toArray()).map((article) => ({ ...article, readerFields: presentFields(article), seenAt: Math.max(article.capturedAt, ...article.sightings.map((s) => s.capturedAt)) }));
    expect(sortById(await target.articles.toArray())).toEqual(restored);
    expect(await target.collections.toArray()).toEqual(await source.collections.toArray());
    expect((await readSettings(target)).pausedSites).toEqual(['example.com']);
    expect([...changed.mock.calls[0][0]].sort()).toEqual([CHINESE.id, ENGLISH.id].sort());
    // The counts on the same page follow the restore.
    await screen.findByText('2 articles (0 saved), 1 collection, 0 page records.');

    // Restoring the same file again changes nothing.
    await restoreFrom(section, file);
    await section.findByText('Articles: 0 added, 0 merged, 2 unchanged.');
    expect(await target.articles.count()).toBe(2);
  });

  it('lists every value of the backup it did not apply', async () => {
    const backup = await backUp(await stockedLibrary());
    const target = testDb('backup-conflict');
    const renamed = { ...CHINESE, title: '肺结节的深度学习检测方法' };
    await target.articles.add(renamed);
    const { section } = await optionsPage(target);
    await restoreFrom(section, new File([await backup.blob.text()], backup.fileName));
    const table = await section.findByRole('table', { name: /^Values of the backup not applied \(\d+\)$/ });
    const row = within(table)
      .getAllByRole('row')
      .find((r) => r.textContent?.startsWith(`Article ${CHINESE.id}title`));
    expect(row).toBeTruthy();
    const cells = within(row!).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells.slice(2).sort()).toEqual([CHINESE.title, renamed.title].sort());
    // Both titles survive: one in the library, the other on screen.
    expect([CHINESE.title, renamed.title]).toContain((await target.articles.get(CHINESE.id))?.title);
    expect((await target.articles.get(CHINESE.id))?.tags).toEqual(['肺结节', 'to read']);
  });

  it('restores nothing from a file that is not a backup, and says why', async () => {
    const target = testDb('backup-broken');
    await target.articles.add(ENGLISH);
    const { section, changed } = await optionsPage(target);
    expect((section.getByRole('button', { name: 'Restore from a backup' }) as HTMLButtonElement).disabled).toBe(true);
    await restoreFrom(section, new File(['{"format": "simlit-backup", "version": 1, "articles": [{"id": 1}]'], 'cut.json'));
    const alert = await section.findByRole('alert');
    expect(alert.querySelector('p')?.textContent).toBe('Nothing was restored: the file is not a Simlit backup, or it is damaged.');
    // What the parser said is kept, folded away as a detail.
    expect(alert.querySelector('details')?.textContent).toMatch(/^Detailsnot a Simlit backup: not valid JSON/);
    await restoreFrom(section, new File([JSON.stringify({ format: 'simlit-backup', version: 1, articles: [], collections: [], settings: [] })], 'partial.json'));
    await waitFor(() => expect(section.getByRole('alert').querySelector('code')?.textContent).toBe('the backup has no captures list'));
    expect(section.getByRole('alert').querySelector('p')?.textContent).toBe('Nothing was restored: the file is not a Simlit backup, or it is damaged.');
    await restoreFrom(section, new File([JSON.stringify({ format: 'simlit-backup', version: 99, articles: [], collections: [], settings: [], captures: [] })], 'new.json'));
    await waitFor(() => expect(section.getByRole('alert').querySelector('p')?.textContent).toBe('Nothing was restored: the backup was made by a newer Simlit. Update Simlit first.'));
    expect(await target.articles.toArray()).toEqual([ENGLISH]);
    expect(await target.collections.count()).toBe(0);
    expect(changed).not.toHaveBeenCalled();
  });

  it('speaks the reader\'s language on its file button and in its errors', async () => {
    const target = testDb('backup-zh');
    await writeSetting(target, 'uiLanguage', 'zh_CN');
    renderWithDb(target, <OptionsApp db={target} allSitesPermission={permission} estimateStorage={async () => ({})} />);
    const section = within(await screen.findByRole('region', { name: '备份与恢复' }));
    expect(section.getByText('选择文件…')).toBeTruthy();
    expect(section.getByText('未选择文件')).toBeTruthy();
    fireEvent.change(section.getByLabelText('备份文件'), { target: { files: [new File(['@article{x,'], 'refs.bib')] } });
    expect(section.getByText('refs.bib')).toBeTruthy();
    fireEvent.click(section.getByRole('button', { name: '从备份恢复' }));
    const alert = await section.findByRole('alert');
    expect(alert.querySelector('p')?.textContent).toBe('未恢复任何内容：所选文件不是 Simlit 备份文件，或文件已损坏。');
    expect(within(alert).getByText('详细信息')).toBeTruthy();
  });
});
