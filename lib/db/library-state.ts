/**
 * What a similarity answer depends on in the library, in two numbers a page reads cheaply: the
 * newest article write and the number of articles. Every write path stamps `updatedAt` (the
 * index's catch-up relies on it too, lib/ranking/persist.ts), so an addition or a change moves
 * `newest` and a deletion moves `size`.
 */
import type { SimlitDB } from './schema';
import { keptArticleCount } from './article-count';

export interface LibraryState {
  /** The latest `updatedAt` of any article (0: none). */
  newest: number;
  size: number;
}

/**
 * Both numbers with two key lookups: the size from the count kept with every write
 * (lib/db/article-count). Read side by side, not in one transaction: a popup's explicit
 * transaction waited behind its other first reads (100-150 ms after a cold start). Two reads can
 * straddle a write; only a deletion and an addition both landing between them could pass for the
 * state an answer was ranked in, and the background's own answer replaces a kept one anyway.
 */
export async function readLibraryState(db: SimlitDB): Promise<LibraryState> {
  const [newest, size] = await Promise.all([db.articles.orderBy('updatedAt').lastKey(), keptArticleCount(db)]);
  return { newest: typeof newest === 'number' ? newest : 0, size };
}

export function sameLibraryState(a: LibraryState | undefined, b: LibraryState | undefined): boolean {
  return a !== undefined && b !== undefined && a.newest === b.newest && a.size === b.size;
}

/**
 * Kept answers were ranked by the extension's previous version: after an update they are no
 * longer known to be what the background answers now, only shown until it does.
 */
export async function forgetKeptAnswerStates(db: SimlitDB): Promise<void> {
  await db.captures.toCollection().modify((capture) => {
    delete capture.similarAsOf;
  });
}
