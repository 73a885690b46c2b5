import { describe, expect, it } from 'vitest';
import { FileTooLargeError, MAX_FILE_BYTES, readFileText } from '@/lib/files/read-file';
import type { FileProgress } from '@/lib/files/progress';

/** A Blob that claims a size without holding the bytes, and fails if anything reads it. */
function hugeBlob(size: number): Blob {
  return { size, stream: () => { throw new Error('read'); } } as unknown as Blob;
}

describe('readFileText', () => {
  it('refuses a file over the limit before reading any of it, saying how large it is and what the limit is', async () => {
    await expect(readFileText(hugeBlob(MAX_FILE_BYTES + 1))).rejects.toThrow(FileTooLargeError);
    await expect(readFileText(hugeBlob(350 * 1024 * 1024))).rejects.toThrow('the file is 350 MB; Simlit reads files of at most 200 MB');
  });

  it('reads UTF-8 (a character split between pieces too) and reports bytes read', async () => {
    const text = `\uFEFF${'深度学习 deep learning '.repeat(2_000)}`;
    const bytes = new TextEncoder().encode(text);
    // Pieces of 1,000 bytes: many of them end inside a three-byte character.
    const pieces = Array.from({ length: Math.ceil(bytes.length / 1000) }, (_, i) => bytes.slice(i * 1000, (i + 1) * 1000));
    const file = { size: bytes.length, stream: () => new ReadableStream({ start: (c) => (pieces.forEach((p) => c.enqueue(p)), c.close()) }) } as unknown as Blob;
    const progress: FileProgress[] = [];
    const read = await readFileText(file, { onProgress: (p) => progress.push(p) });
    expect(read).toBe(text.slice(1));
    expect(progress).toHaveLength(pieces.length);
    expect(progress.at(-1)).toEqual({ stage: 'reading', done: bytes.length, total: bytes.length });
  });

  it('stops when the reader cancels', async () => {
    const controller = new AbortController();
    const reading = readFileText(new Blob(['x'.repeat(1_000_000)]), { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(reading).rejects.toThrow(/abort/i);
  });
});
