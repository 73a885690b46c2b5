// @vitest-environment jsdom
// Dexie's live queries run only where a global indexedDB exists when Dexie loads: import it first.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { HEAD_ROWS, LibraryApp } from '@/components/library/LibraryApp';
import { ROW_HEIGHT } from '@/components/library/ArticleList';
import { createCollection } from '@/lib/db/collections';
import { EDIT_CHUNK } from '@/lib/db/article-edits';
import { DELETED_AT_ONCE } from '@/lib/db/deletion-chunks';
import type { ArticleVersions, LibrarySearcher } from '@/lib/search/library-search';
import { testDb } from '../../lib/db/test-db';
import { makeArticle } from '../../lib/db/library-fixtures';
import { renderWithDb } from '../render-with-db';
import { leavingIsAsked, recordTexts } from '../watch-page';
import type { DBCoreTable } from 'dexie';
import type { SimlitDB } from '@/lib/db/schema';
import { FACET_KEY_PREFIX, keptFacets } from '@/lib/db/facet-counts';
import { libraryFacets, summarize } from '@/lib/db/articles-query';

afterEach(cleanup);

const year = (y: number) => ({ 'date-parts': [[y]] as [number][] });

async function libraryWith(articles = SAMPLE) {
  const db = testDb();
  await db.articles.bulkAdd(articles);
  renderWithDb(db, <LibraryApp db={db} />);
  // The first rows come through the listing's indexes; then the whole list is read.
  const list = await screen.findByRole('list', { name: 'Articles' });
  await waitFor(() => expect(list.getAttribute('aria-busy')).toBe('false'));
  return db;
}

const SAMPLE = [
  makeArticle('a', { title: 'Deep learning for tumour segmentation', language: 'en', platform: 'pubmed', issued: year(2020), capturedAt: 3, savedAt: 9, tags: ['review'] }),
  makeArticle('b', { title: '基于深度学习的肿瘤分割', language: 'zh', platform: 'qinyun', issued: year(2018), capturedAt: 2, author: [{ literal: '张伟' }] }),
  makeArticle('c', { title: 'Apples and oranges', language: 'en', platform: 'meta', issued: year(2019), capturedAt: 1 }),
];

/** Wraps some of the database's tables below Dexie's API (a DBCore middleware): failures and watches. */
function wrapTables(db: SimlitDB, wrap: Partial<Record<string, (table: DBCoreTable) => DBCoreTable>>) {
  db.use({ stack: 'dbcore', name: 'TestWrap', create: (down) => ({ ...down, table: (name) => wrap[name]?.(down.table(name)) ?? down.table(name) }) });
}

const quotaError = () => Promise.reject(new DOMException('full', 'QuotaExceededError'));

function titles(): string[] {
  return [...document.querySelectorAll('.row-title')].map((el) => el.textContent ?? '');
}

describe('LibraryApp list', () => {
  it('lists every article, newest capture first, with the count', async () => {
    await libraryWith();
    expect(titles()).toEqual(['Deep learning for tumour segmentation', '基于深度学习的肿瘤分割', 'Apples and oranges']);
    expect(screen.getByText('3 articles')).toBeTruthy();
    expect(document.querySelector('[data-article-id="b"] .row-title')?.getAttribute('lang')).toBe('zh-CN');
  });

  it('shows an article captured elsewhere, edited or deleted without reloading', async () => {
    const db = await libraryWith();
    await db.articles.add(makeArticle('new', { title: 'Captured in another tab', capturedAt: 10 }));
    await waitFor(() => expect(titles()[0]).toBe('Captured in another tab'));
    await db.articles.update('c', { title: 'Apples and pears' });
    await db.articles.delete('b');
    await waitFor(() => expect(titles()).toEqual(['Captured in another tab', 'Deep learning for tumour segmentation', 'Apples and pears']));
    expect(screen.getByText('3 articles')).toBeTruthy();
  });

  it('reads the whole list again when a change names no rows but a range (the library cleared)', async () => {
    const db = await libraryWith();
    await db.transaction('rw', db.articles, db.listing, async () => {
      await db.articles.clear();
      await db.listing.clear();
    });
    expect(await screen.findByText(/The library is empty/)).toBeTruthy();
  });

  it('says so when the library is empty', async () => {
    const db = testDb();
    renderWithDb(db, <LibraryApp db={db} />);
    expect(await screen.findByText(/The library is empty/)).toBeTruthy();
  });

  it('renders a hostile title as text, never as markup', async () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    await libraryWith([makeArticle('x', { title: hostile, abstract: '<b>bold</b>' })]);
    expect(titles()).toEqual([hostile]);
    fireEvent.click(screen.getByRole('button', { name: /img src=x/ }));
    await screen.findByRole('heading', { name: hostile });
    expect(document.querySelector('img, script, b')).toBeNull();
    expect(screen.getByText('<b>bold</b>')).toBeTruthy();
  });
});

