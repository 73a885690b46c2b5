import { isUntouched } from '../db/clear-library';
import { storageErrorMessage } from '../db/errors';
import type { Capture, Collection, Setting, SimlitDB } from '../db/schema';
import { findKnown, upsertArticles } from '../db/upsert';
import type { FileTaskOptions } from '../files/progress';
import { mergeArticles, presentFields } from '../merge';
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

async function restoreCollections(db: SimlitDB, collections: Collection[], report: RestoreReport): Promise<Map<string, string>> {
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
      local.push(collection);
      idMap.set(collection.id, collection.id);
      report.collections.added++;
    }
  }
  return idMap;
}

/**
 * An article the reader had touched in the backup (saved, collected, tagged, noted, edited) is
 * theirs: it merges as a file the reader brings, its present fields listed as the reader's. One
 * only captured there merges as a capture from the pages it was seen on.
 */
async function restoreArticles(db: SimlitDB, articles: Article[], collectionIds: Map<string, string>, report: RestoreReport, options: FileTaskOptions): Promise<Map<string, string>> {
  const idMap = new Map<string, string>();
  for (const [index, backupArticle] of articles.entries()) {
    options.signal?.throwIfAborted();
    if (index % 100 === 0) options.onProgress?.({ stage: 'writing', done: index, total: articles.length });
    const readers = !isUntouched(backupArticle);
    const incoming: Article = {
      ...backupArticle,
      collections: [...new Set(backupArticle.collections.map((id) => collectionIds.get(id) ?? id))],
      ...(readers ? { readerFields: [...new Set([...(backupArticle.readerFields ?? []), ...presentFields(backupArticle)])] } : {}),
    };
    const source = readers ? 'file' : 'capture';
    const known = await findKnown(db, incoming);
    if (known) report.conflicts.push(...articleConflicts(known, incoming, mergeArticles(known, incoming, source)));
    const { entries, written } = await upsertArticles(db, [incoming], { source });
    const entry = entries[0];
    idMap.set(backupArticle.id, entry.articleId);
    report.writtenIds.push(...written.map((article) => article.id));
    if (entry.status === 'new') report.articles.added++;
    else if (entry.status === 'merged') report.articles.merged++;
    else report.articles.unchanged++;
  }
  return idMap;
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
 * `conflicts`, every value that failed the checks in `dropped`. All of it is written in one
 * transaction: a bad file, a failure or the reader's cancel (`options.signal`) writes nothing.
 */
export async function restoreLibrary(db: SimlitDB, text: string, options: FileTaskOptions = {}): Promise<RestoreReport> {
  options.onProgress?.({ stage: 'parsing', done: 0, total: 1 });
  const log = new DropLog();
  const backup = parseBackup(text, log);
  if (typeof backup === 'string') return emptyReport(backup);
  try {
    const report = await db.transaction('rw', db.articles, db.collections, db.settings, db.captures, async () => {
      const report = emptyReport();
      const collectionIds = await restoreCollections(db, backup.collections, report);
      const articleIds = await restoreArticles(db, backup.articles, collectionIds, report, options);
      await restoreSettings(db, backup.settings, report);
      await restoreCaptures(db, backup.captures, articleIds, report);
      options.signal?.throwIfAborted();
      return report;
    });
    return { ...report, dropped: log.listed, droppedMore: log.more };
  } catch (error) {
    if (options.signal?.aborted) return { ...emptyReport(), cancelled: true };
    return { ...emptyReport(storageErrorMessage(error)), dropped: log.listed, droppedMore: log.more };
  }
}

