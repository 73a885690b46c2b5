import type { Article } from '../model/article';
import type { SimlitDB } from './schema';

/** A ranked article with its record from the library. */
export interface WithArticle<R> {
  article: Article;
  ranked: R;
}

/** Ranked articles with their records, in rank order; those deleted since they were ranked are left out. */
export async function withArticles<R extends { id: string }>(db: SimlitDB, ranked: readonly R[]): Promise<WithArticle<R>[]> {
  const articles = await db.articles.bulkGet(ranked.map((one) => one.id));
  return ranked.flatMap((one, index) => (articles[index] ? [{ article: articles[index], ranked: one }] : []));
}
