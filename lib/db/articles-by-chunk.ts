import type { Table } from 'dexie';
import type { Article } from '../model/article';

/**
 * Calls `each` with the articles of `ids` (those still there), read `size` at a time: a large
 * set of ids (every captured article of a 50,000-article library) is never held in memory at once.
 * Inside a transaction it reads in that transaction.
 */
export async function forEachArticle(articles: Pick<Table<Article, string>, 'bulkGet'>, ids: readonly string[], size: number, each: (article: Article) => void): Promise<void> {
  for (let start = 0; start < ids.length; start += size) {
    for (const article of await articles.bulkGet(ids.slice(start, start + size))) if (article) each(article);
  }
}
