import { useEffect, useState } from 'preact/hooks';
import type { Article } from '@/lib/model/article';
import type { RankedArticle, RankingReply } from '@/lib/messages';
import type { SimlitDB } from '@/lib/db/schema';

export type RankingState =
  | { phase: 'idle' }
  | { phase: 'loading' }
  | { phase: 'indexing'; percent: number }
  /**
   * `current` is false while an earlier answer is shown and the fresh one is awaited; `kept` says
   * the answer shown is the earlier one (kept with the capture), not the background's, whose
   * `librarySize` is the size of the index that ranked the answer (the one shown until the page has
   * counted the library).
   */
  | { phase: 'ready'; results: { article: Article; ranked: RankedArticle }[]; current: boolean; kept: boolean; librarySize?: number }
  | { phase: 'failed'; error: string };

const RETRY_MS = 400;

/**
 * Asks the background for ranked articles and loads them from the library. While the index is
 * being built the background says how far it is, and the question is asked again.
 */
export function useRanking(
  db: SimlitDB,
  ask: (() => Promise<RankingReply>) | undefined,
  key: string,
  /** An earlier answer to show until the fresh one arrives. */
  remembered?: RankedArticle[],
  /** The size of the index that ranked the earlier answer. */
  rememberedSize?: number,
): RankingState {
  const [state, setState] = useState<RankingState>({ phase: 'idle' });
  useEffect(() => {
    if (!ask) {
      setState({ phase: 'idle' });
      return;
    }
    let cancelled = false;
    let showing = false;
    let answered = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState({ phase: 'loading' });
    async function show(ranked: RankedArticle[], current: boolean, librarySize?: number): Promise<void> {
      if (current) answered = true;
      const articles = await db.articles.bulkGet(ranked.map((result) => result.id));
      // The earlier answer never replaces the fresh one, whichever read finishes first.
      if (cancelled || (!current && answered)) return;
      // Articles deleted since the index saw them are left out.
      const results = ranked.flatMap((one, index) => (articles[index] ? [{ article: articles[index], ranked: one }] : []));
      setState({ phase: 'ready', results, current, kept: !current, librarySize });
      showing = true;
    }
    async function run(): Promise<void> {
      const reply = await ask!().catch((error: unknown) => ({ ok: false as const, error: String(error) }));
      if (cancelled) return;
      if (!reply.ok) return setState({ phase: 'failed', error: reply.error });
      if ('indexing' in reply) {
        const { done, total } = reply.indexing;
        if (!showing) setState({ phase: 'indexing', percent: total > 0 ? Math.floor((done / total) * 100) : 0 });
        timer = setTimeout(() => void run(), RETRY_MS);
        return;
      }
      await show(reply.results, true, reply.librarySize);
    }
    if (remembered?.length) void show(remembered, false, rememberedSize);
    void run();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key]);
  return state;
}
