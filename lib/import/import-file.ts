import { storageErrorMessage } from '../db/errors';
import type { SimlitDB } from '../db/schema';
import { newWriteLog, rollBack, upsertChunks, WRITE_CHUNK } from '../db/upsert';
import type { FileTaskOptions } from '../files/progress';
import type { Article, CslItem } from '../model/article';
import type { Rejection } from './csl-json';
import type { EntryQueue } from './entry-queue';
import { openImportFile, type ImportFormat } from './parse';
import { cslToArticle } from './to-article';

export interface ImportOptions extends FileTaskOptions {
  /** Collection the imported articles join (it must exist). */
  collectionId?: string;
  /** Used to tell the format by extension; the content decides otherwise. */
  fileName?: string;
  now?: number;
  /** Articles per transaction (WRITE_CHUNK unless a test asks for smaller chunks). */
  chunkSize?: number;
}

export interface ImportReport {
  format?: ImportFormat;
  /** New articles. */
  added: number;
  /** Articles already in the library that the file enriched (or put into the collection). */
  merged: number;
  /** Articles already in the library, with nothing new in the file. */
  unchanged: number;
  rejected: { entry: string; reason: string }[];
  /** CSL-JSON fields the file holds that Simlit does not keep (dropped on import). */
  ignoredFields: string[];
  /** Set when nothing was written: the file cannot be read, or the library could not be written. */
  error?: string;
  /** Set when the reader cancelled: nothing was written. */
  cancelled?: boolean;
  /**
   * Ids of the articles written (new or changed), for the ranking index: ids, not the articles,
   * because the report crosses from the worker to the page (50,000 articles took seconds to copy).
   */
  writtenIds: string[];
}

/** Thrown inside the transaction so that it rolls back; its message goes to the report. */
class MissingCollection extends Error {
  constructor(id: string) {
    super(`the collection "${id}" does not exist (deleted meanwhile?); nothing was imported`);
  }
}

function emptyReport(format: ImportFormat | undefined, rejected: Rejection[], error?: string, ignoredFields: string[] = []): ImportReport {
  return { format, added: 0, merged: 0, unchanged: 0, rejected: rejected.map(({ entry, reason }) => ({ entry, reason })), ignoredFields, error, writtenIds: [] };
}

/**
 * The file's entries as articles, a chunk at a time, parsed and made as they are written; an
 * item that makes no article is added to `unconvertible`. A 50,000-article import's worker held
 * 160 MB of articles (node) when they were all made first, and each of its collections, which
 * walk what it holds, stopped it and its open transaction for 0.8–1.0 s every few seconds in
 * Firefox (docs/benchmark-log.md, 4 December, late night).
 */
function* articleChunks(entries: EntryQueue, size: number, unconvertible: Rejection[], convert: (item: CslItem) => Article | undefined): Generator<Article[]> {
  let index = 0;
  while (!entries.drained) {
    const articles: Article[] = [];
    for (const item of entries.take(size)) {
      const article = convert(item);
      if (article) articles.push(article);
      else unconvertible.push({ index, entry: (item.title ?? item.id).slice(0, 80), reason: 'no title, abstract or DOI after cleaning' });
      index++;
    }
    if (articles.length) yield articles;
  }
}

/**
 * Imports a BibTeX, RIS or CSL-JSON file into the library: each readable entry is normalized as
 * a captured article is and added, or merged into the article it duplicates (same DOI, URL, title
 * or abstract) as the reader's own data (lib/merge). It writes in chunks (WRITE_CHUNK), so that
 * the library stays usable meanwhile; a failure or the reader's cancel takes back what earlier
 * chunks wrote, so that in the end it writes nothing. Entries that cannot be read are listed with
 * the reason; a file that cannot be read at all writes nothing and says why.
 */
export async function importFile(db: SimlitDB, text: string, options: ImportOptions = {}): Promise<ImportReport> {
  const now = options.now ?? Date.now();
  const { format, entries, error: unreadableFile, ignoredFields: ignored = [] } = openImportFile(text, options.fileName);
  if (!entries) return emptyReport(format, [], unreadableFile);
  const unconvertible: Rejection[] = [];
  const rejections = () => [...entries.rejected, ...unconvertible];
  const { total } = entries;
  const log = newWriteLog();
  // Said before the first write: from here a cancel takes back what was written.
  options.onProgress?.({ stage: 'writing', done: 0, total });
  const chunkSize = options.chunkSize ?? WRITE_CHUNK;
  try {
    const { collectionId, signal, onProgress } = options;
    const chunks = articleChunks(entries, chunkSize, unconvertible, (item) => cslToArticle(item, { collectionId, now }));
    const { entries: written, writtenIds } = await upsertChunks(db, chunks, {
      source: 'file',
      tables: [db.collections],
      check: async () => {
        if (collectionId && !(await db.collections.get(collectionId))) throw new MissingCollection(collectionId);
      },
      signal,
      // Entries that make no article are done too (those parsed ahead a little early).
      onEach: (done) => onProgress?.({ stage: 'writing', done: Math.min(total, done + entries.rejected.length + unconvertible.length), total }),
      log,
      now,
      // The next chunk is parsed while this one's transaction commits.
      afterWrites: () => entries.parseAhead(chunkSize),
    });
    const rejected = rejections();
    if (!written.length) return emptyReport(format, rejected, rejected.length ? 'no entry of the file could be imported' : 'the file holds no entries', ignored);
    const report = emptyReport(format, rejected, undefined, ignored);
    for (const entry of written) {
      if (entry.status === 'new') report.added++;
      else if (entry.status === 'merged') report.merged++;
      else report.unchanged++;
    }
    report.writtenIds = [...writtenIds];
    return report;
  } catch (error) {
    try {
      await rollBack(db, log, (done, all) => options.onProgress?.({ stage: 'takingBack', done, total: all }));
    } catch (rollBackError) {
      return emptyReport(format, rejections(), `${storageErrorMessage(rollBackError)} (part of the file may have been imported)`, ignored);
    }
    if (options.signal?.aborted) return { ...emptyReport(format, []), cancelled: true };
    const message = error instanceof MissingCollection ? error.message : storageErrorMessage(error);
    return emptyReport(format, rejections(), message, ignored);
  }
}
