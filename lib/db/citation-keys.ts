import Dexie, { type WhereClause } from 'dexie';
import { baseCitationKey } from '../export/csl-items';
import { toCsl, type Article } from '../model/article';
import { hash64 } from '../text/hash';
import type { CitationKeyRow, SimlitDB } from './schema';

/**
 * Citation keys as BibTeX exports cite the articles. An article's key is the one an export gave
 * it (the citationKeys table, schema version 11), else the one it carries (imported with it, or
 * given by an export before version 11). Exports give keys in a table of their own so that the
 * first export of a whole library writes a few bytes an article: written into the articles, it
 * rewrote each one, its listing row and the counters (40–65 s at 50,000, most of the export).
 */

/**
 * Articles given keys per transaction. Their transactions lock the keys' table alone, which only
 * exports write, so no capture or edit waits on them; the size sets how often progress is told.
 */
export const PIN_CHUNK = 1000;

/** Up to how many articles withCitationKeys asks for each one's key; for more it reads them all. */
const ASKED_ONE_BY_ONE = 1000;

/** These articles with the keys exports gave them; each article's own key where none was given. */
export async function withCitationKeys(db: SimlitDB, articles: Article[]): Promise<Article[]> {
  // Many articles' keys in one read of the whole table (a few dozen bytes a row), where a get an
  // article takes a request each; a few articles' keys one by one, however many the table holds.
  const rows = articles.length <= ASKED_ONE_BY_ONE ? await db.citationKeys.bulkGet(articles.map((article) => article.id)) : await db.citationKeys.toArray();
  const given = new Map(rows.flatMap((row) => (row ? [[row.id, row.key]] : [])));
  return articles.map((article) => (given.has(article.id) ? { ...article, citationKey: given.get(article.id) } : article));
}

/** The key an export gave one article, if any (else it is cited by the key it carries, if any). */
export async function givenCitationKey(db: SimlitDB, id: string): Promise<string | undefined> {
  return (await db.citationKeys.get(id))?.key;
}

export interface PinOptions {
  /** Articles given keys so far, of how many need one; after each chunk. */
  onProgress?: (done: number, total: number) => void;
  /** Stops between chunks (the keys given so far stay: the next export would give the same). */
  signal?: AbortSignal;
}

/**
 * Gives each of these articles that has no citation key yet the key its content gives, unique in
 * the whole library, and stores it: every later BibTeX export cites the article the same way,
 * whatever else is exported with it and however its title is corrected later (and after a
 * deletion of it is undone: lib/db/deletion-chunks). Keys already there (imported, or given by an
 * earlier export, even one running meanwhile) stay. Returns the articles with their keys, in
 * order. The articles are taken in the order of the keys their content gives, so that each
 * chunk's candidates lie in one stretch of each key index, read at once (a count a candidate took
 * 3–4 s of a first export at 10,000).
 */
export async function pinCitationKeys(db: SimlitDB, articles: Article[], options: PinOptions = {}): Promise<Article[]> {
  const keyed = await withCitationKeys(db, articles);
  const open = keyed
    .filter((article) => !article.citationKey)
    .map((article) => ({ id: article.id, base: baseCitationKey(toCsl(article)) }))
    .sort((a, b) => (a.base < b.base ? -1 : a.base > b.base ? 1 : 0));
  if (!open.length) return keyed;
  // Keys these articles carry, and those given so far: never given again.
  const given = new Set(keyed.flatMap((article) => article.citationKey ?? []));
  const pinned = new Map<string, string>();
  for (let start = 0; start < open.length; start += PIN_CHUNK) {
    options.signal?.throwIfAborted();
    const chunk = open.slice(start, start + PIN_CHUNK);
    // Sorted, the chunk starts at its smallest base; the largest base + LAST_CHARACTER need not be
    // its last one's (a shorter base that begins a longer one sorts after it with the character).
    const lower = chunk[0].base;
    const upper = chunk.map(({ base }) => base + LAST_CHARACTER).reduce((a, b) => (b > a ? b : a));
    // Keys articles carry are written by imports, never by exports: read before the keys' own
    // transaction, which holds no article.
    const carried = await keysBetween(db.articles.where('citationKey'), lower, upper);
    await db.transaction('rw', db.citationKeys, async () => {
      const held = await keysBetween(db.citationKeys.where('key'), lower, upper);
      const rows = chunk.map(({ id, base }) => {
        const key = freeKey(id, base, (candidate) => held.has(candidate) || carried.has(candidate) || given.has(candidate));
        given.add(key);
        return { id, key };
      });
      for (const row of await addOrKeepEarlier(db, rows)) pinned.set(row.id, row.key);
    });
    options.onProgress?.(start + chunk.length, open.length);
  }
  return keyed.map((article) => (pinned.has(article.id) ? { ...article, citationKey: pinned.get(article.id) } : article));
}

