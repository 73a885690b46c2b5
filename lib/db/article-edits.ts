import type { Article } from '../model/article';
import { EDITABLE_FIELDS, type ArticlePatch } from '../model/edit-fields';
import { abstractFingerprint, normalizeDoi, titleKey } from '../text/clean';
import { httpUrl } from '../text/urls';
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
    updated.fingerprint = abstractFingerprint(updated.abstract);
    updated.readerFields = [...new Set([...(article.readerFields ?? []), ...changed])];
    updated.updatedAt = now;
    await db.articles.put(updated);
    return changed;
  });
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

export async function addTags(db: SimlitDB, ids: string[], tags: string[], now = Date.now()): Promise<void> {
  const wanted = [...new Set(tags.map(normalizeTag).filter(Boolean))];
  if (!wanted.length) return;
  await db.articles
    .where('id')
    .anyOf(ids)
    .modify((article) => {
      const missing = wanted.filter((tag) => !article.tags.includes(tag));
      if (!missing.length) return;
      article.tags = [...article.tags, ...missing];
      article.updatedAt = now;
    });
}

export async function removeTag(db: SimlitDB, ids: string[], tag: string, now = Date.now()): Promise<void> {
  await db.articles
    .where('id')
    .anyOf(ids)
    .modify((article) => {
      if (!article.tags.includes(tag)) return;
      article.tags = article.tags.filter((t) => t !== tag);
      article.updatedAt = now;
    });
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
export async function setSaved(db: SimlitDB, ids: string[], saved: boolean, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.articles, async () => {
    for (const article of await db.articles.bulkGet(ids)) {
      if (!article) continue;
      if (saved && article.savedAt === undefined) await db.articles.update(article.id, { savedAt: now, updatedAt: now });
      if (!saved && article.savedAt !== undefined) {
        const { savedAt: _dropped, ...rest } = article;
        await db.articles.put({ ...rest, updatedAt: now });
      }
    }
  });
}
