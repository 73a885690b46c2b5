import type { ComponentChildren } from 'preact';
import type { Article } from '@/lib/model/article';
import { useI18n } from '../i18n-context';
import { RankedRow } from './RankedRow';
import type { RankingState } from './use-ranking';

/** A neighbour scoring under a fifth of the best one shares only common words with the query. */
export const SIMILAR_FLOOR_SHARE = 0.2;

interface Props {
  state: RankingState;
  label: string;
  empty: ComponentChildren;
  keep?: (article: Article) => boolean;
  limit: number;
  /** Results scoring under this share of the best are left out: they share only common words. */
  floorShareOfBest?: number;
  onPivot?(article: Article): void;
}

/** A ranked list in its states: waiting, index being built, failed, empty, results. */
export function RankedList({ state, label, empty, keep = () => true, limit, floorShareOfBest = 0, onPivot }: Props) {
  const { t } = useI18n();
  switch (state.phase) {
    case 'idle':
      return null;
    case 'loading':
      return <p class="status" role="status" aria-busy="true">…</p>;
    case 'indexing':
      return <p class="status" role="status">{t('popupIndexing', state.percent)}</p>;
    case 'failed':
      return <p class="error" role="alert">{t('popupRankingFailed', state.error)}</p>;
    case 'ready': {
      const kept = state.results.filter(({ article }) => keep(article));
      const topScore = kept[0]?.ranked.score ?? 0;
      const shown = kept.filter(({ ranked }) => ranked.score >= topScore * floorShareOfBest).slice(0, limit);
      if (shown.length === 0) return <p class="empty">{empty}</p>;
      return (
        <ol class="ranked-list" aria-label={label} aria-busy={state.current ? 'false' : 'true'}>
          {shown.map(({ article, ranked }) => (
            <RankedRow key={article.id} article={article} score={ranked.score} topScore={topScore} terms={ranked.terms} onPivot={onPivot} />
          ))}
        </ol>
      );
    }
  }
}
