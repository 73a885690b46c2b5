import Dexie from 'dexie';
import { vi } from 'vitest';
import type { SimlitDB } from '@/lib/db/schema';

/** Records each bulkDelete of the articles: how many keys, in which transaction. */
export function watchDeletions(db: SimlitDB) {
  const deletions: { count: number; transaction: unknown }[] = [];
  const bulkDelete = db.articles.bulkDelete.bind(db.articles);
  vi.spyOn(db.articles, 'bulkDelete').mockImplementation((keys) => {
    deletions.push({ count: keys.length, transaction: Dexie.currentTransaction });
    return bulkDelete(keys);
  });
  return deletions;
}
