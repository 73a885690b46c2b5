import { useEffect, useRef, useState } from 'preact/hooks';
import type { SimlitDB } from '@/lib/db/schema';
import type { FileTask, FileTaskResult } from '@/lib/files/file-task';
import type { FileProgress } from '@/lib/files/progress';
import { MAX_FILE_BYTES } from '@/lib/files/read-file';
import { useI18n } from '../i18n-context';
import { useWarnBeforeLeaving } from '../use-warn-before-leaving';
import { useFileTasks, type RunningTask } from './file-tasks';
import { tooLargeMessage } from './TaskProgress';

export type FileTaskState =
  | { kind: 'idle' }
  | { kind: 'busy'; progress?: FileProgress; cancelling: boolean }
  | { kind: 'done'; result: FileTaskResult }
  /** The reader cancelled: nothing was written. */
  | { kind: 'cancelled' }
  /** `reason` is what the library or the browser said; `readable` the reader's sentence, when it is known here. */
  | { kind: 'failed'; reason: string; readable?: string };

/**
 * One import or restore at a time, with its progress and cancel: a file over the size limit is
 * refused before it is read; a task still running when the component goes is cancelled.
 */
export function useFileTask(db: SimlitDB) {
  const { t } = useI18n();
  const tasks = useFileTasks(db);
  const [state, setState] = useState<FileTaskState>({ kind: 'idle' });
  const running = useRef<RunningTask>();
  useWarnBeforeLeaving(state.kind === 'busy');
  useEffect(
    () => () => {
      running.current?.cancel();
      tasks.release?.();
    },
    [],
  );

  async function start(task: FileTask, file: File): Promise<FileTaskResult | undefined> {
    const tooLarge = tooLargeMessage(file, t, MAX_FILE_BYTES);
    if (tooLarge) {
      setState({ kind: 'failed', reason: tooLarge, readable: tooLarge });
      return undefined;
    }
    setState({ kind: 'busy', cancelling: false });
    const task$ = tasks.start(task, (progress) => setState((current) => (current.kind === 'busy' ? { ...current, progress } : current)));
    running.current = task$;
    try {
      const result = await task$.result;
      setState(result.report.cancelled ? { kind: 'cancelled' } : { kind: 'done', result });
      return result;
    } catch (error) {
      // Cancelled while reading or parsing, reading the file failed, or the task broke: its transaction wrote nothing.
      if (error instanceof Error && error.name === 'AbortError') setState({ kind: 'cancelled' });
      else setState({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
      return undefined;
    } finally {
      if (running.current === task$) running.current = undefined;
    }
  }

  function cancel(): void {
    running.current?.cancel();
    setState((current) => (current.kind === 'busy' ? { ...current, cancelling: true } : current));
  }

  /** The reader chose a file: the task it will start gets ready meanwhile. */
  function prepare(kind: FileTask['kind']): void {
    tasks.prepare?.(kind);
  }

  return { state, start, cancel, prepare, reset: () => setState({ kind: 'idle' }) };
}
