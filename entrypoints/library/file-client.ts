import type { FileTasks } from '@/components/files/file-tasks';
import type { FileTaskResult } from '@/lib/files/file-task';
import type { FileProgress } from '@/lib/files/progress';
import FileWorker from './file-worker?worker';

type Reply = { progress: FileProgress } | { result: FileTaskResult } | { error: string };

/**
 * How long a cancelled worker may take to stop by itself before it is ended: parsing runs
 * without a pause, and only writing needs the worker's own stop (ending a worker mid-write
 * aborts its transaction, which writes nothing either).
 */
const CANCEL_GRACE_MS = 1000;

/** The reports of a task that was ended before it could report, by kind. */
function cancelledResult(kind: 'import' | 'restore'): FileTaskResult {
  const base = { written: [], cancelled: true };
  if (kind === 'import') return { kind, report: { ...base, added: 0, merged: 0, unchanged: 0, rejected: [], ignoredFields: [] } };
  return {
    kind,
    report: {
      ...base,
      articles: { added: 0, merged: 0, unchanged: 0 },
      collections: { added: 0, unchanged: 0, joined: 0 },
      settings: { added: 0, unchanged: 0, merged: 0 },
      captures: { added: 0, unchanged: 0 },
      conflicts: [],
      dropped: [],
      droppedMore: 0,
    },
  };
}

/** File tasks in a worker each; when a worker cannot start, in the page (`fallback`). */
export function workerFileTasks(fallback: FileTasks): FileTasks {
  return {
    start(task, onProgress) {
      let worker: Worker;
      try {
        worker = new FileWorker();
      } catch {
        return fallback.start(task, onProgress);
      }
      let settle: (result: FileTaskResult) => void = () => {};
      const result = new Promise<FileTaskResult>((resolve, reject) => {
        settle = (value) => {
          worker.terminate();
          resolve(value);
        };
        worker.onmessage = ({ data }: MessageEvent<Reply>) => {
          if ('progress' in data) onProgress(data.progress);
          else if ('result' in data) settle(data.result);
          else {
            worker.terminate();
            reject(new Error(data.error));
          }
        };
        worker.onerror = (event) => {
          worker.terminate();
          reject(new Error(event.message || 'the file could not be read'));
        };
      });
      worker.postMessage({ task });
      return {
        result,
        cancel() {
          worker.postMessage({ cancel: true });
          setTimeout(() => settle(cancelledResult(task.kind)), CANCEL_GRACE_MS);
        },
      };
    },
  };
}
