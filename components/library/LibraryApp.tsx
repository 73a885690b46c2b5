import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SimlitDB } from '@/lib/db/schema';
import { EMPTY_QUERY, libraryFacets, filterRows, sortRows, type ArticleSummary, type LibraryFacets, type LibraryQuery, type SortKey } from '@/lib/db/articles-query';
import { isIndexedSort, readViewCounts, readWindow } from '@/lib/db/listing-query';
import { keptFacets, recountFacets, sameFacets } from '@/lib/db/facet-counts';
import { LibrarySearch, type LibrarySearcher } from '@/lib/search/library-search';
import { isSearching } from '@/lib/search/query';
import { listCollections } from '@/lib/db/collections';
import { deleteArticles, newDeletedBatch, restoreArticles, type DeletedBatch } from '@/lib/db/article-deletion';
import { storageErrorMessage } from '@/lib/db/errors';
import { formatNumber } from '@/lib/format';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../i18n-context';
import { LanguageSwitch } from '../LanguageSwitch';
import { useLiveQuery } from '../use-live-query';
import { ArticleDetail } from './ArticleDetail';
import type { SimilarQuery } from './DetailSimilar';
import { ArticleList } from './ArticleList';
import { BulkActions } from './BulkActions';
import { CollectionsPanel } from './CollectionsPanel';
import { ExportPanel, type ExportSources } from './ExportPanel';
import { inPageFormatter, type Formatter } from './formatter';
import { ImportPanel } from './ImportPanel';
import { LibraryFilters } from './LibraryFilters';
import { UndoBar, type UndoMessage } from './UndoBar';
import { useLibrarySearch, type SearchState } from './use-library-search';
import { useWholeList } from './use-whole-list';
import { useWarnBeforeLeaving } from '../use-warn-before-leaving';

const SORTS: [SortKey, MessageKey][] = [
  ['captured', 'libSortCaptured'],
  ['year', 'libSortYear'],
  ['title', 'libSortTitle'],
  ['relevance', 'libSortRelevance'],
];

interface Props {
  db: SimlitDB;
  /** The full-text search; the page passes one that runs in a worker, tests get one in the page. */
  search?: LibrarySearcher;
  /** Similar articles for the detail pane (the background's index). */
  similar?: SimilarQuery;
  optionsHref?: string;
  /** Exports and citations; the page passes one that runs in a worker. */
  formatter?: Formatter;
  /** Tells the ranking index about articles added, changed or deleted here (import, deletion, undo). */
  onLibraryChanged?: (articleIds: string[]) => void;
  /** False keeps the page on what the listing's indexes give (tests of the first paint); the page reads the whole list after it. */
  readWholeList?: boolean;
}

type PanelName = 'export' | 'import';

/** Rows read through the listing's indexes for the first paint, before the whole list is there. */
export const HEAD_ROWS = 100;

/** True when the view is one collection, whole: an export of it is named after the collection. */
function showsWholeCollection(query: LibraryQuery): boolean {
  const { collection, state, ...others } = query.filters;
  return collection !== undefined && state === 'all' && !isSearching(query.text) && Object.values(others).every((v) => v === undefined);
}

const noChange = () => undefined;

/**
 * Once the whole list is read, checks the filters' counters against it and counts them again
 * when they differ (a writer that went past Dexie, or a bug), once a page: a wrong count does not last.
 */
function useFacetCheck(db: SimlitDB, wholeListFacets: LibraryFacets | undefined, locale: string) {
  const checked = useRef(false);
  useEffect(() => {
    if (!wholeListFacets || checked.current) return;
    checked.current = true;
    void keptFacets(db, locale).then((kept) => (sameFacets(kept, wholeListFacets) ? undefined : recountFacets(db))).catch(() => undefined);
  }, [db, wholeListFacets, locale]);
}

/** How many articles the search found, or how far building its index has come. */
function SearchStatus({ state, text, shown }: { state: SearchState; text: string; shown: number }) {
  const { t, tag } = useI18n();
  const n = (count: number) => formatNumber(count, tag);
  let status = '';
  if (state.failed) status = t('librarySearchFailed');
  else if (state.hits && state.answered === text) {
    // The filters (collection, status...) may hide some of the hits: both counts are said.
    status = shown < state.hits.size ? t('librarySearchHitsFiltered', n(state.hits.size), text.trim(), n(shown)) : t('librarySearchHits', n(state.hits.size), text.trim());
  }
  else if (state.progress && state.progress.done < state.progress.total) {
    status = t('librarySearchIndexing', formatNumber(state.progress.done, tag), formatNumber(state.progress.total, tag));
  } else status = t('librarySearching');
  return <p class="search-status" role="status">{status}</p>;
}

