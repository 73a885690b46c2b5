import type { Article } from '../model/article';
import { EDITABLE_FIELDS, type ArticlePatch } from '../model/edit-fields';
import { identityFingerprint } from '../model/fingerprint';
import { normalizeDoi, titleKey } from '../text/clean';
import { httpUrl } from '../text/urls';
import type { Table } from 'dexie';
import type { SimlitDB } from './schema';

/**
 * The reader's edits to articles: bibliographic fields, saved, tags, notes (deletion with undo:
 * article-deletion.ts). The UI pages call these directly (same extension origin).
 */

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Values as they are stored whatever the caller passed: DOIs canonical, only http(s) addresses. */
function storedValue<K extends keyof ArticlePatch>(field: K, value: ArticlePatch[K]): ArticlePatch[K] {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return undefined;
  if (field === 'DOI') return (normalizeDoi(value as string) || undefined) as ArticlePatch[K];
  if (field === 'URL') return httpUrl(value as string) as ArticlePatch[K];
  return value;
}

/**
 * Sets the bibliographic fields of one article as the reader corrected them, and marks the fields
 * that changed as the reader's (`readerFields`), so that no later capture changes them. The keys
 * that identify the article (title key, fingerprint) follow the new title and abstract. Returns
 * the fields that changed (none: nothing is written).
 */
export async function editArticle(db: SimlitDB, id: string, patch: ArticlePatch, now = Date.now()): Promise<string[]> {
  return db.transaction('rw', db.articles, async () => {
    const article = await db.articles.get(id);
    if (!article) throw new Error(`no article ${id}`);
    const edited: Record<string, unknown> = { ...article };
    const changed: string[] = [];
    for (const field of EDITABLE_FIELDS) {
      if (!(field in patch)) continue;
      const value = storedValue(field, patch[field]);
      if (field === 'type' && !value) continue; // every article has a type
      if (sameValue(value, article[field])) continue;
      if (value === undefined) delete edited[field];
      else edited[field] = value;
      changed.push(field);
    }
    if (!changed.length) return [];
    const updated = edited as unknown as Article;
    updated.titleKey = titleKey(updated.title);
    updated.fingerprint = identityFingerprint(updated);
    updated.readerFields = [...new Set([...(article.readerFields ?? []), ...changed])];
    updated.updatedAt = now;
    await db.articles.put(updated);
    return changed;
  });
}

/**
 * Articles changed per transaction by a change to many (see editEach), and put back per
 * transaction by an undo: each transaction holds every capture and save meanwhile. At 500 the
 * first BibTeX export of 50,000 real papers held a write 400-600 ms a chunk on a slow machine; at
 * 250, 150-300 ms, the export as long within its noise (75-81 s).
 */
export const EDIT_CHUNK = 250;

export interface EditOptions {
  /** Articles gone through so far, of how many; after each chunk is written. */
  onProgress?: (done: number, total: number) => void;
  /** More tables the chunks' transactions need (those `check` reads). */
  tables?: Table[];
  /** Runs in each chunk's transaction before it writes; a throw stops the change there. */
  check?: () => Promise<void>;
  /** Runs in each chunk's transaction with its articles as stored, before `edit` is applied to them: looks up together what their edits need. */
  prepare?: (articles: Article[]) => Promise<void>;
}

/**
 * Applies `edit` to each article of `ids` that exists (it returns the changed article, or
 * undefined to leave it), EDIT_CHUNK articles a transaction: one bulkGet, one bulkPut of those
 * changed. So a change to the whole library keeps a capture or another edit waiting for one chunk
 * at most, and reports its progress; when one chunk fails, the chunks before it stay written.
 * The transaction is an explicit one: in Collection.modify's implicit one, Dexie's live-query cache
 * applied the write, article by article, to every cached list of the library (a profile of tagging
 * 10,000 articles in Chromium: half of its 24 s; 11–12 s now, most of it the database writing the
 * articles and their listing rows). Returns how many articles it changed.
 */
export async function editEach(db: SimlitDB, ids: string[], edit: (article: Article) => Article | undefined, options: EditOptions = {}): Promise<number> {
  let changed = 0;
  for (let start = 0; start < ids.length; start += EDIT_CHUNK) {
    const chunk = ids.slice(start, start + EDIT_CHUNK);
    changed += await db.transaction('rw', [db.articles, ...(options.tables ?? [])], async () => {
      await options.check?.();
      const stored = (await db.articles.bulkGet(chunk)).filter((article) => article !== undefined);
      await options.prepare?.(stored);
      const edited = stored.flatMap((article) => edit(article) || []);
      if (edited.length) await db.articles.bulkPut(edited);
      return edited.length;
    });
    options.onProgress?.(Math.min(start + EDIT_CHUNK, ids.length), ids.length);
  }
  return changed;
}

export const MAX_TAG_LENGTH = 100;
export const MAX_NOTE_LENGTH = 100_000;

/** A tag as stored: single-spaced, trimmed, at most MAX_TAG_LENGTH characters; '' when nothing is left. */
export function normalizeTag(tag: string): string {
  return tag.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_LENGTH).trim();
}

/** Splits what a reader typed into tags: commas (also full-width and ideographic) separate tags. */
export function parseTags(input: string): string[] {
  const tags = input.split(/[,，、;；]/).map(normalizeTag).filter(Boolean);
  return [...new Set(tags)];
}

export async function addTags(db: SimlitDB, ids: string[], tags: string[], now = Date.now(), options?: EditOptions): Promise<number> {
  const wanted = [...new Set(tags.map(normalizeTag).filter(Boolean))];
  if (!wanted.length) return 0;
  return editEach(
    db,
    ids,
    (article) => {
      const missing = wanted.filter((tag) => !article.tags.includes(tag));
      return missing.length ? { ...article, tags: [...article.tags, ...missing], updatedAt: now } : undefined;
    },
    options,
  );
}

export async function removeTag(db: SimlitDB, ids: string[], tag: string, now = Date.now(), options?: EditOptions): Promise<number> {
  return editEach(db, ids, (article) => (article.tags.includes(tag) ? { ...article, tags: article.tags.filter((t) => t !== tag), updatedAt: now } : undefined), options);
}

/** Sets the note; a blank note removes it. */
export async function setNote(db: SimlitDB, id: string, note: string, now = Date.now()): Promise<void> {
  const text = note.trim() ? note.slice(0, MAX_NOTE_LENGTH) : undefined;
  await db.transaction('rw', db.articles, async () => {
    const article = await db.articles.get(id);
    if (!article) throw new Error(`no article ${id}`);
    const { note: _old, ...rest } = article;
    await db.articles.put(text === undefined ? { ...rest, updatedAt: now } : { ...rest, note: text, updatedAt: now });
  });
}

/** Saves to (or takes out of) the reader's library; the article stays captured either way. */
export async function setSaved(db: SimlitDB, ids: string[], saved: boolean, now = Date.now(), options?: EditOptions): Promise<number> {
  return editEach(
    db,
    ids,
    (article) => {
      if (saved === (article.savedAt !== undefined)) return undefined;
      const { savedAt: _dropped, ...rest } = article;
      return saved ? { ...rest, savedAt: now, updatedAt: now } : { ...rest, updatedAt: now };
    },
    options,
  );
}
