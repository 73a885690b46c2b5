import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SimlitDB } from '@/lib/db/schema';
import type { FileTask, FileTaskResult } from '@/lib/files/file-task';
import type { FileProgress } from '@/lib/files/progress';

/** A file task under way: its result (a report; a cancelled task reports `cancelled`), and the reader's cancel. */
export interface RunningTask {
  result: Promise<FileTaskResult>;
  cancel(): void;
}

/**
 * Runs imports and restores. The library and options pages provide one that works in a worker
 * (entrypoints/library/file-client.ts), so that a large file never freezes the page; without it
 * (tests, or a worker that cannot start) the task runs in the page.
 */
export interface FileTasks {
  start(task: FileTask, onProgress: (progress: FileProgress) => void): RunningTask;
  /** Gets ready for a task of this kind (the reader chose a file): the next start begins at once. */
  prepare?(kind: FileTask['kind']): void;
  /** Lets go of what prepare made ready and no task took (the panel closed). */
  release?(): void;
}

/** Runs a task in the page itself, the file code loaded on first use. */
export function inPageFileTasks(db: SimlitDB): FileTasks {
  return {
    start(task, onProgress) {
      const controller = new AbortController();
      const result = import('@/lib/files/file-task').then(({ runFileTask }) => runFileTask(db, task, { onProgress, signal: controller.signal }));
      return { result, cancel: () => controller.abort() };
    },
  };
}

export const FileTasksContext = createContext<FileTasks | undefined>(undefined);

/** The page's runner of file tasks, or one in the page. */
export function useFileTasks(db: SimlitDB): FileTasks {
  return useContext(FileTasksContext) ?? inPageFileTasks(db);
}