/** The library page: every article, searched, filtered, sorted, organized, with details. */
export function LibraryApp({ db, search: givenSearch, similar, optionsHref = '/options.html', formatter = inPageFormatter, onLibraryChanged = noChange, readWholeList = true }: Props) {
  const { t, tag } = useI18n();
  const search = useMemo(() => givenSearch ?? new LibrarySearch(db), [givenSearch, db]);
  const [query, setQuery] = useState<LibraryQuery>(EMPTY_QUERY);
  const [openId, setOpenId] = useState<string>();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [deleted, setDeleted] = useState<DeletedBatch[]>([]);
  const [message, setMessage] = useState<UndoMessage>();
  const [panel, setPanel] = useState<PanelName>();
  const [sidebarOpen, setSidebarOpen] = useState(false);

  // First paint: the first rows of the view, through the listing's indexes (what they cost does
  // not grow with the library); then its count (the library's kept with the writes, a filter's an
  // index count over its range) with the filters' values (counters kept with the writes); then
  // the whole list's small rows.
  const [wantAll, setWantAll] = useState(false);
  // While an import writes chunk after chunk, the whole list is not read again after each: the
  // page shows the first rows and counts (cheap to follow) until the import ends.
  const [importing, setImporting] = useState(false);
  // While a change to many articles (a bulk action, a deletion or its undo, a collection's
  // deletion) writes chunk after chunk, the list read before it stays (and the selection with it):
  // read again after every chunk, a change to 10,000 articles took twice as long. It is read once
  // when the change ends. Meanwhile the browser asks before the page is left.
  const [changingMany, setChangingMany] = useState(false);
  useWarnBeforeLeaving(changingMany);
  const all = useWholeList(db, wantAll && !importing, changingMany);
  const headSort = isIndexedSort(query.sort) ? query.sort : 'captured';
  const { value: head } = useLiveQuery(
    () => (all ? undefined : readWindow(db, headSort, query.filters, 0, HEAD_ROWS)),
    [db, all === undefined, headSort, query.filters],
  );
  const { value: counts } = useLiveQuery(
    () => (all || head === undefined ? undefined : readViewCounts(db, query.filters, tag)),
    [db, all === undefined, head === undefined, query.filters, tag],
  );
  const total = all ? all.length : counts?.total;
  useEffect(() => {
    if (counts === undefined || wantAll || !readWholeList) return;
    // After the first rows, the counts and the filters' values are on screen.
    const timer = setTimeout(() => setWantAll(true), 0);
    return () => clearTimeout(timer);
  }, [counts, wantAll, readWholeList]);
  const rows = all;
  // Its counts walk the collections' index: held too while a change to many articles writes.
  const { value: collections = [] } = useLiveQuery(() => listCollections(db, tag), [db, tag], changingMany);
  const found = useLibrarySearch(search, query.text, rows);
  const scores = useMemo(() => found.hits && new Map([...found.hits.values()].map((hit) => [hit.id, hit.score])), [found.hits]);
  // Relevance falls back to capture order for ties and when the search text is cleared.
  const sortKey = query.sort === 'relevance' ? 'captured' : query.sort;
  const sorted = useMemo(() => (rows ? sortRows(rows, sortKey, tag) : []), [rows, sortKey, tag]);
  const filteredAll = useMemo(() => filterRows(sorted, query, scores), [sorted, query, scores]);
  // Until the whole list is read: the view's first rows, when its order is an index's and no search runs.
  const headShown = !rows && !isSearching(query.text) && isIndexedSort(query.sort) ? head : undefined;
  const shown: readonly ArticleSummary[] = rows ? filteredAll : (headShown ?? []);
  const shownCount = rows ? filteredAll.length : counts?.count;
  const facets = useMemo(() => (rows ? libraryFacets(rows, tag) : counts?.filterValues ?? libraryFacets([], tag)), [rows, counts, tag]);
  useFacetCheck(db, rows && facets, tag);
  const selectedShown = useMemo(() => shown.filter((row) => selected.has(row.id)).map((row) => row.id), [shown, selected]);
  const searching = isSearching(query.text);
  const currentCollection = collections.find((c) => c.id === query.filters.collection);

  useEffect(() => {
    document.title = t('libraryTitle');
  }, [t]);

  /** Edits, imports, deletions and undo here: the search and the ranking index read those articles again. */
  function changed(ids: string[]) {
    search.changed(ids);
    onLibraryChanged(ids);
  }

  function setText(text: string) {
    const nowSearching = isSearching(text);
    let sort = query.sort;
    if (nowSearching && !searching && sort === 'captured') sort = 'relevance';
    if (!nowSearching && sort === 'relevance') sort = 'captured';
    setQuery({ ...query, text, sort });
  }

  function toggle(id: string, checked: boolean) {
    const next = new Set(selected);
    if (checked) next.add(id);
    else next.delete(id);
    setSelected(next);
  }

  /**
   * Deletes a chunk at a time (lib/db/article-deletion), saying how far it is, the list read
   * before it held until it ends. What was deleted before a failure can be undone like the rest.
   */
  async function remove(ids: string[]) {
    const batch = newDeletedBatch();
    setMessage({ kind: 'deleting', count: ids.length });
    setChangingMany(true);
    let failure: string | undefined;
    try {
      await deleteArticles(db, ids, batch, (done) => setMessage({ kind: 'deleting', count: ids.length, done }));
    } catch (error) {
      failure = storageErrorMessage(error, { t });
    } finally {
      setChangingMany(false);
    }
    const gone = new Set(batch.articles.map((article) => article.id));
    if (gone.size) {
      setDeleted((stack) => [...stack, batch]);
      changed([...gone]);
    }
    if (failure === undefined) setMessage({ kind: 'deleted', count: gone.size });
    else setMessage(gone.size ? { kind: 'deletedPartly', count: gone.size, reason: failure } : { kind: 'deleteFailed', reason: failure });
    setSelected((current) => new Set([...current].filter((id) => !gone.has(id))));
    if (openId && gone.has(openId)) setOpenId(undefined);
  }

  /** Puts the last deletion back; if that fails, it stays to be undone again (a partial restore merges). */
  async function undo() {
    const batch = deleted.at(-1);
    if (!batch) return;
    setDeleted((stack) => stack.slice(0, -1));
    setMessage({ kind: 'restoring', count: batch.articles.length });
    // Written a chunk at a time when large: the list is read again once, after it.
    setChangingMany(true);
    try {
      const restored = await restoreArticles(db, batch, (done) => setMessage({ kind: 'restoring', count: batch.articles.length, done }));
      changed(restored);
      setMessage({ kind: 'restored', count: restored.length });
    } catch (error) {
      setDeleted((stack) => [...stack, batch]);
      setMessage({ kind: 'restoreFailed', reason: storageErrorMessage(error, { t }) });
    } finally {
      setChangingMany(false);
    }
  }

  function exportSources(): ExportSources {
    return {
      selection: selectedShown,
      shown: filteredAll.map((row) => row.id),
      all: sorted.map((row) => row.id),
      collectionName: currentCollection && showsWholeCollection(query) ? currentCollection.name : undefined,
    };
  }

  function togglePanel(which: PanelName) {
    setPanel((open) => (open === which ? undefined : which));
  }

  /** Closing a panel gives the focus back to the button that opened it. */
  function closePanel() {
    const opener = document.querySelector<HTMLButtonElement>(`[aria-controls="${panel}-panel"]`);
    setPanel(undefined);
    opener?.focus();
  }

  const allShownSelected = shown.length > 0 && selectedShown.length === shown.length;
  // While a search runs for the first time nothing is shown as "no match".
  const awaitingSearch = searching && !found.hits && !found.failed;
  let body;
  if (total === 0) body = <p class="empty">{t('libEmpty')}</p>;
  // An empty first window says nothing until the counts tell an empty library from an empty view.
  else if (rows === undefined && (headShown === undefined || (headShown.length === 0 && total === undefined))) body = <p class="status" role="status">{t('libLoading')}</p>;
  else if (awaitingSearch) body = null;
  else if (shown.length === 0) body = <p class="empty">{t('libNoMatch')}</p>;
  else {
    body = (
      <ArticleList
        db={db}
        rows={shown}
        busy={!rows}
        selected={selected}
        openId={openId}
        matches={searching ? found.hits : undefined}
        onToggle={toggle}
        onOpen={setOpenId}
      />
    );
  }

  return (
    <div
      class="library"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // The folded sidebar lies over everything: it closes first.
        if (sidebarOpen) setSidebarOpen(false);
        else if (openId) setOpenId(undefined);
      }}
    >
      <header class="library-header">
        <h1>{t('libraryTitle')}</h1>
        <form class="search" role="search" onSubmit={(event) => event.preventDefault()}>
          <label>
            <span class="visually-hidden">{t('libSearchLabel')}</span>
            <input
              type="search"
              value={query.text}
              placeholder={t('libSearchPlaceholder')}
              onFocus={() => search.prepare()}
              onInput={(event) => setText((event.currentTarget as HTMLInputElement).value)}
            />
          </label>
        </form>
        <label class="sort">
          <span>{t('libSortLabel')}</span>
          <select value={query.sort} onChange={(event) => setQuery({ ...query, sort: (event.currentTarget as HTMLSelectElement).value as SortKey })}>
            {SORTS.filter(([key]) => key !== 'relevance' || searching).map(([key, label]) => (
              <option key={key} value={key}>{t(label)}</option>
            ))}
          </select>
        </label>
        <span class="header-tools">
          <button type="button" class="secondary" aria-expanded={panel === 'import'} aria-controls="import-panel" onClick={() => togglePanel('import')}>
            {t('libImport')}
          </button>
          <button
            type="button"
            class="secondary"
            aria-expanded={panel === 'export'}
            aria-controls="export-panel"
            disabled={!total}
            onClick={() => togglePanel('export')}
          >
            {t('libExport')}
          </button>
        </span>
        <LanguageSwitch db={db} />
        <a class="header-link" href={optionsHref} target="_blank" rel="noopener">{t('libOpenOptions')}</a>
      </header>
      {panel === 'export' && rows?.length ? <ExportPanel db={db} sources={exportSources()} formatter={formatter} onClose={closePanel} /> : null}
      {panel === 'import' && (
        <ImportPanel
          db={db}
          collections={collections}
          current={query.filters.collection}
          onLibraryChanged={changed}
          onClose={closePanel}
          onBusy={setImporting}
        />
      )}
      <div class={`library-body${openId ? ' with-detail' : ''}${sidebarOpen ? ' sidebar-open' : ''}`}>
        <nav class="sidebar" id="library-sidebar" aria-label={t('libFiltersHeading')}>
          <button type="button" class="secondary small sidebar-close" onClick={() => setSidebarOpen(false)}>
            {t('librarySidebarClose')}
          </button>
          <CollectionsPanel
            db={db}
            collections={collections}
            total={total}
            current={query.filters.collection}
            onSelect={(collection) => setQuery({ ...query, filters: { ...query.filters, collection } })}
            onBusy={setChangingMany}
          />
          <LibraryFilters filters={query.filters} facets={facets} onChange={(filters) => setQuery({ ...query, filters })} />
        </nav>
        <main class="library-main">
          <div class="list-toolbar">
            <button
              type="button"
              class="secondary small sidebar-toggle"
              aria-expanded={sidebarOpen}
              aria-controls="library-sidebar"
              onClick={() => setSidebarOpen((open) => !open)}
            >
              {t('librarySidebarToggle')}
            </button>
            <label class="check">
              <input
                type="checkbox"
                checked={allShownSelected}
                indeterminate={selectedShown.length > 0 && !allShownSelected}
                disabled={!rows || shown.length === 0}
                onChange={(event) =>
                  setSelected((event.currentTarget as HTMLInputElement).checked ? new Set([...selected, ...shown.map((row) => row.id)]) : new Set())
                }
              />
              <span>{t('libSelectAllShown', formatNumber(shownCount ?? shown.length, tag))}</span>
            </label>
            <span class="list-count" aria-live="polite">
              {total === undefined
                ? null
                : shownCount !== undefined && shownCount !== total
                  ? t('libCountFiltered', formatNumber(shownCount, tag), formatNumber(total, tag))
                  : t('libCount', formatNumber(total, tag))}
            </span>
          </div>
          {searching && <SearchStatus state={found} text={query.text} shown={shown.length} />}
          {selectedShown.length > 0 && (
            <BulkActions
              db={db}
              selected={selectedShown}
              collections={collections}
              current={currentCollection}
              formatter={formatter}
              onClear={() => setSelected(new Set())}
              onDelete={(ids) => void remove(ids)}
              deleteHeld={changingMany}
              onBusy={setChangingMany}
            />
          )}
          {body}
        </main>
        {openId && (
          <ArticleDetail
            key={openId}
            db={db}
            id={openId}
            collections={collections}
            formatter={formatter}
            onClose={() => setOpenId(undefined)}
            onDelete={(ids) => void remove(ids)}
            onEdited={changed}
            similar={similar}
            onOpen={setOpenId}
          />
        )}
      </div>
      <UndoBar message={message} onUndo={() => void undo()} onDismiss={() => setMessage(undefined)} />
    </div>
  );
}
