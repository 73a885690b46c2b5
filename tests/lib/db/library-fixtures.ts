import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { SimlitDB } from '@/lib/db/schema';
import type { Article } from '@/lib/model/article';
import { abstractFingerprint, titleKey } from '@/lib/text/clean';

/** Test data for the library page, options page and their data functions. */

let counter = 0;

/** A fresh database in fake-indexeddb, unique per call so tests do not share state. */
export function freshDb(): SimlitDB {
  counter += 1;
  return new SimlitDB(`simlit-test-${counter}-${Math.random().toString(36).slice(2)}`, { indexedDB, IDBKeyRange });
}

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