describe('LibraryApp first paint, through the listing\'s indexes', () => {
  /** More articles than the first read takes, with ties in capture time. */
  const MANY = Array.from({ length: HEAD_ROWS + 50 }, (_, i) =>
    makeArticle(`m${String(i).padStart(3, '0')}`, { title: `Article ${i}`, capturedAt: Math.floor(i / 3), issued: year(2000 + (i % 7)), platform: i % 2 ? 'cnki' : 'pubmed', savedAt: i % 5 ? undefined : 1 }),
  );

  async function firstPaint() {
    const db = testDb();
    await db.articles.bulkAdd(MANY);
    renderWithDb(db, <LibraryApp db={db} readWholeList={false} />);
    return screen.findByRole('list', { name: 'Articles' });
  }

  const ids = () => [...document.querySelectorAll<HTMLElement>('.library-row')].map((row) => row.dataset.articleId);
  /** The order a full read sorts the list in: newest capture first, ties by id, descending. */
  const newestFirst = [...MANY].sort((a, b) => b.capturedAt - a.capturedAt || (a.id < b.id ? 1 : -1));

  it('shows the view\'s first rows in list order, then the library\'s count and the filters\' values, without the whole list', async () => {
    const list = await firstPaint();
    expect(list.getAttribute('aria-busy')).toBe('true');
    expect(list.style.height).toBe(`${HEAD_ROWS * ROW_HEIGHT}px`);
    expect(ids()).toEqual(newestFirst.slice(0, ids().length).map((a) => a.id));
    expect(ids().length).toBeGreaterThan(0);
    // The counts follow the first rows (they walk the indexes' ranges).
    expect(await screen.findByText(`${MANY.length} articles`)).toBeTruthy();
    const site = screen.getByRole('combobox', { name: 'Site' });
    await waitFor(() => expect(within(site).getAllByRole('option').map((o) => o.textContent)).toEqual(['Any', 'CNKI (75)', 'PubMed (75)']));
  });

  it('shows the first rows, the library\'s count and the filters\' values without walking an index', async () => {
    const db = testDb();
    // Index counts fail: the rows, the count and the filters' values must not need them.
    const failingCounts = (table: DBCoreTable) => ({ ...table, count: () => Promise.reject(new Error('no counts')) });
    wrapTables(db, { listing: failingCounts, articles: failingCounts });
    await db.articles.bulkAdd(MANY);
    await db.articles.bulkDelete(['m000', 'm001']);
    renderWithDb(db, <LibraryApp db={db} readWholeList={false} />);
    await screen.findByRole('list', { name: 'Articles' });
    const kept = newestFirst.filter((a) => a.id !== 'm000' && a.id !== 'm001');
    expect(ids()).toEqual(kept.slice(0, ids().length).map((a) => a.id));
    // The count kept with the writes: one key lookup.
    expect(await screen.findByText(`${MANY.length - 2} articles`)).toBeTruthy();
    // The filters' values: counters kept with the writes, one range read.
    const cnki = kept.filter((a) => a.platform === 'cnki').length;
    expect(await screen.findByRole('option', { name: `CNKI (${cnki})` })).toBeTruthy();
  });

  it('counts the filters\' values again when the whole list finds their counters wrong', async () => {
    const db = testDb();
    await db.articles.bulkAdd(MANY);
    // As a writer that went past Dexie leaves them.
    await db.counters.where('key').startsWith(FACET_KEY_PREFIX).delete();
    renderWithDb(db, <LibraryApp db={db} />);
    await waitFor(async () => expect(await keptFacets(db)).toEqual(libraryFacets(MANY.map(summarize))));
  });

  it('reads a filtered view and its count through the indexes too', async () => {
    await firstPaint();
    // The sites are offered once the counts are read.
    await screen.findByRole('option', { name: 'CNKI (75)' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Site' }), { target: { value: 'cnki' } });
    await waitFor(() => expect(screen.getByText('75 of 150 articles')).toBeTruthy());
    const cnki = newestFirst.filter((a) => a.platform === 'cnki');
    await waitFor(() => expect(ids()).toEqual(cnki.slice(0, ids().length).map((a) => a.id)));
  });
});

describe('LibraryApp search, filters and sort', () => {
  it('filters by the search text and sorts by relevance while searching', async () => {
    await libraryWith();
    const search = screen.getByRole('searchbox', { name: 'Search the library' });
    fireEvent.input(search, { target: { value: '张伟' } });
    await waitFor(() => expect(titles()).toEqual(['基于深度学习的肿瘤分割']));
    expect(screen.getByText('1 of 3 articles')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Sort by' }) as HTMLSelectElement).value).toBe('relevance');
    fireEvent.input(search, { target: { value: '' } });
    await waitFor(() => expect(titles()).toHaveLength(3));
    expect((screen.getByRole('combobox', { name: 'Sort by' }) as HTMLSelectElement).value).toBe('captured');
  });

  it('uses the search it is given (the worker\'s, in the extension) and tells it of changes', async () => {
    const db = testDb();
    await db.articles.bulkAdd(SAMPLE);
    const changed: ArticleVersions[] = [];
    const search: LibrarySearcher = {
      search: async (text) => ({ hits: text === 'similar' ? [{ id: 'c', score: 2, terms: ['apples'] }, { id: 'b', score: 1, terms: [] }] : [] }),
      prepare: () => undefined,
      changed: (_ids, versions) => versions && changed.push(versions()),
    };
    renderWithDb(db, <LibraryApp db={db} search={search} />);
    await screen.findByRole('list', { name: 'Articles' });
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'similar' } });
    await waitFor(() => expect(titles()).toEqual(['Apples and oranges', '基于深度学习的肿瘤分割']));
    expect(document.querySelector('[data-article-id="c"] .row-title mark')?.textContent).toBe('Apples');
    // It is given the list's versions, and the newer ones after a change elsewhere.
    const stampOf = (versions: ArticleVersions | undefined, id: string) => versions && versions.stamps[versions.ids.indexOf(id)];
    expect(changed.at(-1)?.ids.slice().sort()).toEqual(SAMPLE.map((article) => article.id).sort());
    await db.articles.update('a', { title: 'Changed elsewhere', updatedAt: 5 });
    await waitFor(() => expect(stampOf(changed.at(-1), 'a')).toBe(5));
  });

  it('filters by saved state, tag, language, year and site, and clears the filters', async () => {
    await libraryWith();
    const filters = within(screen.getByRole('region', { name: 'Filters' }));
    fireEvent.change(filters.getByRole('combobox', { name: 'Status' }), { target: { value: 'captured' } });
    await waitFor(() => expect(titles()).toEqual(['基于深度学习的肿瘤分割', 'Apples and oranges']));
    fireEvent.change(filters.getByRole('combobox', { name: 'Language' }), { target: { value: 'en' } });
    await waitFor(() => expect(titles()).toEqual(['Apples and oranges']));
    fireEvent.click(filters.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(titles()).toHaveLength(3));
    fireEvent.change(filters.getByRole('combobox', { name: 'Tag' }), { target: { value: 'review' } });
    await waitFor(() => expect(titles()).toEqual(['Deep learning for tumour segmentation']));
    fireEvent.click(filters.getByRole('button', { name: 'Clear filters' }));
    fireEvent.change(filters.getByRole('combobox', { name: 'Year' }), { target: { value: '2018' } });
    await waitFor(() => expect(titles()).toEqual(['基于深度学习的肿瘤分割']));
    fireEvent.click(filters.getByRole('button', { name: 'Clear filters' }));
    fireEvent.change(filters.getByRole('combobox', { name: 'Site' }), { target: { value: 'meta' } });
    await waitFor(() => expect(titles()).toEqual(['Apples and oranges']));
    expect(filters.getByRole('option', { name: 'Chinese (1)' })).toBeTruthy();
  });

  it('sorts by year and by title', async () => {
    await libraryWith();
    const sort = screen.getByRole('combobox', { name: 'Sort by' });
    fireEvent.change(sort, { target: { value: 'year' } });
    await waitFor(() => expect(titles()).toEqual(['Deep learning for tumour segmentation', 'Apples and oranges', '基于深度学习的肿瘤分割']));
    fireEvent.change(sort, { target: { value: 'title' } });
    await waitFor(() => expect(titles()[0]).toBe('Apples and oranges'));
  });
});

