/**
 * Deleting articles, a chunk a transaction, and undoing a deletion from the library page. Apart
 * from the other edits (article-edits.ts) because undoing merges through the capture's upsert,
 * which the popup, saving and filing articles, has no need to load.
 */
import type { Article } from '../model/article';
import type { SimlitDB } from './schema';
import { EDIT_CHUNK } from './article-edits';
import { chunksTakenFrom, upsertArticles, upsertChunks } from './upsert';
import { deleteChecked } from './deletion-chunks';

/** Deleted articles, kept whole by the caller so that the deletion can be undone. */
export interface DeletedBatch {
  articles: Article[];
  deletedAt: number;
}

export function newDeletedBatch(now = Date.now()): DeletedBatch {
  return { articles: [], deletedAt: now };
}

/**
 * Deletes the articles of `ids` that exist, a chunk a transaction (deleteChecked), so
 * that a capture or a save meanwhile waits for one chunk. Each chunk's articles go into `batch`
 * as it commits: when a chunk fails, those of the chunks before it are deleted and in the batch,
 * to be undone. `onProgress` is told after each chunk how many of `ids` are gone through.
 */
export async function deleteArticles(db: SimlitDB, ids: readonly string[], batch = newDeletedBatch(), onProgress?: (done: number) => void): Promise<DeletedBatch> {
  await deleteChecked(db, ids, () => true, (deleted, done) => {
    batch.articles.push(...deleted);
    onProgress?.(done);
  });
  return batch;
}

/**
 * Puts deleted articles back. An article captured again since its deletion is merged with its
 * deleted record (the reader's saves, tags, notes and collections come back); memberships of
 * collections deleted in the meantime are dropped. Returns the ids the articles now have.
 *
 * Up to a chunk (EDIT_CHUNK) is put back in one transaction, each article looked up by its
 * identities (upsertArticles); more are written as an import writes them, a chunk a transaction,
 * the library's identities read once (upsertChunks), so that a capture meanwhile waits for one
 * chunk, not for all of them (3,000 articles come back in 3–5 s in Chromium); `onProgress` is told
 * every hundred articles how many are back.
 */
export async function restoreArticles(db: SimlitDB, batch: DeletedBatch, onProgress?: (done: number) => void): Promise<string[]> {
  if (batch.articles.length <= EDIT_CHUNK) {
    return db.transaction('rw', db.articles, db.collections, async () => {
      const { entries } = await upsertArticles(db, withExistingCollections(batch.articles, await collectionIds(db)), { source: 'undo' });
      return entries.map((entry) => entry.articleId);
    });
  }
  const articles = withExistingCollections(batch.articles, await collectionIds(db));
  const { entries } = await upsertChunks(db, chunksTakenFrom(articles, EDIT_CHUNK), { source: 'undo', onEach: onProgress });
  return entries.map((entry) => entry.articleId);
}

async function collectionIds(db: SimlitDB): Promise<Set<string>> {
  return new Set((await db.collections.toCollection().primaryKeys()) as string[]);
}

function withExistingCollections(articles: Article[], existing: Set<string>): Article[] {
  return articles.map((article) => ({ ...article, collections: article.collections.filter((id) => existing.has(id)) }));
}
