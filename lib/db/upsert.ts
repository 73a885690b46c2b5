import { mergeArticles, sameArticle, type MergeSource } from '../merge';
import { IDENTITY_KEYS, identityValues, type Article } from '../model/article';
import type { CaptureEntry, SimlitDB } from './schema';

/** The known article that an incoming record names, looked up by each identity key, strongest first. */
export async function findKnown(db: SimlitDB, incoming: Article): Promise<Article | undefined> {
  for (const { key } of IDENTITY_KEYS) {
    const values = identityValues(incoming, key);
    if (!values.length) continue;
    const match = (await db.articles.where(key).anyOf(values).toArray()).find((known) => sameArticle(known, incoming));
    if (match) return match;
  }
  return undefined;
}

/**
 * A repeat sighting is written only when the last one is this old: `seenAt` is coarse, so that a
 * page re-read every few seconds does not rewrite its articles each time.
 */
export const SEEN_RESOLUTION_MS = 60 * 60 * 1000;

/** Bibliographic content, without bookkeeping, to tell an enriching merge from a repeat. */
function content(article: Article): string {
  const { sightings: _s, updatedAt: _u, capturedAt: _c, seenAt: _seen, ...rest } = article;
  return JSON.stringify(rest);
}

async function freeId(db: SimlitDB, id: string): Promise<string> {
  let candidate = id;
  for (let n = 2; await db.articles.get(candidate); n++) candidate = `${id}-${n}`;
  return candidate;
}

/** An article as first stored: seen when its page showed it (an imported one: when it was imported). */
function fresh(incoming: Article, id: string): Article {
  return { ...incoming, id, seenAt: incoming.seenAt ?? incoming.sightings.at(-1)?.capturedAt ?? incoming.capturedAt };
}

export interface UpsertOptions {
  /**
   * Where the records come from: a page by default, a file the reader brings (lib/merge), or
   * 'undo': articles the reader deleted, put back whole (one captured again meanwhile is merged
   * into its deleted record as a capture).
   */
  source?: MergeSource | 'undo';
  /** New articles beyond this many are not added (a flooding site's excess); they are counted in `dropped`. */
  maxNew?: number;
  /** The reader's cancel: the next article throws, so that the caller's transaction writes nothing. */
  signal?: AbortSignal;
  /** Told every hundred articles how many are done. */
  onEach?(done: number): void;
}

/**
 * Adds each article, or merges it into the known article it names (lib/merge decides what
 * changes). Must run inside a caller's 'rw' transaction on `articles` so that a batch is
 * written whole or not at all. Entries follow the input order, dropped articles left out.
 */
export async function upsertArticles(
  db: SimlitDB,
  articles: Article[],
  { source = 'capture', maxNew = Infinity, signal, onEach }: UpsertOptions = {},
): Promise<{ entries: CaptureEntry[]; written: Article[]; dropped: number }> {
  const entries: CaptureEntry[] = [];
  const written: Article[] = [];
  let added = 0;
  let dropped = 0;
  for (const [index, incoming] of articles.entries()) {
    signal?.throwIfAborted();
    if (index % 100 === 0) onEach?.(index);
    const position = incoming.sightings.at(-1)?.position;
    const known = await findKnown(db, incoming);
    if (known) {
      const merged = source === 'undo' ? { ...mergeArticles(incoming, known), id: known.id } : mergeArticles(known, incoming, source);
      const changed = content(merged) !== content(known);
      // A restored file may carry an older time than the record's: a change is dated now, so that
      // whatever catches up by updatedAt (the library's search index) sees it.
      if (changed) merged.updatedAt = Math.max(merged.updatedAt, Date.now());
      // A repeat still records where the article was seen; only new content needs re-indexing.
      const seenAgain = merged.sightings.length !== known.sightings.length || (merged.seenAt ?? 0) - (known.seenAt ?? 0) >= SEEN_RESOLUTION_MS;
      if (changed || seenAgain) await db.articles.put(merged);
      if (changed) written.push(merged);
      entries.push({ articleId: known.id, status: changed ? 'merged' : 'known', position });
    } else if (added >= maxNew) {
      dropped++;
    } else {
      const id = await freeId(db, incoming.id);
      const article = source === 'undo' ? { ...incoming, id } : fresh(incoming, id);
      await db.articles.add(article);
      added++;
      written.push(article);
      entries.push({ articleId: article.id, status: 'new', position });
    }
  }
  return { entries, written, dropped };
}
