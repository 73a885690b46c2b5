/**
 * The similarity index across popup openings: saved as a snapshot in the `indexSnapshots` table,
 * loaded and caught up with the library on the next start, rebuilt only when the snapshot is
 * missing or was made by other tokenizing (its version differs).
 */
import type { SimlitDB } from '../db/schema';
import { keptArticleCount, keptDeletionCount, recountArticles } from '../db/article-count';
import { isPackedValue, packValue, unpackValue } from '../db/packed-value';
import { pagesById } from '../db/pages-by-id';
import type { Article } from '../model/article';
import { DEFAULT_RANKER, IndexChangedError, SimilarityIndex, type IndexSnapshotData, type RankerOptions } from './similarity-index';
import { nextTask, runInSlices } from './work-slices';
import { withStoredTerms } from './stored-terms';

export const SNAPSHOT_KEY = 'similarity';

/**
 * Changed articles the next start may have to catch up with before the snapshot is rewritten.
 * Catching up with them costs that start some 100 ms; rewriting the snapshot costs about 2 s
 * and 46 MB of writing at 50,000 articles (npm run bench), which after every captured page
 * would add up to gigabytes a day.
 */
export const SAVE_AFTER_CHANGES = 200;

/** Counts the changes made to an index since its snapshot, and says when a new snapshot is due. */
export class UnsavedChanges {
  private count = 0;

  constructor(private readonly limit = SAVE_AFTER_CHANGES) {}

  /** Records changed articles; true once enough have changed to save. */
  add(changes: number): boolean {
    this.count += changes;
    return this.count >= this.limit;
  }

  saved(): void {
    this.count = 0;
  }
}

/**
 * Saves the index's snapshot, taken in slices of time (SimilarityIndex.snapshotSteps); false when
 * the index changed meanwhile, and nothing was saved. `savedAt`: the next start reads again every
 * article written from then on (loadOrBuildIndex), so every write before it must be in the index.
 */
export async function saveIndex(db: SimlitDB, index: SimilarityIndex, savedAt = Date.now()): Promise<boolean> {
  // Read before the index is taken: a deletion that reaches the index meanwhile only makes the
  // next start walk the library's ids.
  const deletionsAsOf = await keptDeletionCount(db);
  let snapshot: IndexSnapshotData;
  try {
    snapshot = await runInSlices(index.snapshotSteps());
  } catch (error) {
    if (error instanceof IndexChangedError) return false;
    throw error;
  }
  const { version, data } = snapshot;
  // Its bytes in a Blob: Chromium hands a large structured clone back at half the speed (packed-value.ts).
  await db.indexSnapshots.put({ key: SNAPSHOT_KEY, version, savedAt, deletionsAsOf, data: packValue(data as unknown as Record<string, unknown>) });
  return true;
}

/** A snapshot's data as toSnapshot() made it; undefined when its bytes cannot be read (the index is then built afresh). */
export async function snapshotData(data: unknown): Promise<IndexSnapshotData['data'] | undefined> {
  // Snapshots saved before the data was packed load as they are.
  if (!isPackedValue(data)) return data as IndexSnapshotData['data'];
  return (await unpackValue(data).catch(() => undefined)) as IndexSnapshotData['data'] | undefined;
}

export interface LoadOptions {
  options?: RankerOptions;
  /** Called while a full rebuild runs: articles indexed so far, and in all. */
  onProgress?: (done: number, total: number) => void;
  /**
   * How an index that differs from the snapshot gets saved; at once by default. The background
   * saves it just after answering the questions that waited for the index, so that the first
   * answer after a rebuild does not wait for tens of megabytes to be written.
   */
  save?: (index: SimilarityIndex) => Promise<unknown> | void;
  /** A caught-up index is saved only when at least this many articles changed (see SAVE_AFTER_CHANGES). */
  saveAfterChanges?: number;
}

/**
 * Pages of the library in the order of their ids: a full build never holds all articles at once,
 * and the database reads the next page while the build tokenizes (pages-by-id.ts).
 */
export function articlePages(db: SimlitDB, pageSize = 1000): AsyncGenerator<Article[]> {
  return pagesById(db.articles, pageSize);
}

/**
 * The saved index brought up to date with the articles table (articles added, changed or
 * deleted since it was saved), or a fresh build when there is no usable snapshot or when more
 * articles are new or changed than the snapshot holds (building at once is then the faster way,
 * and gives compact posting lists). Saves a fresh build, and a caught-up index when many
 * articles changed.
 */
export async function loadOrBuildIndex(
  db: SimlitDB,
  { options = DEFAULT_RANKER, onProgress, save = (index) => saveIndex(db, index), saveAfterChanges = SAVE_AFTER_CHANGES }: LoadOptions = {},
): Promise<SimilarityIndex> {
  const stored = await db.indexSnapshots.get(SNAPSHOT_KEY);
  const changes = stored ? libraryChangesSince(db, stored.savedAt) : undefined;
  changes?.catch(() => undefined); // unused when the snapshot is unusable; awaited, it still throws
  // Dexie sends those reads a few promise turns later: let it, so that the database reads them
  // while the snapshot is parsed, not after.
  if (changes) await nextTask();
  const data = stored && (await snapshotData(stored.data));
  const loaded = stored && data ? SimilarityIndex.fromSnapshot({ version: stored.version, data }, options) : undefined;
  const caughtUp = loaded && changes ? await catchUp(db, loaded, stored!.deletionsAsOf, await changes, saveAfterChanges, save) : undefined;
  return caughtUp ?? buildIndex(db, { options, onProgress, save });
}

