import type { Article } from '../model/article';
import type { Capture, SimlitDB } from './schema';

/**
 * The latest capture of a tab's page, with its articles in page order: by the page's URL when
 * it is known, else the latest capture made in that tab.
 */
export async function latestCapture(
  db: SimlitDB,
  tab: { id: number; url?: string },
): Promise<{ capture: Capture; articles: Article[] } | undefined> {
  const captures = tab.url
    ? await db.captures.where('pageUrl').equals(tab.url).sortBy('capturedAt')
    : await db.captures.where('tabId').equals(tab.id).sortBy('capturedAt');
  const capture = captures.at(-1);
  if (!capture) return undefined;
  const articles = await db.articles.bulkGet(capture.items.map((item) => item.articleId));
  return { capture, articles: articles.filter((article) => article !== undefined) };
}
