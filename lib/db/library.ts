import type { Article } from '../model/article';
import type { Capture, SimlitDB } from './schema';

/** Reader actions on the library. The UI pages call these directly (same extension origin). */

export async function setSaved(db: SimlitDB, ids: string[], saved: boolean, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.articles, async () => {
    for (const article of await db.articles.bulkGet(ids)) {
      if (!article) continue;
      if (saved && article.savedAt === undefined) await db.articles.update(article.id, { savedAt: now, updatedAt: now });
      if (!saved && article.savedAt !== undefined) {
        const { savedAt: _dropped, ...rest } = article;
        await db.articles.put({ ...rest, updatedAt: now });
      }
    }
  });
}

/** The latest capture of a page, with its articles in page order. */
export async function latestCapture(db: SimlitDB, pageUrl: string): Promise<{ capture: Capture; articles: Article[] } | undefined> {
  const captures = await db.captures.where('pageUrl').equals(pageUrl).sortBy('capturedAt');
  const capture = captures.at(-1);
  if (!capture) return undefined;
  const articles = await db.articles.bulkGet(capture.items.map((item) => item.articleId));
  return { capture, articles: articles.filter((article) => article !== undefined) };
}
