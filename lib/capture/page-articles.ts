import type { Article, PageExtraction } from '../model/article';
import { dedupeArticles } from '../merge';
import { normalizeItem } from './normalize-item';

/** The unique, normalized articles of one page's extraction, in page order. */
export function pageArticles(extraction: PageExtraction, pageUrl: string, capturedAt: number): Article[] {
  const context = { pageUrl, platform: extraction.platform, capturedAt };
  const articles = extraction.items
    .map((item) => normalizeItem(item, context))
    .filter((article) => article !== undefined);
  return dedupeArticles(articles);
}
