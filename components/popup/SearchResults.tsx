import { useMemo } from 'preact/hooks';
import type { SimlitDB } from '@/lib/db/schema';
import { useI18n } from '../i18n-context';
import type { PopupApi } from './api';
import { RankedList } from '../ranked/RankedList';
import { useRanking } from '../ranked/use-ranking';

/** Quick search across the library, over the similarity index. */
export function SearchResults({ db, api, text }: { db: SimlitDB; api: PopupApi; text: string }) {
  const { t } = useI18n();
  const ask = useMemo(() => () => api.search(text, 30), [api, text]);
  const state = useRanking(db, ask, `search:${text}`);
  return (
    <section aria-labelledby="search-heading">
      <h2 id="search-heading">{t('popupSearchHeading')}</h2>
      <RankedList state={state} label={t('popupSearchHeading')} empty={t('popupSearchNoResults', text)} limit={30} />
    </section>
  );
}
