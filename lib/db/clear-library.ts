import type { Article } from '../model/article';
import type { Capture, SimlitDB } from './schema';
import { ARTICLE_COUNT_KEY } from './article-count';
import { SAVED_COUNT_KEY, UNTOUCHED_COUNT_KEY } from './facet-counts';
import { isEdited, isUntouchedRow } from './listing';
import { readWholeTable } from './pages-by-id';
import { SEEN_RESOLUTION_MS } from './upsert';
import { deleteChecked } from './deletion-chunks';

/** Clearing the library from the options page, and the counts shown before doing it. */

/** Captured but never touched by the reader: not saved, in no collection, no tags, no note, no field edited. */
export function isUntouched(article: Article): boolean {
  return isUntouchedRow({ savedAt: article.savedAt, collections: article.collections, tags: article.tags, edited: isEdited(article) ? 1 : undefined });
}

export interface StoredCounts {
  articles: number;
  saved: number;
  untouched: number;
  collections: number;
  captures: number;
}

/** Every count from what the writes keep (lib/db/facet-counts) or from small tables: no article is read. */
export async function storedCounts(db: SimlitDB): Promise<StoredCounts> {
  return db.transaction('r', db.counters, db.collections, db.captures, async () => {
    const [articles, saved, untouched] = (await db.counters.bulkGet([ARTICLE_COUNT_KEY, SAVED_COUNT_KEY, UNTOUCHED_COUNT_KEY])).map((row) => row?.value ?? 0);
    return { articles, saved, untouched, collections: await db.collections.count(), captures: await db.captures.count() };
  });
}

/**
 * Deletes every untouched article, and the capture records' entries for them (a capture left
 * with no entries goes too). Found in the small listing rows; each found is checked on the article
 * itself before it goes, so that nothing the reader kept is lost even to a listing row out of step.
 * A chunk a transaction (deleteChecked), `onProgress` told after each how many of the articles
 * found are gone through. The ids of the articles deleted go into `deleted` as each chunk
 * commits (a failure part-way leaves those deleted, and the caller knows which); it is returned.
 */
export async function clearUntouched(db: SimlitDB, deleted: string[] = [], onProgress?: (done: number, total: number) => void): Promise<string[]> {
  // By pages: a filtered walk of the listing was one read transaction of every row.
  const candidates = (await readWholeTable(db.listing)).filter(isUntouchedRow).map((row) => row.id);
  try {
    await deleteChecked(db, candidates, isUntouched, (articles, done) => {
      deleted.push(...articles.map((article) => article.id));
      onProgress?.(done, candidates.length);
    });
  } finally {
    await dropCaptureEntries(db, new Set(deleted));
  }
  return deleted;
}

/** Capture records read at a time when their entries for deleted articles are dropped (with kept answers, 5–12 kB each). */
const CAPTURES_AT_ONCE = 100;

/**
 * Removes deleted articles from the capture records (a capture left with no entries goes too),
 * page by page, each page's changes in a transaction of its own. An entry goes only while its
 * article is still absent: a page shown again meanwhile may have brought it back. Reading a
 * capture costs its kept answer (200 small objects): 5,000 of them took some 10 s in Chromium, so
 * a caller that knows the articles were last seen by `seenBy` reads only the captures made up to
 * then (an article's seenAt lags a page's later capture by at most SEEN_RESOLUTION_MS; a restore
 * can stretch that). An entry left behind costs nothing but room: every reader skips entries whose
 * article is gone.
 */
export async function dropCaptureEntries(db: SimlitDB, ids: ReadonlySet<string>, seenBy = Infinity): Promise<void> {
  if (!ids.size) return;
  const captureIds = (await db.captures.where('capturedAt').belowOrEqual(seenBy + SEEN_RESOLUTION_MS).primaryKeys()) as number[];
  for (let start = 0; start < captureIds.length; start += CAPTURES_AT_ONCE) {
    const page = await db.captures.bulkGet(captureIds.slice(start, start + CAPTURES_AT_ONCE));
    const naming = page.filter((capture) => capture?.items.some((item) => ids.has(item.articleId))).map((capture) => capture!.id!);
    if (naming.length) await dropEntriesOf(db, naming, ids);
  }
}

async function dropEntriesOf(db: SimlitDB, captureIds: number[], ids: ReadonlySet<string>): Promise<void> {
  // Whether an article is back is asked of its listing row (written with it): a read-write
  // transaction on the articles would also take the counters, which the popup reads first.
  await db.transaction('rw', db.captures, db.listing, async () => {
    const captures = (await db.captures.bulkGet(captureIds)).filter((capture) => capture !== undefined);
    const named = [...new Set(captures.flatMap((capture) => capture.items.map((item) => item.articleId).filter((id) => ids.has(id))))];
    const back = new Set(await db.listing.where(':id').anyOf(named).primaryKeys());
    const emptied: number[] = [];
    const changed: Capture[] = [];
    for (const capture of captures) {
      const items = capture.items.filter((item) => !ids.has(item.articleId) || back.has(item.articleId));
      if (items.length === 0) emptied.push(capture.id!);
      else if (items.length !== capture.items.length) changed.push({ ...capture, items });
    }
    await db.captures.bulkDelete(emptied);
    await db.captures.bulkPut(changed);
  });
}

/**
 * Deletes all articles, captures, collections, and what was derived from the articles (search
 * index snapshots, stored terms, citation keys exports gave; the library list's rows go with the
 * articles, lib/db/listing);
 * settings stay. Returns the ids of the articles deleted (for the similarity index).
 */
export async function deleteAllData(db: SimlitDB): Promise<string[]> {
  const tables = [db.articles, db.captures, db.collections, db.indexSnapshots, db.articleTerms, db.citationKeys];
  return db.transaction('rw', tables, async () => {
    const ids = (await db.articles.toCollection().primaryKeys()) as string[];
    await Promise.all(tables.map((table) => table.clear()));
    return ids;
  });
}
