import { isUntouched } from '../db/clear-library';
import { storageErrorMessage } from '../db/errors';
import type { Capture, Collection, Setting, SimlitDB } from '../db/schema';
import { deleteCollection } from '../db/collections';
import { chunksTakenFrom, newWriteLog, rollBack, upsertChunks, WRITE_CHUNK, type WriteLog } from '../db/upsert';
import { restorableKeys } from '../db/citation-keys';
import type { FileTaskOptions } from '../files/progress';
import { presentFields, type MergeSource } from '../merge';
import type { Article } from '../model/article';
import { BACKUP_FORMAT, BACKUP_VERSION, type LibraryBackup } from './backup';
import { DropLog, sanitizeBackup, type DroppedValue } from './sanitize';

/** A value of the backup that was not applied because the library had another one. */
export interface RestoreConflict {
  table: 'articles' | 'collections' | 'settings';
  /** Article id, collection id or setting key in this library. */
  id: string;
  field: string;
  kept: unknown;
  /** The backup's value, not applied. Shown to the reader so that nothing is lost silently. */
  fromBackup: unknown;
}

export interface RestoreReport {
  articles: { added: number; merged: number; unchanged: number };
  collections: { added: number; unchanged: number; joined: number };
  settings: { added: number; unchanged: number; merged: number };
  captures: { added: number; unchanged: number };
  conflicts: RestoreConflict[];
  /** What the file held that was not restored (unknown keys, values that failed the checks), and why. */
  dropped: DroppedValue[];
  /** Drops beyond those listed. */
  droppedMore: number;
  /** Set when nothing was restored: the file is not a readable backup, or writing failed. */
  error?: string;
  /** Set when the reader cancelled: nothing was restored. */
  cancelled?: boolean;
  /** Ids of the articles written, for the ranking index (as ImportReport's). */
  writtenIds: string[];
}