describe('LibraryApp bulk actions and undo', () => {
  it('deletes the selected articles and restores them on undo', async () => {
    const db = await libraryWith();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select “Apples and oranges”' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select “基于深度学习的肿瘤分割”' }));
    const bulk = within(screen.getByRole('region', { name: 'Actions on the selected articles' }));
    expect(bulk.getByText('2 selected')).toBeTruthy();
    fireEvent.click(bulk.getByRole('button', { name: 'Delete' }));
    await screen.findByText('Deleted 2 articles.');
    await waitFor(() => expect(titles()).toEqual(['Deep learning for tumour segmentation']));
    expect(await db.articles.count()).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Restored 2 articles.');
    await waitFor(() => expect(titles()).toHaveLength(3));
    expect(await db.articles.get('b')).toEqual(SAMPLE[1]);
  });

  it('says why an undo failed and keeps the deletion to undo again', async () => {
    const db = testDb();
    let full = false;
    wrapTables(db, { articles: (table) => ({ ...table, mutate: (req) => (full && req.type !== 'delete' ? quotaError() : table.mutate(req)) }) });
    await db.articles.bulkAdd(SAMPLE);
    renderWithDb(db, <LibraryApp db={db} />);
    const list = await screen.findByRole('list', { name: 'Articles' });
    await waitFor(() => expect(list.getAttribute('aria-busy')).toBe('false'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select “Apples and oranges”' }));
    fireEvent.click(within(screen.getByRole('region', { name: 'Actions on the selected articles' })).getByRole('button', { name: 'Delete' }));
    await screen.findByText('Deleted 1 article.');
    full = true;
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText(/Not all the articles could be restored\. .*quota is full.* Undo tries again\./)).toBeTruthy();
    expect(await db.articles.get('c')).toBeUndefined();
    full = false;
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Restored 1 article.');
    await waitFor(() => expect(titles()).toHaveLength(3));
    expect(await db.articles.get('c')).toEqual(SAMPLE[2]);
  });

  it('selects all shown articles and saves them and adds them to a collection', async () => {
    const db = await libraryWith();
    const reading = await createCollection(db, 'Reading');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all 3 shown' }));
    const bulk = within(await screen.findByRole('region', { name: 'Actions on the selected articles' }));
    fireEvent.click(bulk.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await db.articles.toArray()).filter((article) => article.savedAt).length).toBe(3));
    await waitFor(() => expect(bulk.getByRole('option', { name: 'Reading' })).toBeTruthy());
    fireEvent.click(bulk.getByRole('button', { name: 'Add to collection' }));
    await waitFor(async () => expect((await db.articles.toArray()).filter((article) => article.collections.includes(reading.id)).length).toBe(3));
    fireEvent.input(bulk.getByRole('textbox', { name: 'Tag to add' }), { target: { value: '综述, later' } });
    fireEvent.click(bulk.getByRole('button', { name: 'Add tag' }));
    await waitFor(async () => expect((await db.articles.get('c'))?.tags).toEqual(['综述', 'later']));
  });
});

