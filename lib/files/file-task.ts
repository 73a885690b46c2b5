/**
 * Reading a file the reader chose into the library — an import or a restore — as one task with
 * progress and a cancel: what the library page and the options page run in a worker (or, when
 * no worker can start, in the page itself).
 */
import type { SimlitDB } from '../db/schema';
import type { RestoreReport } from '../backup/restore';
import type { ImportReport } from '../import/import-file';
import type { FileTaskOptions } from './progress';
import { readFileText } from './read-file';

export type FileTask = { kind: 'import'; file: Blob; fileName: string; collectionId?: string } | { kind: 'restore'; file: Blob };

export type FileTaskResult = { kind: 'import'; report: ImportReport } | { kind: 'restore'; report: RestoreReport };

// Each kind's code, loaded on first use (a worker's prepare loads it ahead of the task).
const importCode = () => import('../import/import-file');
const restoreCode = () => import('../backup/restore');

/**
 * Loads the code a task of this kind runs and opens the library, so that a task that comes later
 * starts at once: what a worker does while the reader is still choosing (half a second of a
 * small import was the worker's start).
 */
export async function prepareFileTask(db: SimlitDB, kind: FileTask['kind']): Promise<void> {
  await Promise.all([kind === 'import' ? importCode() : restoreCode(), db.open()]);
}

/** Runs the task: reads the file (refusing one too large), then imports or restores it. Errors are thrown. */
export async function runFileTask(db: SimlitDB, task: FileTask, options: FileTaskOptions = {}): Promise<FileTaskResult> {
  const text = await readFileText(task.file, options);
  if (task.kind === 'import') {
    const { importFile } = await importCode();
    return { kind: 'import', report: await importFile(db, text, { ...options, fileName: task.fileName, collectionId: task.collectionId }) };
  }
  const { restoreLibrary } = await restoreCode();
  return { kind: 'restore', report: await restoreLibrary(db, text, options) };
}
