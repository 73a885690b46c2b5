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

/**
 * Articles read per transaction when a page reads many: Chromium's IndexedDB answers one request
 * at a time, and one read of a whole 50k library held a capture's write back for 1.1 s.
 */
const READ_AT_ONCE = 1000;

/** The articles of `ids` in that order, those deleted meanwhile left out, read READ_AT_ONCE a transaction. */
export async function articlesInOrder(articles: Pick<Table<Article, string>, 'bulkGet'>, ids: readonly string[]): Promise<Article[]> {
  const found: Article[] = [];
  await forEachArticle(articles, ids, READ_AT_ONCE, (article) => found.push(article));
  return found;
}