describe('LibraryApp changes to a large selection', () => {
  type Watch = { wholeListReads: number; wholeListReadsDone: number; articleWrites: number; failWrite?: number };
  const newWatch = (): Watch => ({ wholeListReads: 0, wholeListReadsDone: 0, articleWrites: 0 });
  const LARGE = Array.from({ length: EDIT_CHUNK * 2 + 10 }, (_, i) => makeArticle(`l${String(i).padStart(4, '0')}`, { title: `Article ${i}`, capturedAt: i }));

  /**
   * The library page on LARGE, every article selected; `watch` sees the library's writes and its
   * whole-list reads: one is counted when its first page is asked for, and finished when its last
   * (short) page arrives (LARGE is not a whole number of pages).
   */
  async function selectedLarge(watch: Watch) {
    const db = testDb();
    wrapTables(db, {
      listing: (table) => ({
        ...table,
        query: async (req) => {
          const byId = req.values && req.query.index.isPrimaryKey;
          // Later pages ask for the rows above the last id read (an open lower bound).
          if (byId && !req.query.range.lowerOpen) watch.wholeListReads++;
          const response = await table.query(req);
          if (byId && req.limit !== undefined && response.result.length < req.limit) watch.wholeListReadsDone++;
          return response;
        },
      }),
      articles: (table) => ({ ...table, mutate: (req) => (++watch.articleWrites === watch.failWrite ? quotaError() : table.mutate(req)) }),
    });
    await db.articles.bulkAdd(LARGE);
    renderWithDb(db, <LibraryApp db={db} />);
    const list = await screen.findByRole('list', { name: 'Articles' });
    await waitFor(() => expect(list.getAttribute('aria-busy')).toBe('false'));
    await waitFor(() => expect(watch.wholeListReadsDone).toBeGreaterThan(0));
    fireEvent.click(screen.getByRole('checkbox', { name: `Select all ${LARGE.length.toLocaleString('en-US')} shown` }));
    return { db, bulk: within(await screen.findByRole('region', { name: 'Actions on the selected articles' })) };
  }

  const addTag = (bulk: ReturnType<typeof within>, tag: string) => {
    fireEvent.input(bulk.getByRole('textbox', { name: 'Tag to add' }), { target: { value: tag } });
    fireEvent.click(bulk.getByRole('button', { name: 'Add tag' }));
  };

  it('writes it a chunk at a time, holding the list read before it, and says when it is done', async () => {
    const watch = newWatch();
    const { db, bulk } = await selectedLarge(watch);
    Object.assign(watch, newWatch());
    addTag(bulk, 'big');
    await bulk.findByText(`Changed ${LARGE.length.toLocaleString('en-US')} articles.`);
    expect((await db.articles.toArray()).filter((article) => article.tags.includes('big'))).toHaveLength(LARGE.length);
    expect(watch.articleWrites).toBe(3);
    // Read again once, after the change, not after each chunk: reads after chunks would have
    // started before the one after the change finished.
    await waitFor(() => expect(watch.wholeListReadsDone).toBeGreaterThan(0));
    expect(watch.wholeListReads).toBe(1);
    expect(bulk.getByText(`${LARGE.length.toLocaleString('en-US')} selected`)).toBeTruthy();
  });

  it('deletes it a chunk at a time, saying how far it is, reads the list again once, and undoes it', async () => {
    const watch = newWatch();
    const { db, bulk } = await selectedLarge(watch);
    Object.assign(watch, newWatch());
    const { said, stop } = recordTexts(document.querySelector('.undo-bar')!);
    fireEvent.click(bulk.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(bulk.getByRole('button', { name: 'Delete' }).hasAttribute('disabled')).toBe(true));
    // Left meanwhile, the page would stop the deletion part-way: the browser asks first.
    expect(leavingIsAsked()).toBe(true);
    await screen.findByText(`Deleted ${LARGE.length.toLocaleString('en-US')} articles.`);
    stop();
    await waitFor(() => expect(leavingIsAsked()).toBe(false));
    expect(said).toContain(`Deleting articles: ${DELETED_AT_ONCE} of ${LARGE.length.toLocaleString('en-US')}…`);
    expect(watch.articleWrites).toBe(Math.ceil(LARGE.length / DELETED_AT_ONCE));
    expect(await db.articles.count()).toBe(0);
    await waitFor(() => expect(watch.wholeListReadsDone).toBeGreaterThan(0));
    expect(watch.wholeListReads).toBe(1);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Actions on the selected articles' })).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText(`Restored ${LARGE.length.toLocaleString('en-US')} articles.`);
    expect(await db.articles.count()).toBe(LARGE.length);
  });

  it('offers to undo what a deletion stopped part-way deleted, and keeps the rest selected', async () => {
    // The library's first write, then the deletion's first chunk; its second fails.
    const { db } = await selectedLarge({ ...newWatch(), failWrite: 3 });
    fireEvent.click(within(screen.getByRole('region', { name: 'Actions on the selected articles' })).getByRole('button', { name: 'Delete' }));
    const stopped = await screen.findByText(/^Deleted 100 articles, then stopped: the others are still in the library\. .*quota is full.* Undo puts back those deleted\.$/);
    expect(stopped.className).toBe('error');
    expect(await db.articles.count()).toBe(LARGE.length - DELETED_AT_ONCE);
    await screen.findByText(`${(LARGE.length - DELETED_AT_ONCE).toLocaleString('en-US')} selected`);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Restored 100 articles.');
    expect(await db.articles.count()).toBe(LARGE.length);
  });

  it('says where a failure stopped it: the chunks before it stay changed', async () => {
    const { db, bulk } = await selectedLarge({ ...newWatch(), failWrite: 3 });
    addTag(bulk, 'big');
    const alert = await bulk.findByRole('alert');
    expect(alert.textContent).toContain(`Stopped after ${EDIT_CHUNK} of ${LARGE.length.toLocaleString('en-US')} articles`);
    expect(alert.textContent).toContain('quota is full');
    expect((await db.articles.toArray()).filter((article) => article.tags.includes('big'))).toHaveLength(EDIT_CHUNK);
    expect(bulk.getByRole('button', { name: 'Add tag' })).toBeTruthy();
  });
});

