import { useState } from 'preact/hooks';
import type { Article } from '@/lib/model/article';
import type { RankedArticle } from '@/lib/messages';
import { barShare, CLOSE_NEEDS_ARTICLES, similarityLevel } from '@/lib/ranking/calibration';
import { useI18n } from '../i18n-context';
import { RankedRow, type RowMatch } from './RankedRow';

/** Weak matches shown on demand: the nearest few, not a long tail of unrelated articles. */
const WEAK_SHOWN = 5;

interface Props {
  results: { article: Article; ranked: RankedArticle }[];
  label: string;
  limit: number;
  librarySize: number;
  queryTexts: readonly string[];
  /** False while an earlier answer is shown and the fresh one is awaited. */
  current: boolean;
  /** The answer kept with the capture, not (yet) the background's. */
  kept?: boolean;
  onPivot?(article: Article): void;
}

/**
 * Similar articles on the calibrated scale (lib/ranking/calibration.ts): those that clear the
 * threshold, or a plain "nothing close yet" with the library's size; the nearest weak matches
 * only on request, and marked as weak.
 */
export function SimilarResults({ results, label, limit, librarySize, queryTexts, current, kept = false, onPivot }: Props) {
  const { t } = useI18n();
  const [showWeak, setShowWeak] = useState(false);
  const rows = results.map(({ article, ranked }) => {
    const match: RowMatch = {
      score: ranked.score,
      level: similarityLevel(ranked.score, librarySize),
      bar: barShare(ranked.score, librarySize),
      terms: ranked.terms,
      queryTexts,
    };
    return { article, match };
  });
  const similar = rows.filter(({ match }) => match.level !== 'weak').slice(0, limit);
  const weak = rows.filter(({ match }) => match.level === 'weak').slice(0, WEAK_SHOWN);
  const list = (shown: typeof rows, name: string, className: string) => (
    <ol class={`ranked-list ${className}`} aria-label={name} aria-busy={current ? 'false' : 'true'}>
      {shown.map(({ article, match }) => (
        <RankedRow key={article.id} article={article} match={match} onPivot={onPivot} />
      ))}
    </ol>
  );
  return (
    <div class="similar-results" aria-busy={current ? 'false' : 'true'} data-answer={kept ? 'kept' : 'background'}>
      {similar.length > 0 ? (
        list(similar, label, '')
      ) : (
        <div class="nothing-close">
          <p>{t('similarNothingClose', librarySize)}</p>
          <p class="note">{t('similarHowItGrows')}</p>
        </div>
      )}
      {similar.length > 0 && librarySize < CLOSE_NEEDS_ARTICLES && <p class="note">{t('similarSmallLibrary', librarySize, CLOSE_NEEDS_ARTICLES)}</p>}
      {weak.length > 0 && !showWeak && (
        <button type="button" class="link-button show-weak" onClick={() => setShowWeak(true)}>
          {similar.length > 0 ? t('similarShowWeaker', weak.length) : t('similarShowNearest')}
        </button>
      )}
      {weak.length > 0 && showWeak && (
        <div class="weak-matches">
          <h3>{t('similarNearestHeading')}</h3>
          {list(weak, t('similarNearestHeading'), 'weak')}
          <button type="button" class="link-button" onClick={() => setShowWeak(false)}>
            {t('similarHideWeaker')}
          </button>
        </div>
      )}
    </div>
  );
}
