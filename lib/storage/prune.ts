/**
 * Bounded storage: captured-but-unsaved articles are kept up to the reader's cap (a number of
 * articles and megabytes, settings.storageCap); beyond it, those no page has shown for longest
 * go first. What the reader touched (saved, collected, tagged, noted, edited) is never pruned.
 * Each pruning is logged for the options page.
 */
import { deleteChecked } from '../db/deletion-chunks';
import { dropCaptureEntries, isUntouched } from '../db/clear-library';
import { addFacetDeltas, UNTOUCHED_BYTES_KEY, UNTOUCHED_COUNT_KEY, UNTOUCHED_SIZED_KEY } from '../db/facet-counts';
import { articleBytes, isUntouchedRow, type ListingRow } from '../db/listing';
import { pagesById, WHOLE_TABLE_PAGE } from '../db/pages-by-id';
import type { SimlitDB } from '../db/schema';
import type { StorageCap } from '../db/settings';
import type { Article } from '../model/article';
import { normalizeHost } from '../text/urls';

/** The settings row that holds the pruning log (not a setting: it is neither backed up nor restored). */
export const PRUNE_LOG_KEY = 'storagePrunes';
/** Prunings remembered. */
export const PRUNE_LOG_LENGTH = 20;
/** Pruning goes down to this share of the cap, so that a library at its cap is not pruned on every capture. */
const PRUNE_TARGET = 0.95;
/** Sites named per pruning, the ones that lost most first. */
const SITES_LOGGED = 5;

export interface PruneRecord {
  at: number;
  articles: number;
  /** Estimated bytes freed. */
  bytes: number;
  /** The sites the pruned articles were first seen on, with how many each. */
  sites: { host: string; articles: number }[];
}

export interface UnsavedTally {
  articles: number;
  bytes: number;
}

export const capBytes = (cap: StorageCap) => cap.megabytes * 1024 * 1024;

interface Candidate {
  id: string;
  seenAt: number;
  bytes: number;
  host: string;
}

/**
 * Captured-but-unsaved articles, least recently seen first, with their sizes. Read by pages, each
 * in a transaction of its own: in one transaction the walk of 50,000 articles took 5.7 s in
 * Chromium, and a capture's write waited for all of it (then every page's read behind that write).
 * What changes between the pages is checked again before anything is removed (pruneUnsaved).
 */
async function unsavedArticles(db: SimlitDB): Promise<Candidate[]> {
  const candidates: Candidate[] = [];
  for await (const page of pagesById(db.articles, WHOLE_TABLE_PAGE)) {
    for (const article of page) {
      if (!isUntouched(article)) continue;
      candidates.push({ id: article.id, seenAt: article.seenAt ?? 0, bytes: articleBytes(article), host: normalizeHost(article.sightings[0]?.pageUrl ?? '') ?? '' });
    }
  }
  // Stable: among articles seen at the same time, in id order, as the seenAt index gave them.
  return candidates.sort((a, b) => a.seenAt - b.seenAt);
}

function sum(candidates: Candidate[]): UnsavedTally {
  return { articles: candidates.length, bytes: candidates.reduce((total, c) => total + c.bytes, 0) };
}

/** The oldest-seen candidates to remove so that what is left is within `target`. */
function victimsFor(candidates: Candidate[], target: UnsavedTally): Candidate[] {
  let { articles, bytes } = sum(candidates);
  const victims: Candidate[] = [];
  for (const candidate of candidates) {
    if (articles <= target.articles && bytes <= target.bytes) break;
    victims.push(candidate);
    articles -= 1;
    bytes -= candidate.bytes;
  }
  return victims;
}