describe('LibraryApp tells the ranking index', () => {
  it('sends the ids of deleted articles, and of those put back by undo', async () => {
    const db = testDb();
    await db.articles.bulkAdd(SAMPLE);
    const changed = vi.fn();
    renderWithDb(db, <LibraryApp db={db} onLibraryChanged={changed} />);
    await screen.findByRole('list', { name: 'Articles' });
    fireEvent.click(screen.getByRole('button', { name: /Apples and oranges/ }));
    const detail = await screen.findByRole('complementary', { name: 'Apples and oranges' });
    fireEvent.click(within(detail).getByRole('button', { name: 'Delete this article' }));
    await screen.findByText('Deleted 1 article.');
    expect(changed).toHaveBeenLastCalledWith(['c']);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select all 2 shown' }));
    fireEvent.click(within(screen.getByRole('region', { name: 'Actions on the selected articles' })).getByRole('button', { name: 'Delete' }));
    await screen.findByText('Deleted 2 articles.');
    expect(changed).toHaveBeenLastCalledWith(['a', 'b']);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Restored 2 articles.');
    expect([...changed.mock.lastCall![0]].sort()).toEqual(['a', 'b']);
    expect(changed).toHaveBeenCalledTimes(3);
  });
});

describe('LibraryApp language', () => {
  it('switches the UI to Chinese from the header and marks the document language', async () => {
    await libraryWith();
    expect(document.documentElement.lang).toBe('en');
    fireEvent.change(screen.getByRole('combobox', { name: 'Interface language' }), { target: { value: 'zh_CN' } });
    await screen.findByRole('heading', { name: 'Simlit 文献库' });
    expect(screen.getByText('共 3 篇')).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
    await waitFor(() => expect(document.title).toBe('Simlit 文献库'));
  });
});

