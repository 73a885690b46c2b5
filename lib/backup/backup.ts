import type { Article } from '../model/article';
import type { Capture, Collection, Setting, SimlitDB } from '../db/schema';
import { readWholeTable } from '../db/pages-by-id';
import { withCitationKeys } from '../db/citation-keys';
import { SETTING_KEYS } from '../db/settings';

export const BACKUP_FORMAT = 'simlit-backup';
/** Raised when the file layout changes; restore reads every version up to this one. */
export const BACKUP_VERSION = 1;

/**
 * One file with the whole library. Tags, notes, saved marks, collection membership and citation
 * keys live on the articles. The search index snapshots are left out: they are rebuilt from the articles.
 */
export interface LibraryBackup {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** The Dexie schema version the data was read from. */
  schemaVersion: number;
  articles: Article[];
  collections: Collection[];
  settings: Setting[];
  captures: Capture[];
}

/**
 * Reads every table in one read transaction, so the file is one consistent state of the library;
 * the large ones by pages, so that the popup and other pages are answered meanwhile (pages-by-id.ts).
 */
export async function readBackup(db: SimlitDB, now = Date.now()): Promise<LibraryBackup> {
  return db.transaction('r', db.articles, db.collections, db.settings, db.captures, db.citationKeys, async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date(now).toISOString(),
    schemaVersion: db.verno,
    // Each article with the citation key exports gave it, as imported keys are carried: a library
    // restored from the file cites its articles as this one did.
    articles: await withCitationKeys(db, await readWholeTable(db.articles)),
    collections: await db.collections.toArray(),
    // The reader's settings only: other rows (the pruning log) are this browser's own records.
    settings: (await db.settings.toArray()).filter((row) => SETTING_KEYS.includes(row.key)),
    captures: await readWholeTable(db.captures),
  }));
}

/** The backup file's text (JSON); save it as `backupFileName()`. */
export async function backupLibrary(db: SimlitDB, now = Date.now()): Promise<string> {
  return `${JSON.stringify(await readBackup(db, now))}\n`;
}

export function backupFileName(date: Date = new Date()): string {
  return `simlit-backup-${date.toISOString().slice(0, 10)}.json`;
}
