import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';
import type { Article } from '../model/article';
import { summarize, type ArticleSummary } from './articles-query';

/**
 * The library list's own table: one small row per article (what a list row shows, what the
 * filters test and the sort keys), indexed by what the list sorts by, its collections and its
 * incomplete articles. The library page reads its first rows from these indexes (its counts from
 * the counters, lib/db/facet-counts), never the articles themselves (which carry abstracts,
 * sightings and versions: ten times the size).
 * Every write of an article writes its row in the same transaction (listingMiddleware), so the
 * two tables cannot drift, whichever code path (capture, save, edit, import, restore, delete,
 * clear) wrote the article.
 */
export interface ListingRow extends ArticleSummary {
  updatedAt: number;
  /** The year, or 0 when undated: [yearKey+capturedAt] read backwards is "newest year first, undated last". */
  yearKey: number;
  /** 1 when the record lacks a title, authors or year; absent otherwise (so the index holds only those). */
  incomplete?: 1;
  /**
   * 1 when the reader wrote a note or edited a field: with the rest of the row, whether the reader
   * ever touched the article. Rows written before schema version 8 carry it only where it decides
   * that (not saved, in no collection, untagged) until their article is next written.
   */
  edited?: 1;
  /**
   * The article's size as stored (articleBytes), so that the counters can keep how much room the
   * untouched articles take (lib/db/facet-counts). Rows written before sizes were kept have none
   * until their article is next written or the storage limit's measure sizes them (lib/storage/prune).
   */
  bytes?: number;
}

/** What tells, in a listing row, whether the reader ever kept or changed the article. */
export type TouchFields = Pick<ListingRow, 'savedAt' | 'collections' | 'tags' | 'edited'>;

/**
 * Captured but never touched by the reader: not saved, in no collection, no tags, no note, no
 * field edited. What "Clear captured articles you have not kept" and the storage cap remove.
 */
export function isUntouchedRow(row: TouchFields): boolean {
  return row.savedAt === undefined && row.collections.length === 0 && row.tags.length === 0 && !row.edited;
}

export function isEdited(article: Pick<Article, 'note' | 'readerFields'>): boolean {
  return Boolean(article.note) || Boolean(article.readerFields?.length);
}

/**
 * About how many characters a value takes written as JSON: strings and names with their quotes,
 * numbers and other scalars as 8. A walk, not JSON.stringify: every write of an article sizes it,
 * and making the text took three times as long (0.7 s for an import of 50,000, node).
 */
function jsonLength(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value !== 'object' || value === null) return 8;
  let length = 2;
  if (Array.isArray(value)) {
    for (const item of value) length += jsonLength(item) + 1;
    return length;
  }
  for (const name in value) {
    const item = (value as Record<string, unknown>)[name];
    if (item !== undefined) length += name.length + 4 + jsonLength(item);
  }
  return length;
}

/** An article's size as stored, estimated: its text as UTF-16 (how the browser keeps strings). */
export function articleBytes(article: Article): number {
  return jsonLength(article) * 2;
}

export const LISTING_TABLE = 'listing';

/** The indexes of the listing table (schema version 4). */
export const LISTING_INDEXES = 'id, capturedAt, [yearKey+capturedAt], savedAt, *collections, *tags, platform, language, year, incomplete';

export function listingRow(article: Article): ListingRow {
  const summary = summarize(article);
  const row: ListingRow = { ...summary, updatedAt: article.updatedAt, yearKey: summary.year ?? 0, bytes: articleBytes(article) };
  if (summary.missing.length) row.incomplete = 1;
  if (isEdited(article)) row.edited = 1;
  return row;
}

const rowsOfRequest = new WeakMap<readonly unknown[], ListingRow[]>();

/**
 * The listing rows of a put's or add's articles, made once per request: the counters' middleware
 * (lib/db/article-count) needs them before the write, this one after it, and the request's values
 * are the same array in both.
 */
export function listingRowsOf(values: readonly Article[]): ListingRow[] {
  let rows = rowsOfRequest.get(values);
  if (!rows) {
    rows = values.map(listingRow);
    rowsOfRequest.set(values, rows);
  }
  return rows;
}

/** The listing rows of the articles a put or add wrote: those whose write did not fail. */
function writtenRows(request: DBCoreMutateRequest & { type: 'add' | 'put' }, response: DBCoreMutateResponse): ListingRow[] {
  return listingRowsOf(request.values).filter((_, index) => !(index in response.failures));
}

/** The articles table, writing the listing row of every article it writes or deletes. */
function articlesWithListing(articles: DBCoreTable, listing: DBCoreTable): DBCoreTable {
  return {
    ...articles,
    async mutate(request) {
      const response = await articles.mutate(request);
      const { trans } = request;
      if (request.type === 'add' || request.type === 'put') {
        const values = writtenRows(request, response);
        if (values.length) await listing.mutate({ type: 'put', trans, values });
      } else if (request.type === 'delete') {
        await listing.mutate({ type: 'delete', trans, keys: request.keys });
      } else {
        await listing.mutate({ type: 'deleteRange', trans, range: request.range });
      }
      return response;
    },
  };
}

/**
 * Keeps the listing table in step: every read-write transaction on articles also covers the
 * listing table, and every mutation of articles mirrors itself there. It sits above Dexie's own
 * observability middleware, so the listing writes wake live queries like any other write.
 */
export const listingMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'SimlitListing',
  create(down) {
    // A database opened at an older schema (tests of migrations) has no listing table.
    const hasListing = down.schema.tables.some((table) => table.name === LISTING_TABLE);
    if (!hasListing) return {};
    return {
      ...down,
      transaction(stores, mode, options) {
        const scope = mode === 'readwrite' && stores.includes('articles') && !stores.includes(LISTING_TABLE) ? [...stores, LISTING_TABLE] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return name === 'articles' ? articlesWithListing(table, down.table(LISTING_TABLE)) : table;
      },
    };
  },
};