describe('LibraryApp full-text search', { timeout: 30_000 }, () => {
  const GOVERNANCE = [
    makeArticle('t', { title: '基层治理中的问责与避责', author: [{ literal: '王建军' }, { literal: '李晓梅' }], issued: year(2021), capturedAt: 1 }),
    makeArticle('abs', {
      title: undefined,
      abstract: `风险治理情境下基层官员如何落实职责和任务安排是基层治理面临的重要问题。${'基于政府治理实践中不断出现的层层加码现象，研究提出加码式避责的概念。'.repeat(2)}基层官员通过主动强化政策执行而规避问责风险。`,
      capturedAt: 2,
    }),
    makeArticle('note', { title: 'Blame avoidance in local government', note: '与问责研究对照阅读', capturedAt: 3, language: 'en' }),
    makeArticle('none', { title: '补肾活血汤治疗骨质疏松', capturedAt: 4 }),
  ];

  it('finds a Chinese term in titles, abstracts and notes, counts the hits and marks them, with the matched stretch under rows that do not show it', async () => {
    await libraryWith(GOVERNANCE);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search the library' }), { target: { value: '问责' } });
    await screen.findByText('3 articles match “问责”');
    expect(titles()).toHaveLength(3);
    expect(document.querySelector('[data-article-id="t"] .row-title mark')?.textContent).toBe('问责');
    // The untitled article's match lies past the start of its abstract shown as its name: the row shows where.
    const context = await waitFor(() => {
      const line = document.querySelector('[data-article-id="abs"] .row-context');
      expect(line).toBeTruthy();
      return line!;
    });
    expect(context.textContent).toMatch(/^Abstract: ….*规避问责风险。$/);
    expect(context.querySelector('mark')?.textContent).toBe('问责');
    await waitFor(() => expect(document.querySelector('[data-article-id="note"] .row-context')?.textContent).toBe('Note: 与问责研究对照阅读'));
    expect(document.querySelector('[data-article-id="t"] .row-context')).toBeNull();
  });

  it('searches English by prefix and with typos, and says when nothing matches', async () => {
    await libraryWith(GOVERNANCE);
    const search = screen.getByRole('searchbox', { name: 'Search the library' });
    fireEvent.input(search, { target: { value: 'avoid governmnt' } });
    await screen.findByText('1 article matches “avoid governmnt”');
    expect(titles()).toEqual(['Blame avoidance in local government']);
    expect([...document.querySelectorAll('[data-article-id="note"] .row-title mark')].map((m) => m.textContent)).toEqual(['avoidance', 'government']);
    fireEvent.input(search, { target: { value: '区块链' } });
    await screen.findByText('No articles match.');
    expect(screen.getByText('0 articles match “区块链”')).toBeTruthy();
  });

  it('finds an article by the title the reader just gave it', async () => {
    const db = await libraryWith(GOVERNANCE);
    const search = screen.getByRole('searchbox', { name: 'Search the library' });
    fireEvent.input(search, { target: { value: '网格化' } });
    await screen.findByText('0 articles match “网格化”');
    fireEvent.input(search, { target: { value: '' } });
    fireEvent.click(await screen.findByRole('button', { name: /补肾活血汤治疗骨质疏松/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: '网格化治理中的基层减负' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText(/^Changes saved\./);
    fireEvent.input(search, { target: { value: '网格化' } });
    await screen.findByText('1 article matches “网格化”');
    expect((await db.articles.get('none'))!.readerFields).toEqual(['title']);
  });

  it('says both counts when the filters hide some of the hits', async () => {
    const db = testDb();
    await db.articles.bulkAdd(GOVERNANCE);
    renderWithDb(db, <LibraryApp db={db} />);
    await screen.findByRole('list', { name: 'Articles' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'incomplete' } });
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search the library' }), { target: { value: '问责' } });
    await screen.findByText('3 articles match “问责”; 2 of them pass the filters');
  });
});

describe('LibraryApp incomplete records', { timeout: 30_000 }, () => {
  it('marks records without title, authors or year, names an untitled one the same in list and detail, and says how it gets completed', async () => {
    const untitled = makeArticle('u', {
      title: undefined,
      abstract: '从中央和地方两个层面提出一个解释框架,对过度留痕的“形式主义”现象形成的原因进行考察。',
      URL: 'http://ggglxb.cnjournals.com/ch/reader/view_abstract.aspx?file_no=20230005',
      platform: 'qinyun',
    });
    const complete = makeArticle('c', { title: 'Complete', author: [{ family: 'Li', given: 'Q' }], issued: year(2020) });
    await libraryWith([untitled, complete]);
    const badge = document.querySelector('[data-article-id="u"] .badge-incomplete')!;
    expect(badge.textContent).toBe('Incomplete: missing title, authors, and year');
    expect(document.querySelector('[data-article-id="c"] .badge-incomplete')).toBeNull();
    const name = document.querySelector('[data-article-id="u"] .row-title')!.textContent!;
    expect(name).toMatch(/^从中央和地方两个层面/);
    fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${name.slice(0, 10)}`) }));
    const detail = await screen.findByRole('complementary', { name });
    const notice = within(detail).getByRole('note');
    expect(notice.textContent).toMatch(/^This record lacks its title, authors, and year, which the page it was read from did not show\./);
    expect(within(notice).getByRole('link', { name: 'Open the article\'s page' }).getAttribute('href')).toBe(untitled.URL);
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'incomplete' } });
    await waitFor(() => expect(titles()).toEqual([name]));
  });
});

describe('LibraryApp statuses', { timeout: 30_000 }, () => {
  it('clears the "copied" status when the reader opens another article', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await libraryWith();
    fireEvent.click(screen.getByRole('button', { name: /Apples and oranges/ }));
    await screen.findByRole('complementary', { name: 'Apples and oranges' });
    fireEvent.click(screen.getByRole('button', { name: 'Copy citation' }));
    await screen.findByText('Copied to the clipboard.');
    fireEvent.click(screen.getByRole('button', { name: /Deep learning for tumour segmentation/ }));
    await screen.findByRole('complementary', { name: 'Deep learning for tumour segmentation' });
    expect(screen.queryByText('Copied to the clipboard.')).toBeNull();
  });

  it('clears the "copied" status of the selection when the selection changes', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await libraryWith();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select “Apples and oranges”' }));
    const bulk = within(await screen.findByRole('region', { name: 'Actions on the selected articles' }));
    fireEvent.click(bulk.getByRole('button', { name: 'Copy reference list' }));
    await bulk.findByText('Copied to the clipboard.');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select “基于深度学习的肿瘤分割”' }));
    await bulk.findByText('2 selected');
    expect(bulk.queryByText('Copied to the clipboard.')).toBeNull();
  });

  it('names sites in the reader\'s language in the site filter', async () => {
    await libraryWith();
    const site = screen.getByRole('combobox', { name: 'Site' });
    // Most articles first; sites with as many in the order of their ids (meta, pubmed, qinyun).
    expect(within(site).getAllByRole('option').map((o) => o.textContent)).toEqual(['Any', 'Other site (page metadata) (1)', 'PubMed (1)', 'Qinyun (E-Tiller) journal (1)']);
  });
});
