import type { Article } from '../model/article';
import type { Capture, SimlitDB } from './schema';
import { withArticles, type WithArticle } from './ranked-articles';

/** An article of the answer kept with a capture, as ranked then. */
export type KeptResult = WithArticle<NonNullable<Capture['similar']>[number]>;

export interface LatestCapture {
  capture: Capture;
  /** The page's articles in page order. */
  articles: Article[];
  /** The similar articles ranked when the page was captured, in their order (those deleted since left out). */
  kept: KeptResult[];
}

/** A tab as the extension may see it: its URL only where it has access to the page. */
export interface OpenTab {
  id: number;
  url?: string;
}

/** The capture the popup speaks about for a tab (see latestCapture), without its articles. */
export async function latestCaptureRow(db: SimlitDB, tab: OpenTab): Promise<Capture | undefined> {
  const captures = tab.url ? await db.captures.where('pageUrl').equals(tab.url).sortBy('capturedAt') : await db.captures.where('tabId').equals(tab.id).sortBy('capturedAt');
  return captures.at(-1);
}

/**
 * The latest capture of a tab's page, with its articles in page order and the similar ones kept
 * with it: by the page's URL when it is known, else the latest capture made in that tab. Both
 * sets of articles are read together, so that the popup shows the kept answer with the page's
 * articles instead of asking the library again once they are on screen.
 */
export async function latestCapture(db: SimlitDB, tab: OpenTab): Promise<LatestCapture | undefined> {
  const capture = await latestCaptureRow(db, tab);
  if (!capture) return undefined;
  const [articles, kept] = await Promise.all([db.articles.bulkGet(capture.items.map((item) => item.articleId)), withArticles(db, capture.similar ?? [])]);
  return { capture, articles: articles.filter((article) => article !== undefined), kept };
}
