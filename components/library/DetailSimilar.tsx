import { useMemo } from 'preact/hooks';
import type { SimlitDB } from '@/lib/db/schema';
import type { RankingReply } from '@/lib/messages';
import { useI18n } from '../i18n-context';
import { useLiveQuery } from '../use-live-query';
import { RankedList } from '../ranked/RankedList';
import { articleTexts } from '../ranked/RankedRow';
import { useLibrarySize } from '../ranked/use-library-state';
import { useRanking } from '../ranked/use-ranking';

/** Asks the background for the library articles most similar to one article. */
export type SimilarQuery = (articleId: string, limit: number) => Promise<RankingReply>;

const SHOWN = 10;

/** "Similar articles" in the article detail; "More like this" opens the neighbour's detail. */
export function DetailSimilar({ db, id, similar, onOpen }: { db: SimlitDB; id: string; similar: SimilarQuery; onOpen(id: string): void }) {
  const { t } = useI18n();
  const ask = useMemo(() => () => similar(id, SHOWN * 2), [similar, id]);
  const state = useRanking(db, ask, id);
  const librarySize = useLibrarySize(db);
  const { value: article } = useLiveQuery(() => db.articles.get(id), [db, id]);
  const queryTexts = useMemo(() => (article ? articleTexts(article) : []), [article]);
  return (
    <section class="detail-section" aria-labelledby="detail-similar">
      <h3 id="detail-similar">{t('libSimilarHeading')}</h3>
      <RankedList
        state={state}
        label={t('libSimilarHeading')}
        limit={SHOWN}
        similarity={{ librarySize, queryTexts }}
        onPivot={(article) => onOpen(article.id)}
      />
    </section>
  );
}
