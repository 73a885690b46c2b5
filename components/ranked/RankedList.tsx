import type { ComponentChildren } from 'preact';
import type { Article } from '@/lib/model/article';
import { useI18n } from '../i18n-context';
import { RankedRow } from './RankedRow';
import { SimilarResults } from './SimilarResults';
import type { RankingState } from './use-ranking';

interface Props {
  state: RankingState;
  label: string;
  keep?: (article: Article) => boolean;
  limit: number;
  onPivot?(article: Article): void;
  /** Search hits: what to say when there are none. */
  empty?: ComponentChildren;
  /** Similar articles: read on the calibrated scale against the library's size. */
  similarity?: { librarySize: number | undefined; queryTexts: readonly string[] };
}

/** A ranked list in its states: waiting, index being built, failed, results. */
export function RankedList({ state, label, keep = () => true, limit, onPivot, empty, similarity }: Props) {
  const { t } = useI18n();
  const waiting = <p class="status" role="status" aria-busy="true">…</p>;
  switch (state.phase) {
    case 'idle':
      return null;
    case 'loading':
      return waiting;
    case 'indexing':
      return <p class="status" role="status">{t('popupIndexing', state.percent)}</p>;
    case 'failed':
      return <p class="error" role="alert">{t('popupRankingFailed', state.error)}</p>;
    case 'ready': {
      const kept = state.results.filter(({ article }) => keep(article));
      if (similarity) {
        // Counting a large library takes a moment (100-300 ms at 50,000 articles in Chromium):
        // until then the size of the index that ranked the answer serves.
        const librarySize = similarity.librarySize ?? state.librarySize;
        if (librarySize === undefined) return waiting;
        return (
          <SimilarResults
            results={kept}
            label={label}
            limit={limit}
            librarySize={librarySize}
            queryTexts={similarity.queryTexts}
            current={state.current}
            kept={state.kept}
            onPivot={onPivot}
          />
        );
      }
      const shown = kept.slice(0, limit);
      if (shown.length === 0) return <p class="empty">{empty}</p>;
      return (
        <ol class="ranked-list" aria-label={label} aria-busy={state.current ? 'false' : 'true'}>
          {shown.map(({ article, ranked }) => (
            <RankedRow key={article.id} article={article} searchTerms={ranked.terms} onPivot={onPivot} />
          ))}
        </ol>
      );
    }
  }
}
