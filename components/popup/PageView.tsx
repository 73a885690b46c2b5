import { useState } from 'preact/hooks';
import type { Article } from '@/lib/model/article';
import type { LibraryState } from '@/lib/db/library-state';
import type { Capture, SimlitDB } from '@/lib/db/schema';
import type { KeptResult } from '@/lib/db/latest-capture';
import { pageStatus } from '@/lib/capture/page-status';
import { useI18n } from '../i18n-context';
import type { PopupApi } from './api';
import type { CollectionChoice } from './CollectionPicker';
import { PageArticleRow } from './PageArticleRow';
import { SimilarSection } from './SimilarSection';
import { ThisPageSection } from './ThisPageSection';

interface Props {
  db: SimlitDB;
  api: PopupApi;
  capture: Capture;
  articles: Article[];
  /** The similar articles kept with the capture, read with it. */
  kept: KeptResult[];
  /** The library's newest write and size, once read. */
  library: LibraryState | undefined;
  collections: CollectionChoice[];
  onSave(articles: Article[]): void;
  onAddToCollection(articles: Article[], collection: CollectionChoice): void;
  onCreateCollection(): Promise<CollectionChoice | undefined>;
}

/**
 * What the popup says about the page: the articles similar to it first, which is what the reader
 * opened it for. An article page shows itself as one compact row above them; a list page puts
 * its own articles on a second tab.
 */
export function PageView(props: Props) {
  return props.articles.length === 1 ? <ArticlePage {...props} /> : <ListPage {...props} />;
}

function ArticlePage({ db, api, capture, articles, kept, library, collections, onSave, onAddToCollection, onCreateCollection }: Props) {
  const { t } = useI18n();
  const [article] = articles;
  const status = pageStatus(capture.items, articles);
  return (
    <>
      <ul class="article-list this-article" aria-label={t('popupThisArticle')}>
        <PageArticleRow
          article={article}
          status={status.statusOf(article.id)}
          collections={collections}
          lines={1}
          onSave={(one) => onSave([one])}
          onAddToCollection={(one, collection) => onAddToCollection([one], collection)}
          onCreateCollection={onCreateCollection}
        />
      </ul>
      <SimilarSection db={db} api={api} pageArticles={articles} heading={t('popupSimilarHeading')} remembered={kept} rememberedAsOf={capture.similarAsOf} library={library} />
    </>
  );
}

type Tab = 'similar' | 'page';
const TABS: Tab[] = ['similar', 'page'];

function ListPage({ db, api, capture, articles, kept, library, ...actions }: Props) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('similar');
  const status = pageStatus(capture.items, articles);
  const labels: Record<Tab, string> = {
    similar: t('popupTabSimilar'),
    page: status.fresh > 0 ? t('popupTabThisPageNew', status.total, status.fresh) : t('popupTabThisPage', status.total),
  };
  // Arrow keys move between tabs, as in any tab list.
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next = TABS[(TABS.indexOf(tab) + 1) % TABS.length];
    setTab(next);
    document.getElementById(`popup-tab-${next}`)?.focus();
  }
  return (
    <>
      <div class="tabs" role="tablist" onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`popup-tab-${name}`}
            class="tab"
            aria-selected={tab === name}
            aria-controls={`popup-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
          >
            {labels[name]}
          </button>
        ))}
      </div>
      {/* Both panels stay mounted: switching back does not ask for the similar articles again. */}
      <div role="tabpanel" id="popup-panel-similar" aria-labelledby="popup-tab-similar" hidden={tab !== 'similar'}>
        <SimilarSection db={db} api={api} pageArticles={articles} heading={t('popupTabSimilar')} tabbed remembered={kept} rememberedAsOf={capture.similarAsOf} library={library} />
      </div>
      <div role="tabpanel" id="popup-panel-page" aria-labelledby="popup-tab-page" hidden={tab !== 'page'}>
        <ThisPageSection status={status} articles={articles} {...actions} />
      </div>
    </>
  );
}
