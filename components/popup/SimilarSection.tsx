import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { Article } from '@/lib/model/article';
import { issuedYear } from '@/lib/model/article';
import type { SimlitDB } from '@/lib/db/schema';
import { POPUP_SIMILAR_COUNT } from '@/lib/messages';
import { useI18n } from '../i18n-context';
import type { PopupApi } from './api';
import { articleHeadline } from '../article-text';
import { RankedList } from '../ranked/RankedList';
import { articleTexts } from '../ranked/RankedRow';
import { sameLibraryState, type LibraryState } from '@/lib/db/library-state';
import { useRanking, type RankedResult } from '../ranked/use-ranking';
import { sharedWordsFound } from '../ranked/use-shared-words';

export interface SimilarFilters {
  savedOnly: boolean;
  language: '' | 'zh' | 'en';
  yearFrom?: number;
}

export function passesFilters(article: Article, filters: SimilarFilters): boolean {
  if (filters.savedOnly && article.savedAt === undefined) return false;
  if (filters.language && article.language !== filters.language) return false;
  if (filters.yearFrom !== undefined) {
    const year = issuedYear(article);
    if (year === undefined || year < filters.yearFrom) return false;
  }
  return true;
}

const SHOWN = 20;
/** A heading names the article it is about in a few words; the row below it has the rest. */
const HEADING_CHARS = 40;

interface Props {
  db: SimlitDB;
  api: PopupApi;
  /** The page's articles: ranked against together. */
  pageArticles: Article[];
  /** The heading when ranking against the page's articles. */
  heading: string;
  /** A tab already says the heading: it is for screen readers only, until "More like this". */
  tabbed?: boolean;
  /** The answer ranked when the page was captured, with its articles: shown until the background answers. */
  remembered?: RankedResult[];
  /** The library state it was ranked in: while the library is in it still, it is the current answer. */
  rememberedAsOf?: LibraryState;
  /** The library's newest write and size, once read (useLibraryState). */
  library: LibraryState | undefined;
}

/**
 * What the first question about a kept answer waits for: the library's state (two key lookups,
 * begun as the popup opened), and then, when the kept answer proves current, the rows' shared
 * words. Nothing on screen waits for that answer, and the question wakes the background, whose
 * index loads in the popup's own process: the words came 50 ms sooner at 10k
 * (docs/benchmark-log.md, 3 December).
 */
function useKeptQuestionGate(library: LibraryState | undefined, keptIsCurrent: boolean): () => Promise<void> {
  const [read] = useState(() => {
    let open = () => {};
    const promise = new Promise<void>((resolve) => (open = resolve));
    return { promise, open };
  });
  const current = useRef(keptIsCurrent);
  current.current = keptIsCurrent;
  if (library) read.open();
  return useCallback(async () => {
    await read.promise;
    if (current.current) await sharedWordsFound();
  }, [read]);
}

/** "Similar in your library": for the page's articles, or for one picked with "More like this". */
export function SimilarSection({ db, api, pageArticles, heading, tabbed = false, remembered, rememberedAsOf, library }: Props) {
  const { t } = useI18n();
  const [pivot, setPivot] = useState<Article>();
  const [filters, setFilters] = useState<SimilarFilters>({ savedOnly: false, language: '' });
  const queryArticles = pivot ? [pivot] : pageArticles;
  const key = queryArticles.map((article) => article.id).join('|');
  const ask = useMemo(() => (key ? () => api.similar(key.split('|'), POPUP_SIMILAR_COUNT) : undefined), [api, key]);
  // The kept answer is the current one when nothing in the library changed since it was ranked:
  // no need to wait for the background (perhaps just woken, loading its index) to say so again.
  const keptIsCurrent = !pivot && sameLibraryState(rememberedAsOf, library);
  const keptQuestionWaits = useKeptQuestionGate(library, keptIsCurrent);
  const ranking = useRanking(db, ask, key, pivot ? undefined : remembered, rememberedAsOf?.size, pivot ? undefined : keptQuestionWaits);
  const librarySize = library?.size;
  const state = ranking.phase === 'ready' && !ranking.current && keptIsCurrent ? { ...ranking, current: true } : ranking;
  const queryTexts = useMemo(() => queryArticles.flatMap(articleTexts), [key, pageArticles]);
  if (queryArticles.length === 0) return null;
  const pivotName = pivot && articleHeadline(pivot, t('untitled'));
  const title = pivotName ? t('popupSimilarTo', pivotName.length > HEADING_CHARS ? `${pivotName.slice(0, HEADING_CHARS)}…` : pivotName) : heading;
  return (
    <section class="similar" aria-labelledby="similar-heading">
      <div class="section-head">
        <h2 id="similar-heading" class={tabbed && !pivot ? 'visually-hidden' : 'one-line'} title={pivotName}>
          {title}
        </h2>
        {pivot && (
          <button type="button" class="link-button" onClick={() => setPivot(undefined)}>
            ← {t('popupBackToPage')}
          </button>
        )}
      </div>
      <fieldset class="filters">
        <legend class="visually-hidden">{t('popupFilters')}</legend>
        <label>
          <input type="checkbox" checked={filters.savedOnly} onChange={(e) => setFilters({ ...filters, savedOnly: e.currentTarget.checked })} />
          {t('popupSavedOnly')}
        </label>
        <select aria-label={t('libFilterLanguage')} value={filters.language} onChange={(e) => setFilters({ ...filters, language: e.currentTarget.value as SimilarFilters['language'] })}>
          <option value="">{t('popupAnyLanguage')}</option>
          <option value="zh">{t('languageChinese')}</option>
          <option value="en">{t('languageEnglish')}</option>
        </select>
        <input
          type="number"
          inputMode="numeric"
          min={1600}
          max={2200}
          class="year-from"
          aria-label={t('popupYearFrom')}
          placeholder={t('popupYearFrom')}
          value={filters.yearFrom ?? ''}
          onInput={(e) => {
            const year = Number.parseInt(e.currentTarget.value, 10);
            setFilters({ ...filters, yearFrom: Number.isFinite(year) && year >= 1600 ? year : undefined });
          }}
        />
      </fieldset>
      <RankedList
        state={state}
        label={title}
        keep={(article) => passesFilters(article, filters)}
        limit={SHOWN}
        similarity={{ librarySize, queryTexts }}
        onPivot={setPivot}
      />
    </section>
  );
}
