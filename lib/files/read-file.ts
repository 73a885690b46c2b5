import type { FileTaskOptions } from './progress';

/** The largest file Simlit reads (an import or a backup); a larger one is refused before reading. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** Thrown for a file over MAX_FILE_BYTES: nothing of it was read. */
export class FileTooLargeError extends Error {
  constructor(readonly size: number) {
    super(`the file is ${Math.ceil(size / (1024 * 1024))} MB; Simlit reads files of at most ${MAX_FILE_BYTES / (1024 * 1024)} MB`);
  }
}

/**
 * A file's text (UTF-8, byte order mark dropped), read piece by piece so that progress can be
 * shown and the reader can cancel. A file over MAX_FILE_BYTES is refused before any of it is read.
 */
export async function readFileText(file: Blob, { onProgress, signal }: FileTaskOptions = {}): Promise<string> {
  if (file.size > MAX_FILE_BYTES) throw new FileTooLargeError(file.size);
  // Blobs without streams (jsdom's) are read whole.
  if (typeof file.stream !== 'function') return (await file.text()).replace(/^\uFEFF/, '');
  const decoder = new TextDecoder('utf-8');
  const reader = file.stream().getReader();
  const parts: string[] = [];
  let done = 0;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const chunk = await reader.read();
      if (chunk.done) break;
      done += chunk.value.byteLength;
      parts.push(decoder.decode(chunk.value, { stream: true }));
      onProgress?.({ stage: 'reading', done, total: file.size });
    }
  } finally {
    reader.releaseLock();
  }
  parts.push(decoder.decode());
  return parts.join('');
}
