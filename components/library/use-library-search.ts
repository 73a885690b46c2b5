import { useEffect, useRef, useState } from 'preact/hooks';
import type { ListingRow } from '@/lib/db/listing';
import type { ArticleVersions, LibrarySearcher, SearchHit, SearchProgress } from '@/lib/search/library-search';
import { isSearching } from '@/lib/search/query';

export interface SearchState {
  /** The hits for `text` (absent while not searching, or before the first answer). */
  hits?: Map<string, SearchHit>;
  /** The text the hits answer; differs from the text typed while a newer search runs. */
  answered?: string;
  /** While the index is being built for the first search. */
  progress?: SearchProgress;
  failed?: boolean;
}

/** The rows' ids and updatedAt, for the searcher's catch-up: made on its first call, once. */
function versionsOf(rows: readonly Pick<ListingRow, 'id' | 'updatedAt'>[]): () => ArticleVersions {
  let made: ArticleVersions | undefined;
  return () => (made ??= { ids: rows.map((row) => row.id), stamps: rows.map((row) => row.updatedAt) });
}

/**
 * The search box's answer for the text typed. The library's rows are watched live: when they
 * change (a capture in another tab, an edit here), the searcher is given their versions, catches
 * up with them and the search runs again. An answer that arrives after the text changed again is
 * kept until the newer one comes, so the list does not flash empty while the reader types.
 */
export function useLibrarySearch(searcher: LibrarySearcher, text: string, rows: readonly Pick<ListingRow, 'id' | 'updatedAt'>[] | undefined): SearchState {
  const [state, setState] = useState<SearchState>({});
  const lastRows = useRef<typeof rows>(undefined);
  const searching = isSearching(text);

  useEffect(() => {
    if (rows !== undefined && rows !== lastRows.current) searcher.changed(undefined, versionsOf(rows));
    lastRows.current = rows;
  }, [searcher, rows]);

  useEffect(() => {
    if (!searching || rows === undefined) {
      setState({});
      return;
    }
    let current = true;
    searcher
      .search(text, (progress) => current && setState((previous) => ({ ...previous, progress })))
      .then(
        ({ hits }) => current && setState({ hits: new Map(hits.map((hit) => [hit.id, hit])), answered: text }),
        () => current && setState({ failed: true, answered: text }),
      );
    return () => {
      current = false;
    };
  }, [searcher, text, rows, searching]);

  return searching ? state : {};
}
