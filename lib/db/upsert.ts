import Dexie, { type Table } from 'dexie';
import { mergeArticles, sameArticle, type MergeSource } from '../merge';
import { IDENTITY_KEYS, identityValues, type Article } from '../model/article';
import { IdentityIndex, LibraryIdentities } from './library-identities';
import type { CaptureEntry, SimlitDB } from './schema';
import { DELETED_AT_ONCE } from './deletion-chunks';

/** The known article that an incoming record names, looked up by each identity key, strongest first. */
export async function findKnown(db: SimlitDB, incoming: Article): Promise<Article | undefined> {
  for (const { key } of IDENTITY_KEYS) {
    const values = identityValues(incoming, key);
    if (!values.length) continue;
    const match = (await db.articles.where(key).anyOf(values).toArray()).find((known) => sameArticle(known, incoming));
    if (match) return match;
  }
  return undefined;
}

/**
 * A repeat sighting is written only when the last one is this old: `seenAt` is coarse, so that a
 * page re-read every few seconds does not rewrite its articles each time.
 */
export const SEEN_RESOLUTION_MS = 60 * 60 * 1000;

/**
 * Bibliographic content, without bookkeeping, to tell an enriching merge from a repeat. The
 * versions kept aside count by what they say and where they come from, not by when or in which
 * order they were last seen: a page showing its known different version again re-dated that
 * version, which re-dated the article at every capture of the page.
 */
function content(article: Article): string {
  const { sightings: _s, updatedAt: _u, capturedAt: _c, seenAt: _seen, alternatives, ...rest } = article;
  const versions = (alternatives ?? []).map(({ source: { capturedAt: _at, ...source }, fields }) => JSON.stringify({ source, fields })).sort();
  return JSON.stringify({ ...rest, versions });
}

/**
 * An incoming record merged into the known article it names (lib/merge decides what changes;
 * 'undo' puts a deleted record back whole, with what was captured meanwhile), and whether the
 * result must be written: new content, or a sighting worth recording.
 */
function mergeKnown(known: Article, incoming: Article, source: MergeSource | 'undo'): { merged: Article; changed: boolean; write: boolean } {
  const merged = source === 'undo' ? { ...mergeArticles(incoming, known), id: known.id } : mergeArticles(known, incoming, source);
  const changed = content(merged) !== content(known);
  // A change is dated now (a restored file may carry an older time than the record's), so that
  // whatever catches up by updatedAt sees it: the similarity index, the library's search, an
  // import's identity values, the state kept answers are ranked in. A sighting alone changes
  // nothing they read and keeps the article's time: dated, it made every answer kept for a page
  // look out of date (the popup then waited for the background) whenever a page showed an
  // article seen an hour before, and had it read again for nothing.
  merged.updatedAt = changed ? Math.max(merged.updatedAt, Date.now()) : known.updatedAt;
  // A repeat still records where the article was seen; only new content needs re-indexing.
  const seenAgain = merged.sightings.length !== known.sightings.length || (merged.seenAt ?? 0) - (known.seenAt ?? 0) >= SEEN_RESOLUTION_MS;
  return { merged, changed, write: changed || seenAgain };
}

async function freeId(db: SimlitDB, id: string): Promise<string> {
  let candidate = id;
  for (let n = 2; await db.articles.get(candidate); n++) candidate = `${id}-${n}`;
  return candidate;
}

/** An article as first stored: seen when its page showed it (an imported one: when it was imported). */
function fresh(incoming: Article, id: string): Article {
  return { ...incoming, id, seenAt: incoming.seenAt ?? incoming.sightings.at(-1)?.capturedAt ?? incoming.capturedAt };
}

export interface UpsertOptions {
  /**
   * Where the records come from: a page by default, a file the reader brings (lib/merge), or
   * 'undo': articles the reader deleted, put back whole (one captured again meanwhile is merged
   * into its deleted record as a capture).
   */
  source?: MergeSource | 'undo';
  /** New articles beyond this many are not added (a flooding site's excess); they are counted in `dropped`. */
  maxNew?: number;
  /** The reader's cancel: the next article throws, so that the caller's transaction writes nothing. */
  signal?: AbortSignal;
  /** Told every hundred articles how many are done. */
  onEach?(done: number): void;
}

