/**
 * How a captured page's articles stand now: the capture recorded how each was received (new to
 * the library, known, merged), but what the reader did since (saving) changes what is worth
 * saying. A saved article is saved, whatever it was when the page was read.
 */
import type { Article } from '../model/article';
import type { CaptureEntry } from '../db/schema';

export type ShownStatus = CaptureEntry['status'] | undefined;

export interface PageStatus {
  total: number;
  /** New to the library and not saved yet. */
  fresh: number;
  saved: number;
  /** The status badge to show beside each article, by id (none once it is saved). */
  statusOf(articleId: string): ShownStatus;
}

export function pageStatus(items: readonly CaptureEntry[], articles: readonly Article[]): PageStatus {
  const received = new Map(items.map((item) => [item.articleId, item.status]));
  const saved = new Set(articles.filter((article) => article.savedAt !== undefined).map((article) => article.id));
  return {
    total: articles.length,
    fresh: articles.filter((article) => received.get(article.id) === 'new' && !saved.has(article.id)).length,
    saved: saved.size,
    statusOf: (articleId) => (saved.has(articleId) ? undefined : received.get(articleId)),
  };
}