function siteCounts(victims: Candidate[]): PruneRecord['sites'] {
  const counts = new Map<string, number>();
  for (const { host } of victims) counts.set(host, (counts.get(host) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, SITES_LOGGED)
    .map(([host, articles]) => ({ host, articles }));
}

export interface PruneOutcome {
  /** What is kept unsaved afterwards. */
  tally: UnsavedTally;
  /** Set when articles were removed. */
  record?: PruneRecord;
  removedIds: string[];
}

/**
 * The tally from the counters the writes keep (lib/db/facet-counts): two key lookups. Undefined
 * while some untouched article's listing row has no size (written before sizes were kept).
 */
async function keptTally(db: SimlitDB): Promise<UnsavedTally | undefined> {
  const [articles, sized, bytes] = (await db.counters.bulkGet([UNTOUCHED_COUNT_KEY, UNTOUCHED_SIZED_KEY, UNTOUCHED_BYTES_KEY])).map((row) => row?.value ?? 0);
  return sized === articles ? { articles, bytes } : undefined;
}

/**
 * Rows given their size per transaction: each holds the database for every other reader while it
 * writes (at 200 rows a read waited up to 0.27 s; Chromium, 50,000 rows).
 */
const SIZING_CHUNK = 100;

/**
 * Gives the listing rows that have no size yet their article's size as just measured, and adds
 * them to the counters, so that the next measure is keptTally's. A row still without a size was
 * not written since its article was read (every write of an article writes its row, sized), so
 * the size measured is the article's.
 */
async function sizeUnsizedRows(db: SimlitDB, candidates: Candidate[]): Promise<void> {
  for (let start = 0; start < candidates.length; start += SIZING_CHUNK) {
    const chunk = candidates.slice(start, start + SIZING_CHUNK);
    await db.transaction('rw', db.listing, db.counters, async () => {
      const rows = await db.listing.bulkGet(chunk.map((candidate) => candidate.id));
      const sized: ListingRow[] = [];
      chunk.forEach((candidate, i) => {
        const row = rows[i];
        if (row && row.bytes === undefined && isUntouchedRow(row)) sized.push({ ...row, bytes: candidate.bytes });
      });
      if (!sized.length) return;
      // The counters move as a write of these rows would move them (only the sized ones do).
      const deltas = new Map<string, number>();
      sized.forEach((row) => {
        addFacetDeltas(deltas, { ...row, bytes: undefined }, -1);
        addFacetDeltas(deltas, row, 1);
      });
      const keys = [...deltas.keys()].filter((key) => deltas.get(key) !== 0);
      const current = await db.counters.bulkGet(keys);
      await db.listing.bulkPut(sized);
      await db.counters.bulkPut(keys.map((key, i) => ({ key, value: (current[i]?.value ?? 0) + deltas.get(key)! })));
    });
  }
}

/** The sizing under way per database: a second walk while it runs leaves the rows to it. */
const sizing = new WeakMap<SimlitDB, Promise<void>>();

/**
 * The unsaved articles from a walk of the library; the rows that lack a size are sized after the
 * answer is given, not before: rewriting 50,000 listing rows took some 50 s in Chromium, once per
 * library written before sizes were kept. What is left unsized (a page closed meanwhile, a full
 * disk) is sized by the next walk.
 */
async function measuredArticles(db: SimlitDB): Promise<Candidate[]> {
  const candidates = await unsavedArticles(db);
  if (!sizing.has(db)) {
    const done = sizeUnsizedRows(db, candidates)
      .catch(() => undefined)
      .finally(() => sizing.delete(db));
    sizing.set(db, done);
  }
  return candidates;
}

/** Resolves once the sizing that a walk of `db` started, if any, is done. */
export function sizingDone(db: SimlitDB): Promise<void> {
  return sizing.get(db) ?? Promise.resolve();
}

const withinCap = (tally: UnsavedTally, cap: StorageCap) => tally.articles <= cap.articles && tally.bytes <= capBytes(cap);

/** How many captured-but-unsaved articles there are and about how much room they take. */
export async function unsavedTally(db: SimlitDB): Promise<UnsavedTally> {
  return (await keptTally(db)) ?? sum(await measuredArticles(db));
}

/**
 * Measures the captured-but-unsaved articles and, when they exceed the cap, removes the least
 * recently seen until they are within PRUNE_TARGET of it. An article touched or seen again
 * between measuring and removing stays. Only a library over its cap (or one with rows not sized
 * yet) is read article by article.
 */
export async function pruneUnsaved(db: SimlitDB, cap: StorageCap, now = Date.now()): Promise<PruneOutcome> {
  const kept = await keptTally(db);
  if (kept && withinCap(kept, cap)) return { tally: kept, removedIds: [] };
  const candidates = kept ? await unsavedArticles(db) : await measuredArticles(db);
  const tally = sum(candidates);
  if (withinCap(tally, cap)) return { tally, removedIds: [] };
  const planned = victimsFor(candidates, { articles: Math.floor(cap.articles * PRUNE_TARGET), bytes: capBytes(cap) * PRUNE_TARGET });
  // In chunks, each its own transaction, the capture records page by page after them: the database
  // is not shut for the whole pruning (10 s at 50,000 articles and 5,000 captures in one).
  const seenAt = new Map(planned.map((victim) => [victim.id, victim.seenAt]));
  const stillGoes = (article: Article) => isUntouched(article) && (article.seenAt ?? 0) === seenAt.get(article.id);
  const deleted: string[] = [];
  try {
    await deleteChecked(db, [...seenAt.keys()], stillGoes, (articles) => deleted.push(...articles.map((article) => article.id)));
  } catch (error) {
    // What earlier chunks removed is still dropped from the captures, logged and reported; the
    // rest waits for the next measure.
    if (!deleted.length) throw error;
  }
  if (!deleted.length) return { tally, removedIds: [] };
  const ids = new Set(deleted);
  const victims = planned.filter((victim) => ids.has(victim.id));
  await dropCaptureEntries(db, ids, victims.reduce((latest, victim) => Math.max(latest, victim.seenAt), 0));
  const freed = sum(victims);
  const record: PruneRecord = { at: now, articles: freed.articles, bytes: freed.bytes, sites: siteCounts(victims) };
  await db.transaction('rw', db.settings, async () => {
    const log = await readPruneLog(db);
    await db.settings.put({ key: PRUNE_LOG_KEY, value: [...log, record].slice(-PRUNE_LOG_LENGTH) });
  });
  return { tally: { articles: tally.articles - freed.articles, bytes: tally.bytes - freed.bytes }, record, removedIds: [...ids] };
}

function isPruneRecord(value: unknown): value is PruneRecord {
  const record = value as PruneRecord;
  return typeof record === 'object' && record !== null && Number.isFinite(record.at) && Number.isFinite(record.articles) && Number.isFinite(record.bytes) && Array.isArray(record.sites);
}

/** The prunings remembered, oldest first. */
export async function readPruneLog(db: SimlitDB): Promise<PruneRecord[]> {
  const value = (await db.settings.get(PRUNE_LOG_KEY))?.value;
  return Array.isArray(value) ? value.filter(isPruneRecord) : [];
}
