/**
 * The library's full-text search, off the page's thread: building the index reads the whole
 * library (seconds at 50,000 articles) and the page must keep answering meanwhile. Not a WXT
 * entrypoint (a non-index file of a directory entrypoint); the page loads it through Vite's
 * `?worker` import. The worker opens the extension's database itself (same origin).
 */
import { openLibrary } from '@/lib/db/schema';
import { LibrarySearch } from '@/lib/search/library-search';
import type { SearchWorkerReply, SearchWorkerRequest } from './search-client';

interface WorkerScope {
  onmessage: ((event: MessageEvent<SearchWorkerRequest>) => void) | null;
  postMessage(message: SearchWorkerReply): void;
}

const scope = self as unknown as WorkerScope;
const search = new LibrarySearch(openLibrary());

scope.onmessage = ({ data }) => {
  if (data.kind === 'prepare') search.prepare();
  else if (data.kind === 'changed') {
    const { versions } = data;
    search.changed(data.ids, versions && (() => versions));
  }
  else {
    const { id } = data;
    search.search(data.text, (progress) => scope.postMessage({ id, progress })).then(
      (answer) => scope.postMessage({ id, answer }),
      (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
    );
  }
};
