// @vitest-environment jsdom
// Dexie's live queries run only where a global indexedDB exists when Dexie loads: import it first.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { FileTasksContext, type FileTasks } from '@/components/files/file-tasks';
import { ImportPanel } from '@/components/library/ImportPanel';
import { BackupSection } from '@/components/options/BackupSection';
import type { FileTaskResult } from '@/lib/files/file-task';
import type { FileProgress } from '@/lib/files/progress';
import { MAX_FILE_BYTES } from '@/lib/files/read-file';
import { testDb } from '../../lib/db/test-db';
import { renderWithDb } from '../render-with-db';

afterEach(cleanup);

/** The first render waits for the database and the locale: on a busy machine, longer than a second. */
const SLOW = { timeout: 15_000 };

/** A task runner the test drives: it reports what the test says, and finishes when told. */
function drivenTasks() {
  const started: unknown[] = [];
  let report: (progress: FileProgress) => void = () => {};
  let finish: (result: FileTaskResult) => void = () => {};
  const cancel = vi.fn(() => finish({ kind: 'import', report: { added: 0, merged: 0, unchanged: 0, rejected: [], ignoredFields: [], writtenIds: [], cancelled: true } }));
  const tasks: FileTasks = {
    start(task, onProgress) {
      started.push(task);
      report = onProgress;
      return { result: new Promise((resolve) => (finish = resolve)), cancel };
    },
  };
  return { tasks, started, cancel, progress: (p: FileProgress) => report(p) };
}

function importPanel(tasks: FileTasks) {
  const db = testDb();
  renderWithDb(
    db,
    <FileTasksContext.Provider value={tasks}>
      <ImportPanel db={db} collections={[]} onLibraryChanged={() => {}} onClose={() => {}} />
    </FileTasksContext.Provider>,
  );
  const panel = within(screen.getByRole('region', { name: 'Import references' }));
  return {
    panel,
    choose(file: File) {
      fireEvent.change(panel.getByLabelText('File to import'), { target: { files: [file] } });
      fireEvent.click(panel.getByRole('button', { name: 'Import' }));
    },
  };
}

describe('reading a large file', () => {
  it('refuses a file over the limit before reading it, and says how large it is and what the limit is', async () => {
    const driven = drivenTasks();
    const { panel, choose } = importPanel(driven.tasks);
    const huge = new File(['x'], 'library.bib');
    Object.defineProperty(huge, 'size', { value: MAX_FILE_BYTES + 1 });
    choose(huge);
    expect((await panel.findByRole('alert', {}, SLOW)).textContent).toBe('library.bib is 201 MB: Simlit reads files of at most 200 MB. Nothing was read.');
    expect(driven.started).toEqual([]);
  });

  it('shows the progress of each stage and cancels on request, saying nothing was imported', async () => {
    const driven = drivenTasks();
    const { panel, choose } = importPanel(driven.tasks);
    choose(new File(['@article{a, title={T}}'], 'refs.bib'));
    await panel.findByText('Importing…', {}, SLOW);
    driven.progress({ stage: 'reading', done: 1024 * 1024, total: 4 * 1024 * 1024 });
    expect(await panel.findByText('Reading the file: 1 MB of 4 MB')).toBeTruthy();
    driven.progress({ stage: 'writing', done: 2_000, total: 50_000 });
    expect(await panel.findByText('Writing to the library: 2,000 of 50,000')).toBeTruthy();
    expect((panel.getByRole('progressbar') as HTMLProgressElement).value).toBe(2_000);
    fireEvent.click(panel.getByRole('button', { name: 'Cancel' }));
    expect(driven.cancel).toHaveBeenCalledOnce();
    expect(await panel.findByText('Import cancelled: nothing was imported.')).toBeTruthy();
  });
});

describe('getting the task ready while the reader chooses', () => {
  function preparingTasks() {
    const driven = drivenTasks();
    const calls: string[] = [];
    const tasks: FileTasks = {
      start(task, onProgress) {
        calls.push(`start ${task.kind}`);
        return driven.tasks.start(task, onProgress);
      },
      prepare: (kind) => calls.push(`prepare ${kind}`),
      release: () => calls.push('release'),
    };
    return { tasks, calls };
  }

  it('prepares an import when a file is chosen, before the Import click starts it', async () => {
    const { tasks, calls } = preparingTasks();
    const { panel } = importPanel(tasks);
    expect(calls).toEqual([]);
    fireEvent.change(panel.getByLabelText('File to import'), { target: { files: [new File(['@article{a, title={T}}'], 'refs.bib')] } });
    expect(calls).toEqual(['prepare import']);
    fireEvent.click(panel.getByRole('button', { name: 'Import' }));
    expect(calls).toEqual(['prepare import', 'start import']);
  });

  it('lets go of what it prepared when the panel closes', () => {
    const { tasks, calls } = preparingTasks();
    const { panel } = importPanel(tasks);
    fireEvent.change(panel.getByLabelText('File to import'), { target: { files: [new File(['x'], 'refs.ris')] } });
    cleanup();
    expect(calls).toEqual(['prepare import', 'release']);
  });

  it('prepares a restore when a backup is chosen on the options page', async () => {
    const { tasks, calls } = preparingTasks();
    const db = testDb();
    renderWithDb(
      db,
      <FileTasksContext.Provider value={tasks}>
        <BackupSection db={db} onLibraryChanged={() => {}} />
      </FileTasksContext.Provider>,
    );
    fireEvent.change(await screen.findByLabelText('Backup file', {}, SLOW), { target: { files: [new File(['{}'], 'simlit-backup.json')] } });
    expect(calls).toEqual(['prepare restore']);
  });
});

describe('restoring a crafted backup on the options page', () => {
  it('lists what it left out, and why', async () => {
    const db = testDb();
    renderWithDb(db, <BackupSection db={db} onLibraryChanged={() => {}} />);
    const section = within(screen.getByRole('region', { name: 'Backup and restore' }));
    const text = JSON.stringify({
      format: 'simlit-backup',
      version: 1,
      articles: [{ id: 'a1', type: 'article-journal', title: 'Kept', URL: 'javascript:alert(1)', ids: [], sightings: [], capturedAt: 1, updatedAt: 1, collections: [], tags: [] }],
      collections: [],
      settings: [{ key: 'pausedSites', value: 'nope' }],
      captures: [],
    });
    fireEvent.change(section.getByLabelText('Backup file'), { target: { files: [new File([text], 'backup.json')] } });
    fireEvent.click(section.getByRole('button', { name: 'Restore from a backup' }));
    const table = await section.findByRole('table', { name: 'Left out of the backup (2)' }, { timeout: 15_000 });
    const rows = within(table).getAllByRole('row').map((row) => row.textContent);
    expect(rows).toEqual(['WhereLeft out', 'article a1URL (not an http(s) address)', 'setting pausedSitesthe setting (not a valid value)']);
    expect((await db.articles.get('a1'))?.URL).toBeUndefined();
  });
});
