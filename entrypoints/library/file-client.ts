import type { FileTasks } from '@/components/files/file-tasks';
import type { FileTaskResult } from '@/lib/files/file-task';
import type { FileProgress } from '@/lib/files/progress';
import FileWorker from './file-worker?worker';

type Reply = { progress: FileProgress } | { result: FileTaskResult } | { cancelled: true } | { error: string };

/**
 * How long a cancelled worker that has not begun to write may take to stop by itself before it
 * is ended: parsing runs without a pause, so the cancel reaches it only when parsing ends. One
 * that has begun to write is never ended: it writes a chunk a transaction, and only its own stop
 * takes back the chunks it wrote (ended during that, it left most of a cancelled 20,000-article
 * import in the library while the page said nothing was imported). It says so before its first
 * write, and a write takes far longer than that message takes to arrive; a cancel sent before it
 * reaches the first write is heard there (the task waits on the database first) and nothing is
 * written.
 */
const CANCEL_GRACE_MS = 1000;

function newWorker(): Worker | undefined {
  try {
    return new FileWorker();
  } catch {
    return undefined;
  }
}

/**
 * File tasks in a worker each; when a worker cannot start, in the page (`fallback`). A worker
 * prepared while the reader chooses the file (its start, its code and the library's opening took
 * half a second of a small import) is the next task's.
 */
export function workerFileTasks(fallback: FileTasks): FileTasks {
  let prepared: Worker | undefined;
  return {
    prepare(kind) {
      if (!prepared) {
        const worker = newWorker();
        // One that fails to start is dropped: the task then starts its own, and hears its failure.
        if (worker)
          worker.onerror = () => {
            worker.terminate();
            if (prepared === worker) prepared = undefined;
          };
        prepared = worker;
      }
      prepared?.postMessage({ prepare: kind });
    },
    release() {
      prepared?.terminate();
      prepared = undefined;
    },
    start(task, onProgress) {
      const worker = prepared ?? newWorker();
      prepared = undefined;
      if (!worker) return fallback.start(task, onProgress);
      let end: () => void = () => {};
      let writing = false;
      const result = new Promise<FileTaskResult>((resolve, reject) => {
        // Cancelled, or ended before it could report: a worker ended mid-write has its transaction aborted.
        end = () => {
          worker.terminate();
          reject(new DOMException('The task was cancelled.', 'AbortError'));
        };
        worker.onmessage = ({ data }: MessageEvent<Reply>) => {
          if ('progress' in data) {
            if (data.progress.stage !== 'reading' && data.progress.stage !== 'parsing') writing = true;
            return onProgress(data.progress);
          }
          if ('cancelled' in data) return end();
          worker.terminate();
          if ('result' in data) resolve(data.result);
          else reject(new Error(data.error));
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
          setTimeout(() => writing || end(), CANCEL_GRACE_MS);
        },
      };
    },
  };
}