/**
 * The backup's articles as they are restored: each keeps the citation key it carries only where
 * this library gives the article none and no other article holds that key. A key restored beside
 * another article's same key would be cited two ways; one this library already gives the article
 * (a backup restored into the library it came from) would rewrite the article for nothing.
 */
export async function restorableKeys(db: SimlitDB, articles: Article[]): Promise<Article[]> {
  const keyOf = new Map((await db.citationKeys.toArray()).map((row) => [row.id, row.key]));
  await db.articles.orderBy('citationKey').eachKey((key, cursor) => {
    if (!keyOf.has(cursor.primaryKey as string)) keyOf.set(cursor.primaryKey as string, key as string);
  });
  const held = new Set(keyOf.values());
  return articles.map((article) => {
    const key = article.citationKey;
    if (!key) return article;
    if (keyOf.has(article.id) || held.has(key)) return { ...article, citationKey: undefined };
    held.add(key);
    return article;
  });
}

/**
 * Adds the rows whose article has no key yet; an article an export running meanwhile gave a key
 * keeps it (its add fails, and its row is read). Returns the rows as they stand. Adding and
 * letting the few fail, where reading each article's row first took a request an article.
 */
async function addOrKeepEarlier(db: SimlitDB, rows: CitationKeyRow[]): Promise<CitationKeyRow[]> {
  try {
    await db.citationKeys.bulkAdd(rows);
    return rows;
  } catch (error) {
    if (!(error instanceof Dexie.BulkError)) throw error;
    const failed = Object.keys(error.failuresByPos).map(Number);
    if (failed.some((position) => error.failuresByPos[position].name !== 'ConstraintError')) throw error;
    const earlier = await db.citationKeys.bulkGet(failed.map((position) => rows[position].id));
    const kept = new Map(earlier.flatMap((row) => (row ? [[row.id, row]] : [])));
    return rows.map((row) => kept.get(row.id) ?? row);
  }
}

/** The last UTF-16 code unit: a key followed by it sorts after the key followed by any suffix. */
const LAST_CHARACTER = '\uffff';

/** The keys an index holds from `lower` to `upper`, both included: one walk of the index's keys. */
async function keysBetween(index: WhereClause, lower: string, upper: string): Promise<Set<string>> {
  return new Set((await index.between(lower, upper, true, true).keys()) as string[]);
}

/** The article's base key, else the base with a suffix from its id (a first, a second…), whichever is first not taken. */
function freeKey(id: string, base: string, taken: (key: string) => boolean): string {
  let key = base;
  for (let attempt = 0; taken(key); attempt++) key = `${base}${suffix(id, attempt)}`;
  return key;
}

/** A short suffix from the article's id (then from the id and a count): the same article gets the same one. */
function suffix(id: string, attempt: number): string {
  return hash64(attempt ? `${id}#${attempt}` : id)[0].toString(36).padStart(4, '0').slice(-4);
}
