// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { useRanking, type RankedResult } from '@/components/ranked/use-ranking';
import type { RankingReply } from '@/lib/messages';
import type { SimlitDB } from '@/lib/db/schema';
import { makeArticle } from '../../lib/db/library-fixtures';
import { testDb } from '../../lib/db/test-db';

afterEach(cleanup);

const KEPT: RankedResult[] = [{ article: makeArticle('kept'), ranked: { id: 'kept', score: 0.4, terms: ['t'] } }];

/** Says the hook's state in one line: phase, which answer, its ids. */
function Probe({ db, ask, remembered, question = 'page', drawn }: { db: SimlitDB; ask: () => Promise<RankingReply>; remembered?: RankedResult[]; question?: string; drawn?: string[] }) {
  const state = useRanking(db, ask, question, remembered, 9);
  const text =
    state.phase === 'ready' ? `ready ${state.kept ? 'kept' : 'fresh'} ${state.current ? 'current' : 'awaited'} ${state.results.map((r) => r.article.id).join(',')}` : state.phase;
  drawn?.push(text);
  return <p data-testid="state">{text}</p>;
}

const shown = () => screen.getByTestId('state').textContent;

function pending(): { ask: () => Promise<RankingReply>; answer: (reply: RankingReply) => void } {
  let answer!: (reply: RankingReply) => void;
  const promise = new Promise<RankingReply>((resolve) => (answer = resolve));
  return { ask: () => promise, answer: (reply) => answer(reply) };
}

describe('useRanking', () => {
  it('shows the kept answer from the first render, before any question is asked', () => {
    const db = testDb();
    const { ask } = pending();
    render(<Probe db={db} ask={ask} remembered={KEPT} />);
    expect(shown()).toBe('ready kept awaited kept');
  });

  it('draws the kept answer once while the background is asked, and starts again for a new question', async () => {
    const db = testDb();
    const { ask } = pending();
    const drawn: string[] = [];
    const { rerender } = render(<Probe db={db} ask={ask} remembered={KEPT} drawn={drawn} />);
    await act(() => undefined);
    expect(drawn).toEqual(['ready kept awaited kept']);
    // "More like this": another question, with no earlier answer to show meanwhile.
    await act(() => rerender(<Probe db={db} ask={pending().ask} question="pivot" drawn={drawn} />));
    expect(shown()).toBe('loading');
  });

  it('replaces the kept answer with the fresh one, which a new kept answer never replaces', async () => {
    const db = testDb();
    await db.articles.add(makeArticle('fresh'));
    const { ask, answer } = pending();
    const { rerender } = render(<Probe db={db} ask={ask} remembered={KEPT} />);
    answer({ ok: true, results: [{ id: 'fresh', score: 0.5, terms: ['t'] }], librarySize: 9 });
    await waitFor(() => expect(shown()).toBe('ready fresh current fresh'));
    // The capture read again (an article of the page was edited) gives the kept answer anew.
    await act(() => rerender(<Probe db={db} ask={ask} remembered={[...KEPT]} />));
    expect(shown()).toBe('ready fresh current fresh');
  });

  it('leaves out articles deleted since they were ranked, and says when the index is being built', async () => {
    const db = testDb();
    await db.articles.add(makeArticle('here'));
    let replies: RankingReply[] = [
      { ok: true, indexing: { done: 1, total: 4 } },
      { ok: true, results: [{ id: 'gone', score: 0.6, terms: [] }, { id: 'here', score: 0.5, terms: [] }] },
    ];
    const ask = async () => {
      const [reply, ...rest] = replies;
      replies = rest.length ? rest : replies;
      return reply;
    };
    render(<Probe db={db} ask={ask} />);
    await waitFor(() => expect(shown()).toBe('indexing'));
    await waitFor(() => expect(shown()).toBe('ready fresh current here'));
  });
});