/**
 * Adds each article, or merges it into the known article it names (lib/merge decides what
 * changes). Must run inside a caller's 'rw' transaction on `articles` so that a batch is
 * written whole or not at all. Entries follow the input order, dropped articles left out.
 */
export async function upsertArticles(
  db: SimlitDB,
  articles: Article[],
  { source = 'capture', maxNew = Infinity, signal, onEach }: UpsertOptions = {},
): Promise<{ entries: CaptureEntry[]; written: Article[]; dropped: number }> {
  const entries: CaptureEntry[] = [];
  const written: Article[] = [];
  let added = 0;
  let dropped = 0;
  for (const [index, incoming] of articles.entries()) {
    signal?.throwIfAborted();
    if (index % 100 === 0) onEach?.(index);
    const position = incoming.sightings.at(-1)?.position;
    const known = await findKnown(db, incoming);
    if (known) {
      const { merged, changed, write } = mergeKnown(known, incoming, source);
      if (write) await db.articles.put(merged);
      if (changed) written.push(merged);
      entries.push({ articleId: known.id, status: changed ? 'merged' : 'known', position });
    } else if (added >= maxNew) {
      dropped++;
    } else {
      const id = await freeId(db, incoming.id);
      const article = source === 'undo' ? { ...incoming, id } : fresh(incoming, id);
      await db.articles.add(article);
      added++;
      written.push(article);
      entries.push({ articleId: article.id, status: 'new', position });
    }
  }
  return { entries, written, dropped };
}

/**
 * What an import wrote, to take it back: the articles it added, and the earlier version of each
 * known article it changed. Filled chunk by chunk (upsertChunk), undone by rollBack.
 */
export interface WriteLog {
  /** Ids of the articles it added. */
  added: Set<string>;
  /** The version before the import's first change, by id. */
  before: Map<string, Article>;
  /** What the import last wrote, by id: a record changed since (a capture meanwhile) is left as it is. */
  wrote: Map<string, WrittenVersion>;
}

/**
 * What tells a record the import wrote from one changed since, without the article: the log of a
 * 50,000-article import would otherwise hold every article it wrote (upsertChunks).
 */
interface WrittenVersion {
  updatedAt: number;
  seenAt?: number;
  sightings: number;
}

export function newWriteLog(): WriteLog {
  return { added: new Set(), before: new Map(), wrote: new Map() };
}

/** The known articles a chunk may merge into, by their identity values. */
class KnownArticles {
  private readonly byId = new Map<string, Article>();
  private readonly values = new IdentityIndex();

  static async of(db: SimlitDB, articles: Article[], library: LibraryIdentities): Promise<KnownArticles> {
    const known = new KnownArticles();
    for (const article of await db.articles.bulkGet(library.sharing(articles))) if (article) known.set(article);
    return known;
  }

