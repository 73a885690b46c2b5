import { useEffect, useRef, useState } from 'preact/hooks';
import type { RankedArticle, RankingReply } from '@/lib/messages';
import type { SimlitDB } from '@/lib/db/schema';
import { withArticles, type WithArticle } from '@/lib/db/ranked-articles';

/** A ranked article with its record from the library. */
export type RankedResult = WithArticle<RankedArticle>;

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
  | { phase: 'ready'; results: RankedResult[]; current: boolean; kept: boolean; librarySize?: number }
  | { phase: 'failed'; error: string };

const RETRY_MS = 400;

/** What shows until the background answers: the earlier answer when there is one, else that it is being asked. */
function startState(asking: boolean, remembered: RankedResult[] | undefined, rememberedSize: number | undefined): RankingState {
  if (!asking) return { phase: 'idle' };
  return remembered?.length ? { phase: 'ready', results: remembered, current: false, kept: true, librarySize: rememberedSize } : { phase: 'loading' };
}

/**
 * Asks the background for ranked articles and loads them from the library. While the index is
 * being built the background says how far it is, and the question is asked again.
 */
export function useRanking(
  db: SimlitDB,
  ask: (() => Promise<RankingReply>) | undefined,
  key: string,
  /** An earlier answer with its articles, already read: shown from the first render until the fresh one arrives. */
  remembered?: RankedResult[],
  /** The size of the index that ranked the earlier answer. */
  rememberedSize?: number,
  /** What the first question waits for while the earlier answer is shown (SimilarSection: until it is known whether that answer is current). */
  askAfter?: () => Promise<void>,
): RankingState {
  const [state, setState] = useState<RankingState>(() => startState(ask !== undefined, remembered, rememberedSize));
  // The first question's start state is on screen from the first render: set again only for a
  // new question (setting it again drew every row of a popup's first answer twice).
  const firstQuestion = useRef(true);
  useEffect(() => {
    const start = startState(ask !== undefined, remembered, rememberedSize);
    if (firstQuestion.current) firstQuestion.current = false;
    else setState(start);
    if (!ask) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let showing = start.phase === 'ready';
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
      const results = await withArticles(db, reply.results);
      if (cancelled) return;
      setState({ phase: 'ready', results, current: true, kept: false, librarySize: reply.librarySize });
      showing = true;
    }
    if (askAfter && start.phase === 'ready') {
      void askAfter().then(() => {
        if (!cancelled) void run();
      });
    } else void run();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key]);
  return state;
}
