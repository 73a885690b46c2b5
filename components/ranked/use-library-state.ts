import type { SimlitDB } from '@/lib/db/schema';
import { readLibraryState, type LibraryState } from '@/lib/db/library-state';
import { useLiveQuery } from '../use-live-query';

/** The library's newest write and size, kept current: what a kept answer is checked against, and a score is read against. */
export function useLibraryState(db: SimlitDB): LibraryState | undefined {
  return useLiveQuery(() => readLibraryState(db), [db]).value;
}

/** How many articles the library holds, kept current: what a similarity score is read against. */
export function useLibrarySize(db: SimlitDB): number | undefined {
  return useLibraryState(db)?.size;
}
