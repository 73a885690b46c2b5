/**
 * Deleting many articles a chunk a transaction: each transaction holds the database for every
 * other writer (a capture, a save) while it runs.
 */
import type { Article } from '../model/article';
import type { SimlitDB } from './schema';

/**
 * Articles deleted per transaction: each holds the database for every other reader while it
 * writes (at 100, a read waited at most 0.16 s beside a pruning of 4,875 articles at 50,000 in
 * Chromium; the pruning in one transaction, its captures included, had held it 10 s, and a
 * deletion of 10,000 selected articles in one transaction held every write for 9 s).
 */
export const DELETED_AT_ONCE = 100;

/**
 * Deletes the articles of `ids` that `stillGoes` lets go, each chunk read again and deleted in a
 * transaction of its own, so that an article the reader kept meanwhile stays. `onChunk` gets each
 * chunk's deleted articles as it commits, with how many of `ids` are gone through: a chunk that
 * fails leaves the earlier ones deleted, and the caller still knows which. Each article comes
 * with the citation key an export gave it, whose row goes with it.
 */
export async function deleteChecked(
  db: SimlitDB,
  ids: readonly string[],
  stillGoes: (article: Article) => boolean,
  onChunk: (deleted: Article[], done: number) => void,
): Promise<void> {
  for (let start = 0; start < ids.length; start += DELETED_AT_ONCE) {
    const chunk = ids.slice(start, start + DELETED_AT_ONCE);
    const gone = await db.transaction('rw', db.articles, db.citationKeys, async () => {
      const going = (await db.articles.bulkGet(chunk)).filter((article): article is Article => article !== undefined && stillGoes(article));
      const goingIds = going.map((article) => article.id);
      // The keys exports gave them go with them, carried by the deleted articles (an undo puts
      // an article back with its key).
      const given = await db.citationKeys.bulkGet(goingIds);
      await db.articles.bulkDelete(goingIds);
      await db.citationKeys.bulkDelete(goingIds.filter((_, i) => given[i]));
      return going.map((article, i) => (given[i] ? { ...article, citationKey: given[i].key } : article));
    });
    onChunk(gone, start + chunk.length);
  }
}
