import { mergeArticles, sameArticle } from '../capture/dedupe';
import type { Article } from '../model/article';
import type { Capture, CaptureEntry, SimlitDB } from './schema';

export interface CapturedPage {
  pageUrl: string;
  pageTitle?: string;
  platform: string;
  kind: Capture['kind'];
  tabId?: number;
  capturedAt: number;
}

export interface StoreResult {
  captureId: number;
  entries: CaptureEntry[];
  counts: Record<CaptureEntry['status'], number>;
  /** Articles written (new or changed), for the ranking index. */
  written: Article[];
}

/** The known article that an incoming record names, looked up from the strongest key down. */
async function findKnown(db: SimlitDB, incoming: Article): Promise<Article | undefined> {
  const lookups: (() => Promise<Article[]>)[] = [
    () => (incoming.DOI ? db.articles.where('DOI').equals(incoming.DOI).toArray() : Promise.resolve([])),
    () => (incoming.ids.length ? db.articles.where('ids').anyOf(incoming.ids).toArray() : Promise.resolve([])),
    () => (incoming.titleKey ? db.articles.where('titleKey').equals(incoming.titleKey).toArray() : Promise.resolve([])),
    () => (incoming.fingerprint ? db.articles.where('fingerprint').equals(incoming.fingerprint).toArray() : Promise.resolve([])),
  ];
  for (const lookup of lookups) {
    const match = (await lookup()).find((known) => sameArticle(known, incoming));
    if (match) return match;
  }
  return undefined;
}

/** Bibliographic content, without bookkeeping, to tell an enriching merge from a repeat. */
function content(article: Article): string {
  const { sightings: _s, updatedAt: _u, capturedAt: _c, ...rest } = article;
  return JSON.stringify(rest);
}

async function freeId(db: SimlitDB, id: string): Promise<string> {
  let candidate = id;
  for (let n = 2; await db.articles.get(candidate); n++) candidate = `${id}-${n}`;
  return candidate;
}

/** Captures kept (the latest of each page); older ones go, the articles they yielded stay. */
export const MAX_CAPTURES = 5000;

async function pruneCaptures(db: SimlitDB): Promise<void> {
  const excess = (await db.captures.count()) - MAX_CAPTURES;
  if (excess > 0) await db.captures.orderBy('capturedAt').limit(excess).delete();
}

/**
 * Writes one page's articles and the capture record in one transaction: each article is merged
 * into the known article it names, or added. Either all of it is written or nothing is.
 * Only the latest capture of a page is kept.
 */
export async function storeCapture(db: SimlitDB, page: CapturedPage, articles: Article[]): Promise<StoreResult> {
  return db.transaction('rw', db.articles, db.captures, async () => {
    const entries: CaptureEntry[] = [];
    const written: Article[] = [];
    for (const incoming of articles) {
      const position = incoming.sightings.at(-1)?.position;
      const known = await findKnown(db, incoming);
      if (known) {
        const merged = mergeArticles(known, incoming);
        const changed = content(merged) !== content(known);
        await db.articles.put(merged);
        if (changed) written.push(merged);
        entries.push({ articleId: known.id, status: changed ? 'merged' : 'known', position });
      } else {
        const fresh = { ...incoming, id: await freeId(db, incoming.id) };
        await db.articles.add(fresh);
        written.push(fresh);
        entries.push({ articleId: fresh.id, status: 'new', position });
      }
    }
    await db.captures.where('pageUrl').equals(page.pageUrl).delete();
    const captureId = (await db.captures.add({ ...page, items: entries })) as number;
    await pruneCaptures(db);
    const counts = { new: 0, known: 0, merged: 0 };
    for (const entry of entries) counts[entry.status]++;
    return { captureId, entries, counts, written };
  });
}
