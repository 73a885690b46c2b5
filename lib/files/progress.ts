/**
 * How far a long file task (an import, a restore) has come, for a progress bar. From its first
 * 'writing' on, the task has written or is about to: a cancel must then let it take back what it
 * wrote ('takingBack'), never end it part-way (entrypoints/library/file-client.ts).
 */
export interface FileProgress {
  stage: 'reading' | 'parsing' | 'writing' | 'takingBack';
  done: number;
  total: number;
}

/** What a long file task is given: where to report progress, and the reader's cancel. */
export interface FileTaskOptions {
  onProgress?(progress: FileProgress): void;
  /** Aborted when the reader cancels: the task stops and writes nothing. */
  signal?: AbortSignal;
}
