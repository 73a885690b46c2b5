import { useEffect, useState } from 'preact/hooks';
import { loadSummaries } from '@/lib/db/articles-query';
import type { ListingRow } from '@/lib/db/listing';
import { onListingChanges, withRowsReadAgain } from '@/lib/db/listing-changes';
import type { SimlitDB } from '@/lib/db/schema';

/**
 * The library's whole list of small rows, read once and then kept current row by row from the
 * changes every writer announces (listing-changes.ts); read whole again only when a change names
 * a range. `undefined` while not wanted, and until the first read. While `paused` (a change to many
 * articles writing chunk by chunk) the list stays as it is and is read whole once the pause ends.
 */
export function useWholeList(db: SimlitDB, wanted: boolean, paused: boolean): ListingRow[] | undefined {
  const [rows, setRows] = useState<ListingRow[]>();
  useEffect(() => {
    if (!wanted) {
      setRows(undefined);
      return;
    }
    if (paused) return;
    let stopped = false;
    let held: ListingRow[] | undefined;
    // What to read at the next step: everything, or the rows changes named meanwhile.
    let due: Set<string> | 'all' = 'all';
    let reading = false;
    const readDue = async () => {
      if (reading) return;
      reading = true;
      try {
        while (!stopped && (due === 'all' || due.size > 0)) {
          const now = due;
          due = new Set();
          held = now === 'all' || !held ? await loadSummaries(db) : await withRowsReadAgain(db, held, [...now]);
          if (!stopped) setRows(held);
        }
      } catch {
        // The list shown stays; the next change reads again.
        due = 'all';
      } finally {
        reading = false;
      }
    };
    const stop = onListingChanges(db, (change) => {
      if (change === 'all' || due === 'all') due = 'all';
      else for (const id of change.ids) due.add(id);
      void readDue();
    });
    void readDue();
    return () => {
      stopped = true;
      stop();
    };
  }, [db, wanted, paused]);
  return wanted ? rows : undefined;
}
