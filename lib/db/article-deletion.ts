/**
 * Deleting articles from the library page, and undoing it. Apart from the other edits
 * (article-edits.ts) because undoing merges through the capture's upsert, which the popup, saving
 * and filing articles, has no need to load.
 */
import type { Article } from '../model/article';
import type { SimlitDB } from './schema';
import { upsertArticles } from './upsert';

/** Deleted articles, kept whole by the caller so that the deletion can be undone. */
export interface DeletedBatch {
  articles: Article[];
  deletedAt: number;
}

export async function deleteArticles(db: SimlitDB, ids: string[], now = Date.now()): Promise<DeletedBatch> {
  return db.transaction('rw', db.articles, async () => {
    const articles = (await db.articles.bulkGet(ids)).filter((article) => article !== undefined);
    await db.articles.bulkDelete(articles.map((article) => article.id));
    return { articles, deletedAt: now };
  });
}

/**
 * Puts deleted articles back. An article captured again since its deletion is merged with its
 * deleted record (the reader's saves, tags, notes and collections come back); memberships of
 * collections deleted in the meantime are dropped. Returns the ids the articles now have.
 */
export async function restoreArticles(db: SimlitDB, batch: DeletedBatch): Promise<string[]> {
  return db.transaction('rw', db.articles, db.collections, async () => {
    const existing = new Set((await db.collections.toCollection().primaryKeys()) as string[]);
    const articles = batch.articles.map((article) => ({
      ...article,
      collections: article.collections.filter((id) => existing.has(id)),
    }));
    const { entries } = await upsertArticles(db, articles, { source: 'undo' });
    return entries.map((entry) => entry.articleId);
  });
}
