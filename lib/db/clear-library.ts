import type { Article } from '../model/article';
import type { SimlitDB } from './schema';
import { ARTICLE_COUNT_KEY } from './article-count';
import { forEachArticle } from './articles-by-chunk';
import { SAVED_COUNT_KEY, UNTOUCHED_COUNT_KEY } from './facet-counts';
import { isEdited, isUntouchedRow } from './listing';

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

/** Articles read at a time to check them before they are deleted: a library of captured articles may have all of them untouched. */
const CHECKED_AT_ONCE = 1000;

/**
 * Deletes every untouched article, and the capture records' entries for them (a capture left
 * with no entries goes too). Returns how many articles were deleted.
 */
export async function clearUntouched(db: SimlitDB): Promise<number> {
  return db.transaction('rw', db.articles, db.listing, db.captures, async () => {
    // Found in the small listing rows; each found is checked on the article itself before it goes,
    // so that nothing the reader kept is lost even to a listing row out of step.
    const candidates = (await db.listing.filter(isUntouchedRow).primaryKeys()) as string[];
    const ids = new Set<string>();
    await forEachArticle(db.articles, candidates, CHECKED_AT_ONCE, (article) => {
      if (isUntouched(article)) ids.add(article.id);
    });
    await db.articles.bulkDelete([...ids]);
    await dropCaptureEntries(db, ids);
    return ids.size;
  });
}

/** Removes deleted articles from the capture records (a capture left with no entries goes too). Inside a 'rw' transaction on captures. */
export async function dropCaptureEntries(db: SimlitDB, ids: ReadonlySet<string>): Promise<void> {
  await db.captures.toCollection().modify((capture, ref) => {
    const items = capture.items.filter((item) => !ids.has(item.articleId));
    if (items.length === 0) delete (ref as { value?: unknown }).value;
    else if (items.length !== capture.items.length) capture.items = items;
  });
}

/**
 * Deletes all articles, captures, collections, and what was derived from the articles (search
 * index snapshots, stored terms; the library list's rows go with the articles, lib/db/listing);
 * settings stay.
 */
export async function deleteAllData(db: SimlitDB): Promise<void> {
  const tables = [db.articles, db.captures, db.collections, db.indexSnapshots, db.articleTerms];
  await db.transaction('rw', tables, async () => {
    await Promise.all(tables.map((table) => table.clear()));
  });
}
