import type { ArticleVersions, LibrarySearcher, SearchAnswer, SearchProgress } from '@/lib/search/library-search';
import SearchWorker from './search-worker?worker';

export type SearchWorkerRequest = { kind: 'prepare' } | { kind: 'changed'; ids?: string[]; versions?: ArticleVersions } | { kind: 'search'; id: number; text: string };
export type SearchWorkerReply = { id: number; progress: SearchProgress } | { id: number; answer: SearchAnswer } | { id: number; error: string };

interface Pending {
  resolve(answer: SearchAnswer): void;
  reject(error: Error): void;
  onProgress?(progress: SearchProgress): void;
}

/**
 * The library search in a worker, started on the first request (opening the library costs
 * nothing). If the worker cannot start or breaks, the search runs in the page instead.
 */
export function workerSearch(inPage: () => LibrarySearcher): LibrarySearcher {
  let worker: Worker | undefined;
  let fallback: LibrarySearcher | undefined;
  let nextId = 0;
  /** The library list's latest versions, and whether the worker has them: they go with its next request. */
  let versions: (() => ArticleVersions) | undefined;
  let versionsSent = false;
  const pending = new Map<number, Pending & { text: string }>();

  function inPageSearch(): LibrarySearcher {
    const search = inPage();
    if (versions) search.changed(undefined, versions);
    return search;
  }

  function failOver() {
    worker?.terminate();
    fallback ??= inPageSearch();
    const waiting = [...pending.values()];
    pending.clear();
    for (const { text, resolve, reject, onProgress } of waiting) fallback.search(text, onProgress).then(resolve, reject);
  }

  function onReply({ data }: MessageEvent<SearchWorkerReply>) {
    const entry = pending.get(data.id);
    if (!entry) return;
    if ('progress' in data) return entry.onProgress?.(data.progress);
    pending.delete(data.id);
    if ('error' in data) entry.reject(new Error(data.error));
    else entry.resolve(data.answer);
  }

  /** Sends to the worker, started if need be; false once it failed (the page's own search answers then). */
  function send(request: SearchWorkerRequest): boolean {
    if (fallback) return false;
    try {
      if (!worker) {
        worker = new SearchWorker();
        worker.onmessage = onReply;
        worker.onerror = failOver;
        worker.onmessageerror = failOver;
        versionsSent = false;
      }
      if (versions && !versionsSent && request.kind !== 'changed') {
        worker.postMessage({ kind: 'changed', versions: versions() } satisfies SearchWorkerRequest);
        versionsSent = true;
      }
      worker.postMessage(request);
      return true;
    } catch {
      fallback = inPageSearch();
      return false;
    }
  }

  return {
    prepare() {
      if (!send({ kind: 'prepare' })) fallback!.prepare();
    },
    changed(ids, latest) {
      if (fallback) return fallback.changed(ids, latest);
      if (latest) {
        versions = latest;
        versionsSent = false;
      }
      // New versions mark the worker's index stale when they reach it, with the next request; a
      // worker not started yet reads the library afresh when it starts.
      if (worker && (ids || !latest)) send({ kind: 'changed', ids });
    },
    search(text, onProgress) {
      const id = nextId++;
      return new Promise<SearchAnswer>((resolve, reject) => {
        pending.set(id, { text, resolve, reject, onProgress });
        if (!send({ kind: 'search', id, text })) {
          pending.delete(id);
          fallback!.search(text, onProgress).then(resolve, reject);
        }
      });
    },
  };
}
