/**
 * Imports and restores off the page's thread: a large file is read, parsed and written here,
 * with progress and the reader's cancel, while the page keeps answering. One task per worker; a
 * worker may be started ahead of its task, while the reader chooses the file (`prepare`).
 * Not a WXT entrypoint (a non-index file of a directory entrypoint); pages load it through
 * Vite's `?worker` import (file-client.ts).
 */
import { openLibrary } from '@/lib/db/schema';
import { prepareFileTask, runFileTask, type FileTask } from '@/lib/files/file-task';

interface WorkerScope {
  onmessage: ((event: MessageEvent<{ task: FileTask } | { prepare: FileTask['kind'] } | { cancel: true }>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
const controller = new AbortController();

scope.onmessage = ({ data }) => {
  if ('cancel' in data) {
    controller.abort();
    return;
  }
  if ('prepare' in data) {
    // Only a head start: the task itself loads and opens whatever this could not.
    prepareFileTask(openLibrary(), data.prepare).catch(() => undefined);
    return;
  }
  runFileTask(openLibrary(), data.task, { signal: controller.signal, onProgress: (progress) => scope.postMessage({ progress }) }).then(
    (result) => scope.postMessage({ result }),
    (error: unknown) =>
      scope.postMessage(error instanceof Error && error.name === 'AbortError' ? { cancelled: true } : { error: error instanceof Error ? error.message : String(error) }),
  );
};
