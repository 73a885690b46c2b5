// @vitest-environment jsdom
// Dexie's live queries run only where a global indexedDB exists when Dexie loads: import it first.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import { createCollection } from '@/lib/db/collections';
import type { LibrarySearcher } from '@/lib/search/library-search';
import { testDb } from '../../lib/db/test-db';
import { makeArticle } from '../../lib/db/library-fixtures';
import { renderWithDb } from '../render-with-db';

afterEach(cleanup);

const year = (y: number) => ({ 'date-parts': [[y]] as [number][] });

async function libraryWith(articles = SAMPLE) {
  const db = testDb();
  await db.articles.bulkAdd(articles);
  renderWithDb(db, <LibraryApp db={db} />);
  await screen.findByRole('list', { name: 'Articles' });
  return db;
}

const SAMPLE = [
  makeArticle('a', { title: 'Deep learning for tumour segmentation', language: 'en', platform: 'pubmed', issued: year(2020), capturedAt: 3, savedAt: 9, tags: ['review'] }),
  makeArticle('b', { title: '基于深度学习的肿瘤分割', language: 'zh', platform: 'qinyun', issued: year(2018), capturedAt: 2, author: [{ literal: '张伟' }] }),
  makeArticle('c', { title: 'Apples and oranges', language: 'en', platform: 'meta', issued: year(2019), capturedAt: 1 }),
];

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

  it('shows an article captured elsewhere without reloading (live query)', async () => {
    const db = await libraryWith();
    await db.articles.add(makeArticle('new', { title: 'Captured in another tab', capturedAt: 10 }));
    await waitFor(() => expect(titles()[0]).toBe('Captured in another tab'));
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
    const changed: (string[] | undefined)[] = [];
    const search: LibrarySearcher = {
      search: async (text) => ({ hits: text === 'similar' ? [{ id: 'c', score: 2, terms: ['apples'] }, { id: 'b', score: 1, terms: [] }] : [] }),
      prepare: () => undefined,
      changed: (ids) => changed.push(ids),
    };
    renderWithDb(db, <LibraryApp db={db} search={search} />);
    await screen.findByRole('list', { name: 'Articles' });
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'similar' } });
    await waitFor(() => expect(titles()).toEqual(['Apples and oranges', '基于深度学习的肿瘤分割']));
    expect(document.querySelector('[data-article-id="c"] .row-title mark')?.textContent).toBe('Apples');
    await db.articles.update('a', { title: 'Changed elsewhere', updatedAt: 5 });
    await waitFor(() => expect(changed).toContainEqual(undefined));
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

  it('selects all shown articles and saves them and adds them to a collection', async () => {
    const db = await libraryWith();
    const reading = await createCollection(db, 'Reading');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all 3 shown' }));
    const bulk = within(await screen.findByRole('region', { name: 'Actions on the selected articles' }));
    fireEvent.click(bulk.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await db.articles.where('savedAt').above(0).count()).toBe(3));
    await waitFor(() => expect(bulk.getByRole('option', { name: 'Reading' })).toBeTruthy());
    fireEvent.click(bulk.getByRole('button', { name: 'Add to collection' }));
    await waitFor(async () => expect(await db.articles.where('collections').equals(reading.id).count()).toBe(3));
    fireEvent.input(bulk.getByRole('textbox', { name: 'Tag to add' }), { target: { value: '综述, later' } });
    fireEvent.click(bulk.getByRole('button', { name: 'Add tag' }));
    await waitFor(async () => expect((await db.articles.get('c'))?.tags).toEqual(['综述', 'later']));
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
