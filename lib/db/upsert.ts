import { mergeArticles, sameArticle } from '../capture/dedupe';
import type { Article } from '../model/article';
import type { CaptureEntry, SimlitDB } from './schema';

/** The known article that an incoming record names, looked up from the strongest key down. */
export async function findKnown(db: SimlitDB, incoming: Article): Promise<Article | undefined> {
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

/**
 * Adds each article, or merges it into the known article it names (dedupe by DOI, ids, title,
 * fingerprint). Must run inside a caller's 'rw' transaction on `articles` so that a batch is
 * written whole or not at all. Entries follow the input order.
 */
export async function upsertArticles(db: SimlitDB, articles: Article[]): Promise<{ entries: CaptureEntry[]; written: Article[] }> {
  const entries: CaptureEntry[] = [];
  const written: Article[] = [];
  for (const incoming of articles) {
    const position = incoming.sightings.at(-1)?.position;
    const known = await findKnown(db, incoming);
    if (known) {
      const merged = mergeArticles(known, incoming);
      const changed = content(merged) !== content(known);
      // A repeat still records where the article was seen; only new content needs re-indexing.
      if (changed || merged.sightings.length !== known.sightings.length) await db.articles.put(merged);
      if (changed) written.push(merged);
      entries.push({ articleId: known.id, status: changed ? 'merged' : 'known', position });
    } else {
      const fresh = { ...incoming, id: await freeId(db, incoming.id) };
      await db.articles.add(fresh);
      written.push(fresh);
      entries.push({ articleId: fresh.id, status: 'new', position });
    }
  }
  return { entries, written };
}