/** An index of the whole library, built from its pages with their stored terms (those missing are made and stored), then saved. */
export async function buildIndex(
  db: SimlitDB,
  { options = DEFAULT_RANKER, onProgress, save = (index) => saveIndex(db, index) }: Omit<LoadOptions, 'saveAfterChanges'> = {},
): Promise<SimilarityIndex> {
  const [total, kept] = await db.transaction('r', db.articles, db.counters, () => Promise.all([db.articles.count(), keptArticleCount(db)]));
  if (total !== kept) await recountArticles(db);
  const index = await SimilarityIndex.build(pagesWithTerms(db, articlePages(db), options, total, onProgress), { options, onProgress, total });
  await save(index);
  return index;
}

/**
 * The pages with each article's stored terms; articles without current ones (a new tokenizer, an
 * article written by a path that stored none) are tokenized in small batches, yielding between
 * them and reporting progress, and their terms stored for next time.
 */
async function* pagesWithTerms(
  db: SimlitDB,
  pages: AsyncIterable<Article[]>,
  options: RankerOptions,
  total: number,
  onProgress?: (done: number, total: number) => void,
): AsyncGenerator<Article[]> {
  let done = 0;
  for await (const page of pages) {
    const before = done;
    const onTokenized = onProgress && ((tokenized: number, missing: number) => onProgress(Math.min(before + page.length - missing + tokenized, total - 1), total));
    yield await withStoredTerms(db, page, options.tokenizer, { onTokenized });
    done += page.length;
  }
}

interface LibraryChanges {
  /** Articles written since the snapshot was saved. */
  changedIds: string[];
  /** The library's size and deletion count, kept with its writes (lib/db/article-count). */
  size: number;
  deletions: number;
}

async function libraryChangesSince(db: SimlitDB, savedAt: number): Promise<LibraryChanges> {
  const [changedIds, size, deletions] = await db.transaction('r', db.articles, db.counters, () =>
    Promise.all([db.articles.where('updatedAt').aboveOrEqual(savedAt).primaryKeys(), keptArticleCount(db), keptDeletionCount(db)]),
  );
  return { changedIds, size, deletions };
}

/**
 * Whether the changed articles are all that differs between the library and the snapshot: no
 * article deleted since it was saved, and the library holding its articles and the new ones
 * among the changed, no more (none put back with an older `updatedAt`, as an undone deletion
 * is). Then the library's ids need not be walked: Chromium's IndexedDB reads every row (or index
 * entry) to list them, 0.5-0.9 s of a cold start at 50,000 articles.
 */
function changesAreComplete(loaded: SimilarityIndex, changed: ReadonlySet<string>, changes: LibraryChanges, deletionsAsOf: number | undefined): boolean {
  if (deletionsAsOf === undefined || changes.deletions !== deletionsAsOf) return false;
  let added = 0;
  for (const id of changed) if (!loaded.has(id)) added++;
  return loaded.size + added === changes.size;
}

/** Every article's id; the count kept with the writes is checked against them (it drifts only past Dexie: benchmarks, old tests). */
async function libraryIds(db: SimlitDB, kept: number): Promise<Set<string>> {
  const ids = await db.articles.toCollection().primaryKeys();
  if (ids.length !== kept) await recountArticles(db);
  return new Set(ids);
}

/** The loaded index with the library's changes since its snapshot, or undefined when they outnumber what it holds. */
async function catchUp(
  db: SimlitDB,
  loaded: SimilarityIndex,
  deletionsAsOf: number | undefined,
  changes: LibraryChanges,
  saveAfterChanges: number,
  save: (index: SimilarityIndex) => Promise<unknown> | void,
): Promise<SimilarityIndex | undefined> {
  // Articles new since the snapshot are usually changed since it too: each is read and indexed once.
  const stale = new Set(changes.changedIds);
  let removed: string[] = [];
  const walked = !changesAreComplete(loaded, stale, changes, deletionsAsOf);
  if (walked) {
    const library = await libraryIds(db, changes.size);
    removed = loaded.ids().filter((id) => !library.has(id));
    for (const id of library) if (!loaded.has(id)) stale.add(id);
  }
  if (stale.size > loaded.size - removed.length) return undefined;
  for (const id of removed) loaded.remove(id);
  const articles = (await db.articles.bulkGet([...stale])).filter((article) => article !== undefined);
  loaded.addAll(await withStoredTerms(db, articles, loaded.options.tokenizer));
  // Having walked the ids (an article deleted or put back since the snapshot, or a snapshot saved
  // before deletions were counted), it is saved again, so that later starts need not: else every
  // start of the worker after one deletion walked them until enough changes added up.
  if (walked || removed.length + articles.length >= Math.max(1, saveAfterChanges)) await save(loaded);
  return loaded;
}
