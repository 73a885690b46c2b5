import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleVersions, LibrarySearcher } from '@/lib/search/library-search';

/** A stand-in for the search worker: records what it is sent. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  sent: { kind: string; ids?: string[]; versions?: ArticleVersions }[] = [];

  constructor() {
    FakeWorker.made.push(this);
  }

  postMessage(message: { kind: string }): void {
    this.sent.push(message);
  }

  terminate(): void {}
}

vi.mock('@/entrypoints/library/search-worker?worker', () => ({ default: FakeWorker }));
const { workerSearch } = await import('@/entrypoints/library/search-client');

const noFallback = (): LibrarySearcher => expect.unreachable('the search ran in the page');

afterEach(() => {
  FakeWorker.made = [];
});

describe('the library search in a worker', () => {
  it('makes and sends the list\'s versions once, with the next request, not on every change', () => {
    const search = workerSearch(noFallback);
    const made = vi.fn((n: number) => ({ ids: Array.from({ length: n }, (_, i) => `a${i}`), stamps: Array.from({ length: n }, () => 1) }));
    search.changed(undefined, () => made(1)); // before the worker starts: kept for it
    void search.search('first');
    const [worker] = FakeWorker.made;
    expect(worker.sent.map((message) => message.kind)).toEqual(['changed', 'search']);
    expect(worker.sent[0].versions?.ids).toEqual(['a0']);

    // The list changes twice while nobody searches: nothing is made or sent until the next search.
    search.changed(undefined, () => made(2));
    search.changed(undefined, () => made(3));
    expect(worker.sent).toHaveLength(2);
    void search.search('second');
    void search.search('third');
    expect(worker.sent.map((message) => message.kind)).toEqual(['changed', 'search', 'changed', 'search', 'search']);
    expect(worker.sent[2].versions?.ids).toHaveLength(3);
    expect(made.mock.calls).toEqual([[1], [3]]);

    // Articles the page changed itself are named at once, and mark the index stale.
    search.changed(['a1']);
    expect(worker.sent.at(-1)).toEqual({ kind: 'changed', ids: ['a1'] });
  });
});
