/** How far a long file task (an import, a restore) has come, for a progress bar. */
export interface FileProgress {
  stage: 'reading' | 'parsing' | 'writing';
  done: number;
  total: number;
}

/** What a long file task is given: where to report progress, and the reader's cancel. */
export interface FileTaskOptions {
  onProgress?(progress: FileProgress): void;
  /** Aborted when the reader cancels: the task stops and writes nothing. */
  signal?: AbortSignal;
}
