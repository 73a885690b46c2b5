import type { Article } from '@/lib/model/article';
import { abstractFingerprint, titleKey } from '@/lib/text/clean';

/** Test articles for the library page, options page and their data functions. */

export function makeArticle(id: string, fields: Partial<Article> = {}): Article {
  const title = 'title' in fields ? fields.title : `Article ${id}`;
  return {
    id,
    type: 'article-journal',
    title,
    platform: 'meta',
    ids: [`test:${id}`],
    titleKey: titleKey(title),
    fingerprint: abstractFingerprint(fields.abstract),
    sightings: [{ pageUrl: `https://example.org/${id}`, platform: 'meta', capturedAt: 1_700_000_000_000 }],
    capturedAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    collections: [],
    tags: [],
    ...fields,
  };
}