  /** Records an article's current version (found, added or merged) under its every identity value. */
  set(article: Article): void {
    this.byId.set(article.id, article);
    this.values.add(article);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** As findKnown: by each identity key, strongest first, candidates in index order (value, then id). */
  find(incoming: Article): Article | undefined {
    for (const { key } of IDENTITY_KEYS) {
      const values = [...identityValues(incoming, key)].sort();
      for (const value of values) {
        const ids = [...this.values.holders(key, value)].sort();
        for (const id of ids) {
          const known = this.byId.get(id)!;
          if (identityValues(known, key).includes(value) && sameArticle(known, incoming)) return known;
        }
      }
    }
    return undefined;
  }
}

interface ChunkOptions {
  /** Where the articles come from (as UpsertOptions' source), unless `sourceOf` says for an article. */
  source?: MergeSource | 'undo';
  sourceOf?(incoming: Article): MergeSource;
  /** Told each merge into a known article: the known one, the incoming one, the merged result. */
  onMerge?(known: Article, incoming: Article, merged: Article): void;
  signal?: AbortSignal;
  onEach?(done: number): void;
}

/**
 * upsertArticles for a chunk of many articles (an import, a large undo), with the same outcome article by
 * article: the chunk's identity values are looked up at once, the merges are made in memory
 * and the chunk is written at once (writeChunk). Must run inside the caller's 'rw' transaction on
 * `articles`, one per chunk, so that a capture or a save between chunks waits for one chunk
 * only. `log` records what is written, for rollBack.
 */
export async function upsertChunk(
  db: SimlitDB,
  articles: Article[],
  library: LibraryIdentities,
  log: WriteLog,
  { source = 'file', sourceOf, onMerge, signal, onEach }: ChunkOptions = {},
): Promise<{ entries: CaptureEntry[]; written: Article[] }> {
  await library.catchUp(db);
  const known = await KnownArticles.of(db, articles, library);
  // No native await in the loop (Dexie keeps its transaction zone across a limited number of them).
  const isTaken = (id: string) => library.has(id) || known.has(id);
  const pending = new Map<string, Article>();
  const addedHere = new Set<string>();
  const entries: CaptureEntry[] = [];
  const written: Article[] = [];
  for (const [index, incoming] of articles.entries()) {
    signal?.throwIfAborted();
    if (index % 100 === 0) onEach?.(index);
    const position = incoming.sightings.at(-1)?.position;
    const match = known.find(incoming);
    const from = sourceOf?.(incoming) ?? source;
    if (match) {
      const { merged, changed, write } = mergeKnown(match, incoming, from);
      onMerge?.(match, incoming, merged);
      if (write) {
        if (!log.added.has(match.id) && !log.before.has(match.id)) log.before.set(match.id, match);
        pending.set(merged.id, merged);
        known.set(merged);
      }
      if (changed) written.push(merged);
      entries.push({ articleId: match.id, status: changed ? 'merged' : 'known', position });
    } else {
      let id = incoming.id;
      for (let n = 2; isTaken(id) || (id !== incoming.id && (await db.articles.get(id))); n++) id = `${incoming.id}-${n}`;
      const article = from === 'undo' ? { ...incoming, id } : fresh(incoming, id);
      pending.set(id, article);
      addedHere.add(id);
      known.set(article);
      log.added.add(id);
      written.push(article);
      entries.push({ articleId: id, status: 'new', position });
    }
  }
  await writeChunk(db, [...pending.values()], addedHere);
  for (const article of pending.values()) {
    log.wrote.set(article.id, { updatedAt: article.updatedAt, seenAt: article.seenAt, sightings: article.sightings.length });
    library.add(article);
  }
  return { entries, written };
}

export interface ChunkedUpsertOptions extends Pick<ChunkOptions, 'sourceOf' | 'onMerge'> {
  source: MergeSource | 'undo';
  /** Tables each chunk's transaction takes besides `articles` (what `check` reads). */
  tables?: Table[];
  /** Runs first in each chunk's transaction: throwing stops the writes there (a collection deleted meanwhile). */
  check?(): Promise<void>;
  signal?: AbortSignal;
  /** Told every hundred articles how many of all are done. */
  onEach?(done: number): void;
  /** Records what each chunk writes, for the caller's rollBack. */
  log?: WriteLog;
  /** When the library's identities are read: a catch-up looks for writes after it. */
  now?: number;
  /** Called in each chunk's transaction once its writes are made: what runs then waits for no step of it, only its commit. */
  afterWrites?(): void;
}

/**
 * Articles written per transaction by an import or a restore: large enough that a chunk's lookups
 * and its one bulkPut pay off, small enough that a capture or a save arriving meanwhile waits for
 * one chunk only.
 */
export const WRITE_CHUNK = 500;

/**
 * The items in chunks of `size`, each taken out of the array as it is handed over: once written,
 * a chunk of articles is held by nothing. A 50,000-article import's worker held every article until
 * its end, and its collections then stopped it, an open transaction with it, for 0.8–1.0 s every
 * few seconds in Firefox (docs/benchmark-log.md, 4 December, late night).
 */
export function* chunksTakenFrom<T>(items: T[], size: number): Generator<T[]> {
  while (items.length > 0) yield items.splice(0, size);
}

/**
 * Many articles (an import, a large undo) upserted chunk by chunk, a transaction each, the
 * library's identities read once (upsertChunk), so that a capture or a save meanwhile waits for
 * one chunk only. A failure leaves the earlier chunks written (`log` says what they were).
 * Entries follow the input order; `writtenIds` are the articles written new or changed.
 */
export async function upsertChunks(
  db: SimlitDB,
  chunks: Iterable<Article[]>,
  { source, sourceOf, onMerge, tables = [], check, signal, onEach, log = newWriteLog(), now = Date.now(), afterWrites }: ChunkedUpsertOptions,
): Promise<{ entries: CaptureEntry[]; writtenIds: Set<string> }> {
  const entries: CaptureEntry[] = [];
  const writtenIds = new Set<string>();
  const library = await db.transaction('r', db.articles, () => LibraryIdentities.read(db, now));
  let start = 0;
  for (const chunk of chunks) {
    signal?.throwIfAborted();
    const offset = start;
    const result = await db.transaction('rw', [db.articles, ...tables], async () => {
      await check?.();
      const written = await upsertChunk(db, chunk, library, log, { source, sourceOf, onMerge, signal, onEach: onEach && ((done) => onEach(offset + done)) });
      afterWrites?.();
      return written;
    });
    entries.push(...result.entries);
    for (const article of result.written) writtenIds.add(article.id);
    start += chunk.length;
  }
  return { entries, writtenIds };
}

/**
 * Writes a chunk's articles: the ones it adds with bulkAdd, so that the article count's
 * middleware (article-count.ts) need not look each one up to learn that it is new (a request per
 * article, about a tenth of the worker's time in a 10,000-article import), the ones it merged
 * into with bulkPut. An id that a write the chunk could not see has taken meanwhile (an undone
 * deletion puts an article back with its old updatedAt) fails its add and is put instead, as
 * the whole chunk was before.
 */
async function writeChunk(db: SimlitDB, articles: Article[], added: ReadonlySet<string>): Promise<void> {
  const adding = articles.filter((article) => added.has(article.id));
  try {
    await db.articles.bulkAdd(adding);
  } catch (error) {
    if (!(error instanceof Dexie.BulkError)) throw error;
    const failures = Object.entries(error.failuresByPos);
    if (failures.some(([, failure]) => failure.name !== 'ConstraintError')) throw error;
    await db.articles.bulkPut(failures.map(([position]) => adding[Number(position)]));
  }
  await db.articles.bulkPut(articles.filter((article) => !added.has(article.id)));
}

/** Whether a stored record is still what the import wrote (nothing changed it since). */
function untouchedSince(stored: Article | undefined, wrote: WrittenVersion): stored is Article {
  return stored !== undefined && stored.updatedAt === wrote.updatedAt && stored.seenAt === wrote.seenAt && stored.sightings.length === wrote.sightings;
}

/**
 * Takes back what an import wrote (cancelled, or failed part-way): the articles it added are
 * deleted and the ones it changed get their earlier version back, except records something else
 * changed since (a capture during the import), which are left as they are. A chunk a transaction
 * (DELETED_AT_ONCE), so that a capture meanwhile waits for one chunk: taking back 10,000 articles
 * in one held every write for some 9 s. A failure part-way leaves the later chunks as the import
 * wrote them (the callers say part of the file may have been imported).
 */
export async function rollBack(db: SimlitDB, log: WriteLog, onProgress?: (done: number, total: number) => void): Promise<void> {
  const ids = [...log.wrote.keys()];
  for (let start = 0; start < ids.length; start += DELETED_AT_ONCE) {
    const chunk = ids.slice(start, start + DELETED_AT_ONCE);
    await db.transaction('rw', db.articles, async () => {
      const stored = await db.articles.bulkGet(chunk);
      const remove: string[] = [];
      const restore: Article[] = [];
      chunk.forEach((id, i) => {
        if (!untouchedSince(stored[i], log.wrote.get(id)!)) return;
        if (log.added.has(id)) remove.push(id);
        else restore.push(log.before.get(id)!);
      });
      await db.articles.bulkDelete(remove);
      await db.articles.bulkPut(restore);
    });
    onProgress?.(start + chunk.length, ids.length);
  }
}
