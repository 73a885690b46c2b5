import { substringSearch, type TextSearch } from '@/lib/db/articles-query';
import type { RankedArticle, RankingReply } from '@/lib/messages';

export type SearchQuery = (text: string, limit: number) => Promise<RankingReply>;

const RANKED_LIMIT = 500;

function normalized(scores: Iterable<[string, number]>): Map<string, number> {
  const entries = [...scores];
  const best = Math.max(0, ...entries.map(([, score]) => score));
  return new Map(entries.map(([id, score]) => [id, best > 0 ? score / best : 0]));
}

/**
 * Both searches' scores, each scaled to its best: an article both find comes first, then those
 * only one finds (the ranker adds English prefixes and typos; the substring search every exact hit).
 */
export function combineScores(substring: Map<string, number>, ranked: readonly RankedArticle[]): Map<string, number> {
  const combined = normalized(substring);
  for (const [id, score] of normalized(ranked.map((result) => [result.id, result.score]))) combined.set(id, (combined.get(id) ?? 0) + score);
  return combined;
}

/** The library's search box over the background's index, falling back to substrings alone. */
export function rankedSearch(ask: SearchQuery): TextSearch {
  return async (text, rows) => {
    const substring = await substringSearch(text, rows);
    const reply = await ask(text, RANKED_LIMIT).catch(() => undefined);
    if (!reply?.ok || !('results' in reply)) return substring;
    const present = new Set(rows.map((row) => row.id));
    return combineScores(substring, reply.results.filter((result) => present.has(result.id)));
  };
}
