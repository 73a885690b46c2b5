import { useEffect, useState } from 'preact/hooks';
import type { Article } from '@/lib/model/article';
import type { SimlitDB } from '@/lib/db/schema';
import { setSaved } from '@/lib/db/article-edits';
import { latestCapture } from '@/lib/db/latest-capture';
import { addToCollection, CollectionNameError, createCollection } from '@/lib/db/collections';
import type { MessageKey } from '@/lib/i18n';
import { captureErrorText } from '../error-text';
import { ErrorMessage } from '../ErrorMessage';
import { useI18n } from '../i18n-context';
import { useLibraryState } from '../ranked/use-library-state';
import { useLiveQuery } from '../use-live-query';
import type { PopupApi } from './api';
import type { CollectionChoice } from './CollectionPicker';
import { FloodNote } from './FloodNote';
import { NewCollectionForm } from './NewCollectionForm';
import { SearchResults } from './SearchResults';
import { PageView } from './PageView';
import { deferredComponent } from '../deferred-component';

// Loaded after the answer is drawn: seldom shown, and not needed for the answer.
const ProxyOffer = deferredComponent(() => import('./ProxyOffer').then((module) => module.ProxyOffer));

interface Props {
  db: SimlitDB;
  tab: { id: number; url?: string } | undefined;
  api: PopupApi;
}

const NAME_ERRORS: Record<CollectionNameError['reason'], MessageKey> = {
  empty: 'libNameEmpty',
  'too-long': 'libNameTooLong',
  duplicate: 'libNameDuplicate',
};

/** The toolbar popup: the library's articles similar to this page, the page's own, and a quick search. */
export function PopupApp({ db, tab, api }: Props) {
  const { t, tag } = useI18n();
  const [requested, setRequested] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [query, setQuery] = useState('');
  const [naming, setNaming] = useState<(collection: CollectionChoice | undefined) => void>();
  // Counted from the first render on: at 50,000 articles counting takes longer than reading the capture.
  const library = useLibraryState(db);
  const { value: captured } = useLiveQuery(async () => (tab ? ((await latestCapture(db, tab)) ?? null) : null), [db, tab?.id, tab?.url]);
  const { value: collections = [] } = useLiveQuery(
    async () => (await db.collections.toArray()).sort((a, b) => a.name.localeCompare(b.name, tag)),
    [db, tag],
  );

  async function capture() {
    if (!tab) return;
    setRequested(true);
    setFailure(undefined);
    const reply = await api.requestCapture(tab.id).catch((error: unknown) => ({ ok: false, error: String(error) }));
    if (!reply.ok) setFailure(reply.error ?? 'unknown error');
  }

  // Opening the popup on a page not captured yet (a site outside the known list) captures it:
  // the click on the toolbar button is the reader's consent (activeTab).
  useEffect(() => {
    if (captured === null && !requested) void capture();
  }, [captured, requested]);

  const createNamed = () => new Promise<CollectionChoice | undefined>((resolve) => setNaming(() => resolve));

  async function submitName(name: string): Promise<string | undefined> {
    try {
      const collection = await createCollection(db, name);
      naming?.(collection);
      setNaming(undefined);
      return undefined;
    } catch (error) {
      if (error instanceof CollectionNameError) return t(NAME_ERRORS[error.reason]);
      throw error;
    }
  }

  async function save(articles: Article[]) {
    const ids = articles.map((article) => article.id);
    await setSaved(db, ids, true);
    api.libraryChanged(ids);
  }

  async function addTo(articles: Article[], collection: CollectionChoice) {
    const ids = articles.map((article) => article.id);
    // Putting an article in a collection keeps it: it is saved too.
    await setSaved(db, ids, true);
    await addToCollection(db, collection.id, ids);
    api.libraryChanged(ids);
    setNotice(t('popupAddedTo', collection.name));
  }

  const articles = captured?.articles ?? [];
  return (
    <main class="popup">
      <header class="popup-header">
        <input
          type="search"
          class="popup-search"
          aria-label={t('popupSearchLabel')}
          placeholder={t('popupSearchPlaceholder')}
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        <nav class="popup-nav">
          <button type="button" class="link-button" onClick={() => api.openPage('library')}>
            {t('popupOpenLibrary')}
          </button>
          <button type="button" class="link-button" onClick={() => api.openPage('options')}>
            {t('popupOpenOptions')}
          </button>
        </nav>
      </header>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {naming && (
        <NewCollectionForm
          onSubmit={submitName}
          onCancel={() => {
            naming(undefined);
            setNaming(undefined);
          }}
        />
      )}
      {query.trim() ? (
        <SearchResults db={db} api={api} text={query.trim()} />
      ) : !tab ? (
        <p class="empty">{t('popupNoTab')}</p>
      ) : (
        <>
          {failure && <ErrorMessage message={captureErrorText(failure, t)} detail={failure} />}
          {captured && <ProxyOffer db={db} pageUrl={captured.capture.pageUrl} found={articles.length} />}
          <FloodNote capture={captured?.capture} />
          {captured === undefined || (captured === null && !failure) ? (
            <p class="status" role="status">
              {t('popupCapturing')}
            </p>
          ) : articles.length === 0 ? (
            <div class="empty">
              <p>{t('popupNothingFound')}</p>
              <button type="button" onClick={() => void capture()}>
                {t('popupCaptureTab')}
              </button>
            </div>
          ) : (
            <PageView
              db={db}
              api={api}
              capture={captured!.capture}
              articles={articles}
              kept={captured!.kept}
              library={library}
              collections={collections}
              onSave={(chosen) => void save(chosen)}
              onAddToCollection={(chosen, collection) => void addTo(chosen, collection)}
              onCreateCollection={createNamed}
            />
          )}
        </>
      )}
    </main>
  );
}
