import type { SimlitDB } from '@/lib/db/schema';
import { useLiveQuery } from '../use-live-query';

/** How many articles the library holds, kept current: what a similarity score is read against. */
export function useLibrarySize(db: SimlitDB): number | undefined {
  return useLiveQuery(() => db.articles.count(), [db]).value;
}