function emptyReport(error?: string): RestoreReport {
  return {
    articles: { added: 0, merged: 0, unchanged: 0 },
    collections: { added: 0, unchanged: 0, joined: 0 },
    settings: { added: 0, unchanged: 0, merged: 0 },
    captures: { added: 0, unchanged: 0 },
    conflicts: [],
    dropped: [],
    droppedMore: 0,
    error,
    writtenIds: [],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const stringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/**
 * Reads the file: a Simlit backup of a format this version reads, with its four lists, or the
 * reason it is not (then nothing is restored). Each record is then checked as a capture is
 * (sanitize.ts): what fails is dropped and listed in `log`, the rest is restored.
 */
export function parseBackup(text: string, log = new DropLog()): LibraryBackup | string {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return `not a Simlit backup: not valid JSON (${(error as Error).message.slice(0, 120)})`;
  }
  if (!isRecord(data) || data.format !== BACKUP_FORMAT) return 'not a Simlit backup file';
  if (typeof data.version !== 'number' || data.version < 1) return 'the backup has no valid format version';
  if (data.version > BACKUP_VERSION) return `the backup was made by a newer Simlit (format ${data.version}); update Simlit first`;
  for (const table of ['articles', 'collections', 'settings', 'captures']) {
    if (!Array.isArray(data[table])) return `the backup has no ${table} list`;
  }
  return sanitizeBackup(data, log);
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Bibliographic fields where a merge keeps one value of two; the other is reported. */
const CHOSEN_FIELDS: (keyof Article)[] = [
  'type', 'title', 'author', 'container-title', 'container-title-short', 'issued', 'volume', 'issue', 'page', 'number',
  'DOI', 'URL', 'ISSN', 'abstract', 'keyword', 'language', 'publisher', 'source', 'altTitle', 'altAbstract', 'savedAt',
];

function articleConflicts(known: Article, incoming: Article, merged: Article): RestoreConflict[] {
  const conflicts: RestoreConflict[] = [];
  for (const field of CHOSEN_FIELDS) {
    const mine = known[field];
    const theirs = incoming[field];
    if (mine === undefined || theirs === undefined || same(mine, theirs)) continue;
    const kept = merged[field];
    conflicts.push({ table: 'articles', id: known.id, field, kept, fromBackup: same(kept, theirs) ? mine : theirs });
  }
  return conflicts;
}

async function restoreCollections(db: SimlitDB, collections: Collection[], report: RestoreReport, added: string[]): Promise<Map<string, string>> {
  const idMap = new Map<string, string>();
  const local = await db.collections.toArray();
  for (const collection of collections) {
    const sameId = local.find((c) => c.id === collection.id);
    const sameName = local.find((c) => c.name.toLocaleLowerCase() === collection.name.toLocaleLowerCase());
    if (sameId) {
      idMap.set(collection.id, sameId.id);
      report.collections.unchanged++;
      if (sameId.name !== collection.name) {
        report.conflicts.push({ table: 'collections', id: sameId.id, field: 'name', kept: sameId.name, fromBackup: collection.name });
      }
    } else if (sameName) {
      // Collection names are unique: articles of the backup's collection join the local one.
      idMap.set(collection.id, sameName.id);
      report.collections.joined++;
    } else {
      await db.collections.add(collection);
      added.push(collection.id);
      local.push(collection);
      idMap.set(collection.id, collection.id);
      report.collections.added++;
    }
  }
  return idMap;
}

/**
 * The backup's articles as they are restored, a chunk at a time, taken out of the list as they go
 * (import-file.ts says why): their collections under this library's ids, and those the reader had
 * touched (saved, collected, tagged, noted, edited) with their present fields as the reader's.
 */
function* restoredChunks(articles: Article[], collectionIds: Map<string, string>): Generator<Article[]> {
  for (const chunk of chunksTakenFrom(articles, WRITE_CHUNK)) {
    yield chunk.map((backupArticle) => ({
      ...backupArticle,
      collections: [...new Set(backupArticle.collections.map((id) => collectionIds.get(id) ?? id))],
      ...(isUntouched(backupArticle) ? {} : { readerFields: [...new Set([...(backupArticle.readerFields ?? []), ...presentFields(backupArticle)])] }),
    }));
  }
}

/**
 * Restores the articles as an import writes them, a chunk a transaction (upsertChunks): one the
 * reader had touched merges as a file the reader brings, one only captured as a capture from the
 * pages it was seen on. Returns this library's id for each backup article's id.
 */
async function restoreArticles(db: SimlitDB, backupArticles: Article[], collectionIds: Map<string, string>, report: RestoreReport, options: FileTaskOptions, log: WriteLog): Promise<Map<string, string>> {
  const articles = await restorableKeys(db, backupArticles);
  const backupIds = articles.map((article) => article.id);
  const total = articles.length;
  const { entries, writtenIds } = await upsertChunks(db, restoredChunks(articles, collectionIds), {
    source: 'capture',
    // Restoring keeps an article touched or untouched: the backup's own says which.
    sourceOf: (incoming): MergeSource => (isUntouched(incoming) ? 'capture' : 'file'),
    onMerge: (known, incoming, merged) => report.conflicts.push(...articleConflicts(known, incoming, merged)),
    signal: options.signal,
    onEach: (done) => options.onProgress?.({ stage: 'writing', done, total }),
    log,
  });
  for (const entry of entries) {
    if (entry.status === 'new') report.articles.added++;
    else if (entry.status === 'merged') report.articles.merged++;
    else report.articles.unchanged++;
  }
  // Not push(...ids): a backup of more than some 100,000 articles would pass too many arguments.
  report.writtenIds = [...writtenIds];
  return new Map(entries.map((entry, i) => [backupIds[i], entry.articleId]));
}

async function restoreSettings(db: SimlitDB, settings: Setting[], report: RestoreReport): Promise<void> {
  for (const setting of settings) {
    const local = await db.settings.get(setting.key);
    if (!local) {
      await db.settings.add(setting);
      report.settings.added++;
    } else if (same(local.value, setting.value)) {
      report.settings.unchanged++;
    } else if (stringList(local.value) && stringList(setting.value)) {
      // Lists (paused sites) are joined: both browsers' entries were the reader's choice.
      await db.settings.put({ key: setting.key, value: [...new Set([...local.value, ...setting.value])] });
      report.settings.merged++;
    } else {
      report.conflicts.push({ table: 'settings', id: setting.key, field: 'value', kept: local.value, fromBackup: setting.value });
      report.settings.unchanged++;
    }
  }
}

async function restoreCaptures(db: SimlitDB, captures: Capture[], articleIds: Map<string, string>, report: RestoreReport): Promise<void> {
  for (const { id: _id, ...capture } of captures) {
    const duplicate = await db.captures
      .where('pageUrl')
      .equals(capture.pageUrl)
      .filter((c) => c.capturedAt === capture.capturedAt)
      .first();
    if (duplicate) {
      report.captures.unchanged++;
      continue;
    }
    const items = capture.items.map((item) => ({ ...item, articleId: articleIds.get(item.articleId) ?? item.articleId }));
    await db.captures.add({ ...capture, items });
    report.captures.added++;
  }
}

/**
 * Restores a backup into this library, merging, never replacing: articles are deduplicated
 * against the library as captures are (what the reader did — saved, tags, collections, notes —
 * is joined from both sides), collections are matched by id then by name, settings keep this
 * browser's value when they differ. Every value of the backup that was not applied is listed in
 * `conflicts`, every value that failed the checks in `dropped`. The collections, then the
 * articles a chunk at a time, then the settings and captures are written in transactions of their
 * own, so that a capture or a save meanwhile waits for one of them only (one transaction for all
 * held them for the whole restore: 34 s for 10,000 articles in Chromium); a bad file writes
 * nothing, and a failure or the reader's cancel (`options.signal`) takes back what was written.
 */
export async function restoreLibrary(db: SimlitDB, text: string, options: FileTaskOptions = {}): Promise<RestoreReport> {
  options.onProgress?.({ stage: 'parsing', done: 0, total: 1 });
  const log = new DropLog();
  const backup = parseBackup(text, log);
  if (typeof backup === 'string') return emptyReport(backup);
  const report = emptyReport();
  const written = newWriteLog();
  const addedCollections: string[] = [];
  // Said before the first write: from here a cancel takes back what was written.
  options.onProgress?.({ stage: 'writing', done: 0, total: backup.articles.length });
  try {
    const collectionIds = await db.transaction('rw', db.collections, () => restoreCollections(db, backup.collections, report, addedCollections));
    const articleIds = await restoreArticles(db, backup.articles, collectionIds, report, options, written);
    await db.transaction('rw', db.settings, db.captures, async () => {
      options.signal?.throwIfAborted();
      await restoreSettings(db, backup.settings, report);
      await restoreCaptures(db, backup.captures, articleIds, report);
    });
    return { ...report, dropped: log.listed, droppedMore: log.more };
  } catch (error) {
    try {
      await rollBack(db, written, (done, all) => options.onProgress?.({ stage: 'takingBack', done, total: all }));
      for (const id of addedCollections) await deleteCollection(db, id);
    } catch (rollBackError) {
      return { ...emptyReport(`${storageErrorMessage(rollBackError)} (part of the backup may have been restored)`), dropped: log.listed, droppedMore: log.more };
    }
    if (options.signal?.aborted) return { ...emptyReport(), cancelled: true };
    return { ...emptyReport(storageErrorMessage(error)), dropped: log.listed, droppedMore: log.more };
  }
}
