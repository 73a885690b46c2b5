import type { Article } from '../model/article';
import type { SimlitDB } from './schema';

/** Clearing the library from the options page, and the counts shown before doing it. */

/** Captured but never touched by the reader: not saved, in no collection, no tags, no note, no field edited. */
export function isUntouched(article: Article): boolean {
  return article.savedAt === undefined && article.collections.length === 0 && article.tags.length === 0 && !article.note && !article.readerFields?.length;
}

export interface StoredCounts {
  articles: number;
  saved: number;
  untouched: number;
  collections: number;
  captures: number;
}

export async function storedCounts(db: SimlitDB): Promise<StoredCounts> {
  return db.transaction('r', db.articles, db.listing, db.collections, db.captures, async () => {
    let untouched = 0;
    await db.articles.each((article) => {
      if (isUntouched(article)) untouched += 1;
    });
    return {
      articles: await db.articles.count(),
      saved: await db.listing.where('savedAt').above(0).count(),
      untouched,
      collections: await db.collections.count(),
      captures: await db.captures.count(),
    };
  });
}

/**
 * Deletes every untouched article, and the capture records' entries for them (a capture left
 * with no entries goes too). Returns how many articles were deleted.
 */
export async function clearUntouched(db: SimlitDB): Promise<number> {
  return db.transaction('rw', db.articles, db.captures, async () => {
    const ids = new Set<string>();
    await db.articles.each((article) => {
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
