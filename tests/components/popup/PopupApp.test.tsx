// @vitest-environment jsdom
// Dexie's live queries run only where a global indexedDB exists when Dexie loads: import it first.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import type { PopupApi } from '@/components/popup/api';
import { PopupApp } from '@/components/popup/PopupApp';
import type { RankedArticle, RankingReply } from '@/lib/messages';
import type { Article } from '@/lib/model/article';
import type { LibraryState } from '@/lib/db/library-state';
import { writeSetting } from '@/lib/db/settings';
import { testDb } from '../../lib/db/test-db';
import { makeArticle } from '../../lib/db/library-fixtures';
import { renderWithDb } from '../render-with-db';
import '../wait-for-states';

afterEach(cleanup);

const PAGE_URL = 'http://jnxb.cnjournals.com/ch/reader/search_similar.aspx?file_no=1';
const TAB = { id: 7, url: PAGE_URL };

function fakeApi(overrides: Partial<PopupApi> = {}): PopupApi & { calls: { similar: string[][] } } {
  const calls = { similar: [] as string[][] };
  return {
    calls,
    requestCapture: vi.fn(async () => ({ ok: true })),
    similar: vi.fn(async (ids: string[]) => {
      calls.similar.push(ids);
      return { ok: true, results: [] } as RankingReply;
    }),
    search: vi.fn(async () => ({ ok: true, results: [] }) as RankingReply),
    openPage: vi.fn(),
    libraryChanged: vi.fn(),
    ...overrides,
  };
}

/** Unrelated articles that make the library large enough for close matches (calibration.ts). */
const filler = (count: number) => Array.from({ length: count }, (_, i) => makeArticle(`f${i}`, { title: `Filler ${i}` }));

async function popupWith(
  pageArticles: Article[],
  library: Article[] = [],
  api = fakeApi(),
  tab: typeof TAB | null = TAB,
  remembered?: RankedArticle[],
  db = testDb(),
  rememberedAsOf?: LibraryState,
) {
  await db.articles.bulkAdd([...pageArticles, ...library]);
  if (pageArticles.length || tab) {
    await db.captures.add({
      pageUrl: PAGE_URL,
      platform: 'qinyun',
      kind: 'list',
      tabId: 7,
      capturedAt: 5,
      items: pageArticles.map((article, index) => ({ articleId: article.id, status: index === 0 ? 'new' : 'known', position: index + 1 })),
      similar: remembered,
      similarAsOf: rememberedAsOf,
    });
  }
  renderWithDb(db, <PopupApp db={db} tab={tab ?? undefined} api={api} />);
  return { db, api };
}

const PAGE = [
  makeArticle('p1', { title: '基层治理中的问责与避责', language: 'zh', 'container-title': '公共管理学报', issued: { 'date-parts': [[2021]] } }),
  makeArticle('p2', { title: undefined, abstract: '在科层制体系中,自上而下的行政考核在增强任务压力的同时,也催生出基层多样化的减负回应方式,'.repeat(3), language: 'zh' }),
];
const LIBRARY = [
  makeArticle('s1', { title: '问责压力下的基层避责行为研究', language: 'zh', abstract: '研究发现基层干部的避责行为源于问责压力。', savedAt: 3, collections: ['c'], URL: 'https://journal.example/1', pdfUrl: 'https://journal.example/1.pdf', issued: { 'date-parts': [[2019]] } }),
  makeArticle('s2', { title: 'Blame avoidance in local governments', language: 'en', URL: 'javascript:alert(1)', pdfUrl: 'javascript:alert(2)', issued: { 'date-parts': [[2015]] } }),
];

/** The list page's own articles, on their tab. */
async function openPageTab() {
  fireEvent.click(await screen.findByRole('tab', { name: /^On this page/ }));
  return screen.findByRole('list', { name: 'This page' });
}

describe('PopupApp: a list page', () => {
  it('opens on the similar articles, with the page\'s own a tab away', async () => {
    await popupWith(PAGE, LIBRARY);
    const tabs = await screen.findAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Similar to this page', 'On this page (2, 1 new)']);
    expect(tabs[0].getAttribute('aria-selected')).toBe('true');
    expect(screen.queryByRole('list', { name: 'This page' })).toBeNull(); // its panel is hidden
    fireEvent.keyDown(tabs[0], { key: 'ArrowRight' });
    expect(tabs[1].getAttribute('aria-selected')).toBe('true');
    await screen.findByRole('list', { name: 'This page' });
    fireEvent.click(tabs[0]);
    expect(screen.queryByRole('list', { name: 'This page' })).toBeNull();
  });

  it('lists the page\'s articles with their status, title or abstract start, and source', async () => {
    await popupWith(PAGE);
    const list = await openPageTab();
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('基层治理中的问责与避责');
    expect(rows[0].textContent).toContain('公共管理学报 · 2021');
    expect(within(rows[0]).getByText('new')).toBeTruthy();
    expect(within(rows[1]).getByText('in library')).toBeTruthy();
    expect(screen.getByText('2 articles on this page: 1 new')).toBeTruthy();
  });

  it('shows a long untitled excerpt on two lines, and all of it on demand', async () => {
    await popupWith(PAGE);
    const list = await openPageTab();
    const row = within(list).getAllByRole('listitem')[1];
    const text = row.querySelector('.excerpt-text')!;
    expect(text.classList.contains('clamp-2')).toBe(true);
    expect(text.textContent).toBe(PAGE[1].abstract);
    fireEvent.click(within(row).getByRole('button', { name: /^Show all of “在科层制体系中/ }));
    expect(text.classList.contains('clamp-2')).toBe(false);
    expect(within(row).getByRole('button', { name: 'less' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('saves one article, then all the rest, and every count and status follows', async () => {
    const { db, api } = await popupWith(PAGE);
    const list = await openPageTab();
    fireEvent.click(await screen.findByRole('button', { name: 'Save “基层治理中的问责与避责” to the library' }));
    await waitFor(async () => expect((await db.articles.get('p1'))?.savedAt).toBeGreaterThan(0));
    // Told once written, so that the answers kept for pages are ranked in the library's new state.
    await waitFor(() => expect(api.libraryChanged).toHaveBeenCalledWith(['p1']));
    expect((await db.articles.get('p2'))?.savedAt).toBeUndefined();
    await screen.findByText('2 articles on this page: 1 saved');
    expect(screen.getByRole('tab', { name: 'On this page (2)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save all' }));
    await waitFor(async () => expect((await db.articles.get('p2'))?.savedAt).toBeGreaterThan(0));
    await waitFor(() => expect(api.libraryChanged).toHaveBeenLastCalledWith(['p2']));
    await screen.findByText('2 articles on this page, all saved');
    expect((screen.getByRole('button', { name: 'Save all' }) as HTMLButtonElement).disabled).toBe(true);
    // No row still says "new" or "in library" beside "Saved".
    for (const row of within(list).getAllByRole('listitem')) {
      expect(row.querySelector('.badge')).toBeNull();
      expect(within(row).getByRole('button', { name: 'Saved' })).toBeTruthy();
    }
  });

  it('adds to a new collection in one step, saving the article', async () => {
    const { db, api } = await popupWith(PAGE);
    await openPageTab();
    const picker = (await screen.findAllByRole('combobox', { name: 'Add to a collection' }))[0];
    fireEvent.change(picker, { target: { value: '__new__' } });
    const name = await screen.findByRole('textbox', { name: 'Name of the new collection' });
    fireEvent.input(name, { target: { value: '问责研究' } });
    fireEvent.submit(name.closest('form')!);
    await screen.findByText('Added to “问责研究”.');
    const [collection] = await db.collections.toArray();
    expect(collection.name).toBe('问责研究');
    expect(await db.articles.get('p1')).toMatchObject({ collections: [collection.id], savedAt: expect.any(Number) });
    expect(api.libraryChanged).toHaveBeenCalledWith(['p1']);
  });

  it('refuses a duplicate collection name in plain words', async () => {
    const { db } = await popupWith(PAGE);
    await db.collections.add({ id: 'c1', name: '问责研究', createdAt: 1, updatedAt: 1 });
    await openPageTab();
    const picker = (await screen.findAllByRole('combobox', { name: 'Add to a collection' }))[0];
    fireEvent.change(picker, { target: { value: '__new__' } });
    const name = await screen.findByRole('textbox', { name: 'Name of the new collection' });
    fireEvent.input(name, { target: { value: '问责研究' } });
    fireEvent.submit(name.closest('form')!);
    expect((await screen.findByRole('alert')).textContent).toBe('A collection with this name exists.');
    expect(await db.collections.count()).toBe(1);
  });

  it('says when a page has nothing, and captures the tab on request', async () => {
    const api = fakeApi();
    await popupWith([], [], api);
    await screen.findByText('No articles were found on this page.');
    fireEvent.click(screen.getByRole('button', { name: 'Capture this tab' }));
    await waitFor(() => expect(api.requestCapture).toHaveBeenCalledWith(7));
  });

  it('captures a page never captured before as soon as it opens, and reports a failure', async () => {
    const api = fakeApi({ requestCapture: vi.fn(async () => ({ ok: false, error: 'Cannot access contents of the page. Extension manifest must request permission to access the respective host.' })) });
    const db = testDb();
    await writeSetting(db, 'uiLanguage', 'zh_CN');
    renderWithDb(db, <PopupApp db={db} tab={{ id: 9, url: 'https://blog.example/post' }} api={api} />);
    // The reader's language (once the settings are read); what the browser said only as a detail.
    await waitFor(() => expect(screen.getByRole('alert').querySelector('p')?.textContent).toBe('浏览器不允许扩展读取这个网页（浏览器自带页面、扩展商店、部分 PDF 阅读器）。'));
    const alert = screen.getByRole('alert');
    expect(alert.querySelector('details code')?.textContent).toMatch(/^Cannot access contents of the page/);
    expect(api.requestCapture).toHaveBeenCalledWith(9);
  });
});

describe('PopupApp: an article page', () => {
  it('shows the article as one compact row with Save and collection, its similar articles below', async () => {
    const api = fakeApi({ similar: vi.fn(async () => ({ ok: true, results: [{ id: 's1', score: 0.3, terms: ['问责'] }] }) as RankingReply) });
    const { db } = await popupWith([PAGE[0]], LIBRARY, api);
    const article = await screen.findByRole('list', { name: 'This article' });
    const row = within(article).getByRole('listitem');
    expect(row.querySelector('.excerpt-text')?.classList.contains('clamp-1')).toBe(true);
    expect(within(row).getByText('new')).toBeTruthy();
    expect(within(row).getByRole('combobox', { name: 'Add to a collection' })).toBeTruthy();
    expect(screen.queryByRole('tab')).toBeNull();
    const similar = await screen.findByRole('list', { name: 'Similar in your library' });
    // The similar list follows the article's row.
    expect(article.compareDocumentPosition(similar) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: /^Save “基层治理中的问责与避责”/ }));
    await waitFor(() => expect(within(row).getByRole('button', { name: 'Saved' })).toBeTruthy());
    expect(within(row).queryByText('new')).toBeNull();
    expect((await db.articles.get('p1'))?.savedAt).toBeGreaterThan(0);
  });
});

describe('PopupApp: similar in your library', () => {
  const SIMILAR = 'Similar to this page';
  const RESULTS: RankedArticle[] = [
    { id: 's1', score: 0.36, terms: ['问', '责', '避', '基层', '研究'] },
    { id: 's2', score: 0.2, terms: ['blame'] },
    { id: 'deleted-since', score: 0.2, terms: [] },
  ];
  const ranked = (): RankingReply => ({ ok: true, results: RESULTS });
  const idsIn = (list: HTMLElement) => within(list).getAllByRole('listitem').map((row) => row.getAttribute('data-article-id'));
  /** Rows show at once and find their shared words after: waits until every row of the list has. */
  const wordsFound = (list: HTMLElement) =>
    waitFor(() => expect(within(list).getAllByRole('listitem').map((row) => row.dataset.sharedWords)).toEqual(within(list).getAllByRole('listitem').map(() => 'found')));

  it('ranks against the page\'s articles together, with bars on one scale and the shared words marked', async () => {
    const api = fakeApi({ similar: vi.fn(async () => ranked()) });
    await popupWith(PAGE, [...LIBRARY, ...filler(100)], api);
    const list = await screen.findByRole('list', { name: SIMILAR });
    expect(api.similar).toHaveBeenCalledWith(['p1', 'p2'], expect.any(Number));
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(2); // an id the library no longer has is left out
    await wordsFound(list);
    // Whole words, each marked on its own; 研究 says nothing and is neither shown nor marked.
    expect([...rows[0].querySelector('.article-title')!.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['问责', '基层', '避责']);
    expect(rows[0].querySelector('.shared-terms')?.textContent).toBe('Shared words: 问责 · 避责 · 基层');
    // Absolute bars: 0.36 is a close match, 0.2 similar, whatever the best score.
    expect(within(rows[0]).getByRole('img').getAttribute('aria-label')).toBe('Close match, similarity 0.36');
    expect((rows[0].querySelector('.score-fill') as HTMLElement).style.width).toBe('90%');
    expect(within(rows[1]).getByRole('img').getAttribute('aria-label')).toBe('Similar, similarity 0.20');
    expect((rows[1].querySelector('.score-fill') as HTMLElement).style.width).toBe('50%');
    expect(within(rows[0]).getByText('Saved')).toBeTruthy();
    expect(within(rows[0]).getByText('in 1 collection')).toBeTruthy();
    expect(within(rows[0]).getByRole('link', { name: /on its site$/ }).getAttribute('href')).toBe('https://journal.example/1');
    expect(within(rows[0]).getByRole('link', { name: 'Open the PDF of “问责压力下的基层避责行为研究”' }).getAttribute('href')).toBe('https://journal.example/1.pdf');
    expect(within(rows[1]).queryByRole('link')).toBeNull(); // a javascript: URL is never a link
    expect(screen.queryByText(/no match is called close/)).toBeNull();
  });

  it('never calls a match close in a small library, and says why', async () => {
    const api = fakeApi({ similar: vi.fn(async () => ranked()) });
    await popupWith(PAGE, LIBRARY, api);
    const list = await screen.findByRole('list', { name: SIMILAR });
    const [first] = within(list).getAllByRole('listitem');
    expect(within(first).getByRole('img').getAttribute('aria-label')).toBe('Similar, similarity 0.36');
    expect(Number.parseFloat((first.querySelector('.score-fill') as HTMLElement).style.width)).toBeLessThan(70);
    expect(screen.getByText('Your library holds 4 articles: until it holds 100, no match is called close.')).toBeTruthy();
  });

  it('says plainly that nothing is close when no score clears the threshold, and shows the nearest on request as weak', async () => {
    const api = fakeApi({
      similar: vi.fn(async () => ({ ok: true, results: [{ id: 's1', score: 0.09, terms: ['问'] }, { id: 's2', score: 0.05, terms: [] }] }) as RankingReply),
    });
    await popupWith(PAGE, LIBRARY, api);
    await screen.findByText('Nothing close in your library yet: none of its 4 articles is similar enough.');
    expect(screen.getByText(/^Simlit keeps the articles of every journal page you open/)).toBeTruthy();
    expect(screen.queryByRole('list', { name: SIMILAR })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show the nearest anyway' }));
    const weak = await screen.findByRole('list', { name: 'Nearest, though not similar' });
    expect(idsIn(weak)).toEqual(['s1', 's2']);
    await wordsFound(weak);
    for (const row of within(weak).getAllByRole('listitem')) expect(within(row).getByRole('img').getAttribute('aria-label')).toMatch(/^Weak match, similarity 0\.0\d$/);
    expect(weak.querySelectorAll('mark')).toHaveLength(0); // a lone character shared is no word
    fireEvent.click(screen.getByRole('button', { name: 'Hide the weak matches' }));
    expect(screen.queryByRole('list', { name: 'Nearest, though not similar' })).toBeNull();
  });

  it('shows weaker matches below the similar ones only on request', async () => {
    const api = fakeApi({
      similar: vi.fn(async () => ({ ok: true, results: [{ id: 's1', score: 0.3, terms: ['问'] }, { id: 's2', score: 0.1, terms: [] }] }) as RankingReply),
    });
    await popupWith(PAGE, LIBRARY, api);
    expect(idsIn(await screen.findByRole('list', { name: SIMILAR }))).toEqual(['s1']);
    fireEvent.click(screen.getByRole('button', { name: 'Show 1 weaker match' }));
    expect(idsIn(await screen.findByRole('list', { name: 'Nearest, though not similar' }))).toEqual(['s2']);
  });

  it('shows the answer ranked at capture time at once, then the background\'s fresh one', async () => {
    let answer: (reply: RankingReply) => void = () => {};
    const api = fakeApi({ similar: vi.fn(() => new Promise<RankingReply>((resolve) => (answer = resolve))) });
    await popupWith(PAGE, LIBRARY, api, TAB, [{ id: 's2', score: 0.4, terms: ['blame'] }]);
    const ids = () => idsIn(screen.getByRole('list', { name: SIMILAR }));
    const busy = () => screen.getByRole('list', { name: SIMILAR }).getAttribute('aria-busy');
    await waitFor(() => expect(ids()).toEqual(['s2']));
    expect(busy()).toBe('true'); // the earlier answer is marked as awaiting the fresh one
    await waitFor(() => expect(api.similar).toHaveBeenCalled()); // shown before the question is even asked
    answer({ ok: true, results: [{ id: 's1', score: 0.5, terms: ['问责'] }] });
    await waitFor(() => expect(ids()).toEqual(['s1']));
    expect(busy()).toBe('false');
  });

  it('shows the answer ranked at capture time as current while the library is as it was then, without waiting for the background', async () => {
    const api = fakeApi({ similar: vi.fn(() => new Promise<RankingReply>(() => {})) }); // a background that never answers
    const library = [...PAGE, ...LIBRARY];
    const asOf = { newest: Math.max(...library.map((article) => article.updatedAt)), size: library.length };
    const { db } = await popupWith(PAGE, LIBRARY, api, TAB, [{ id: 's2', score: 0.4, terms: ['blame'] }], testDb(), asOf);
    const busy = () => screen.getByRole('list', { name: SIMILAR }).getAttribute('aria-busy');
    await waitFor(() => expect(busy()).toBe('false'));
    expect(idsIn(screen.getByRole('list', { name: SIMILAR }))).toEqual(['s2']);
    expect(document.querySelector('.similar-results')?.getAttribute('data-answer')).toBe('kept');
    // A change since (here, an article added) and it is only the earlier answer again, awaiting the fresh one.
    await db.articles.add(makeArticle('new', { title: 'Added since', updatedAt: asOf.newest + 1 }));
    await waitFor(() => expect(busy()).toBe('true'));
  });

  it('asks the background once the rows\' shared words are found when the kept answer is current, and at once when it is not', async () => {
    const rowsFinding = () => document.querySelectorAll('[data-shared-words="finding"]').length;
    const asked = (seen: number[]) => fakeApi({ similar: vi.fn(() => (seen.push(rowsFinding()), new Promise<RankingReply>(() => {}))) });
    const library = [...PAGE, ...LIBRARY];
    const asOf = { newest: Math.max(...library.map((article) => article.updatedAt)), size: library.length };
    const current: number[] = [];
    await popupWith(PAGE, LIBRARY, asked(current), TAB, [{ id: 's2', score: 0.4, terms: ['blame'] }], testDb(), asOf);
    await waitFor(() => expect(current).toHaveLength(1));
    expect(current).toEqual([0]);
    expect(screen.getByRole('list', { name: SIMILAR }).querySelector('[data-shared-words="found"]')).not.toBeNull();
    cleanup();
    const stale: number[] = [];
    await popupWith(PAGE, LIBRARY, asked(stale), TAB, [{ id: 's2', score: 0.4, terms: ['blame'] }], testDb(), { ...asOf, newest: asOf.newest - 1 });
    await waitFor(() => expect(stale).toHaveLength(1));
    expect(stale[0]).toBeGreaterThan(0); // asked while the kept row was still finding its words
  });

  it('reads the scores against the size of the index that answered while the library is still being counted', async () => {
    const db = testDb();
    vi.spyOn(db.counters, 'get').mockImplementation((() => new Dexie.Promise(() => {})) as unknown as typeof db.counters.get); // a count that takes long
    const api = fakeApi({ similar: vi.fn(async () => ({ ok: true, results: [{ id: 's1', score: 0.36, terms: ['问责'] }], librarySize: 250 }) as RankingReply) });
    await popupWith(PAGE, LIBRARY, api, TAB, undefined, db);
    const list = await screen.findByRole('list', { name: SIMILAR });
    expect(within(list).getByRole('img').getAttribute('aria-label')).toBe('Close match, similarity 0.36'); // close: the index holds 250
  });

  it('reads the kept answer\'s scores against the size it was ranked at while the library is still being counted', async () => {
    const db = testDb();
    vi.spyOn(db.counters, 'get').mockImplementation((() => new Dexie.Promise(() => {})) as unknown as typeof db.counters.get);
    const api = fakeApi({ similar: vi.fn(() => new Promise<RankingReply>(() => {})) });
    await popupWith(PAGE, LIBRARY, api, TAB, [{ id: 's1', score: 0.36, terms: ['问责'] }], db, { newest: 1, size: 4 });
    const list = await screen.findByRole('list', { name: SIMILAR });
    expect(within(list).getByRole('img').getAttribute('aria-label')).toBe('Similar, similarity 0.36'); // 4 articles: nothing is called close yet
    expect(list.getAttribute('aria-busy')).toBe('true'); // not known current until the library is counted
  });

  it('expands an abstract with the shared words marked, and pivots to more like this under a short heading', async () => {
    const untitled = makeArticle('s3', { title: undefined, abstract: '在压力型体制下,基层干部面对问责压力采取避责行为的机制与后果'.repeat(4) });
    const api = fakeApi({ similar: vi.fn(async () => ({ ok: true, results: [...RESULTS, { id: 's3', score: 0.25, terms: ['问', '责'] }] }) as RankingReply) });
    await popupWith(PAGE, [...LIBRARY, untitled], api);
    const list = await screen.findByRole('list', { name: SIMILAR });
    const first = within(list).getAllByRole('listitem')[0];
    await wordsFound(list);
    const toggle = within(first).getByRole('button', { name: 'Show the abstract of “问责压力下的基层避责行为研究”' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const abstract = first.querySelector('.abstract')!;
    expect(abstract.textContent).toBe('研究发现基层干部的避责行为源于问责压力。');
    expect([...abstract.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['基层', '避责', '问责']);
    fireEvent.click(within(first).getByRole('button', { name: 'Find articles like “问责压力下的基层避责行为研究”' }));
    await screen.findByRole('heading', { name: 'Similar to “问责压力下的基层避责行为研究”' });
    await waitFor(() => expect(api.similar).toHaveBeenLastCalledWith(['s1'], expect.any(Number)));
    fireEvent.click(screen.getByRole('button', { name: /Back to this page/ }));
    await screen.findByRole('list', { name: SIMILAR });
    // An untitled article's heading names it in a few words, not its abstract's first hundred characters.
    const row = within(await screen.findByRole('list', { name: SIMILAR })).getAllByRole('listitem').find((li) => li.getAttribute('data-article-id') === 's3')!;
    fireEvent.click(within(row).getByRole('button', { name: /^Find articles like/ }));
    const heading = await screen.findByRole('heading', { name: /^Similar to “在压力型体制下/ });
    expect(heading.textContent!.length).toBeLessThanOrEqual('Similar to “”…'.length + 40);
    expect(heading.getAttribute('title')).toBe(untitled.abstract!.slice(0, 90) + '…');
  });

  it('filters by saved, language and year', async () => {
    const api = fakeApi({ similar: vi.fn(async () => ranked()) });
    await popupWith(PAGE, LIBRARY, api);
    const list = await screen.findByRole('list', { name: SIMILAR });
    const count = () => within(screen.getByRole('list', { name: SIMILAR })).getAllByRole('listitem').length;
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Saved only' }));
    await waitFor(() => expect(count()).toBe(1));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Saved only' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'en' } });
    await waitFor(() => expect(count()).toBe(1));
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: '' } });
    fireEvent.input(screen.getByRole('spinbutton', { name: 'From year' }), { target: { value: '2018' } });
    await waitFor(() => expect(count()).toBe(1));
    expect(screen.getByRole('list', { name: SIMILAR }).textContent).toContain('问责压力下');
  });

  it('shows the index building progress, then the results', async () => {
    let calls = 0;
    const api = fakeApi({
      similar: vi.fn(async () => (++calls === 1 ? ({ ok: true, indexing: { done: 400, total: 1000 } } as RankingReply) : ranked())),
    });
    await popupWith(PAGE, LIBRARY, api);
    await screen.findByText('Building the similarity index… 40%');
    await screen.findByRole('list', { name: SIMILAR });
  });

  it('says so when nothing is similar at all, and when ranking failed', async () => {
    await popupWith(PAGE, LIBRARY);
    await screen.findByText(/^Nothing close in your library yet: none of its 4 articles/);
    expect(screen.queryByRole('button', { name: 'Show the nearest anyway' })).toBeNull();
    cleanup();
    await popupWith(PAGE, LIBRARY, fakeApi({ similar: vi.fn(async () => ({ ok: false, error: 'index unreadable' }) as RankingReply) }));
    expect((await screen.findByRole('alert')).textContent).toBe('Similar articles could not be found: index unreadable');
  });

  it('renders hostile page text as text', async () => {
    const hostile = makeArticle('h', { title: '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>问责', abstract: '<b>bold</b> 问责' });
    const api = fakeApi({ similar: vi.fn(async () => ({ ok: true, results: [{ id: 'h', score: 1, terms: ['问责', 'img'] }] }) as RankingReply) });
    await popupWith(PAGE, [hostile], api);
    const list = await screen.findByRole('list', { name: SIMILAR });
    fireEvent.click(within(list).getByRole('button', { name: /Show the abstract/ }));
    expect(list.querySelector('img, script, b')).toBeNull();
    expect(list.textContent).toContain('<script>window.pwned=2</script>');
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });
});

describe('PopupApp: quick search', () => {
  it('searches the library and shows the hits in place of the page sections', async () => {
    const api = fakeApi({ search: vi.fn(async () => ({ ok: true, results: [{ id: 's2', score: 3, terms: ['blame'] }] }) as RankingReply) });
    await popupWith(PAGE, LIBRARY, api);
    fireEvent.input(await screen.findByRole('searchbox', { name: 'Search your library' }), { target: { value: ' blame ' } });
    const list = await screen.findByRole('list', { name: 'Search results' });
    expect(api.search).toHaveBeenCalledWith('blame', expect.any(Number));
    expect(within(list).getByText('Blame')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'This page' })).toBeNull();
  });

  it('says when nothing matches', async () => {
    await popupWith(PAGE, LIBRARY);
    fireEvent.input(await screen.findByRole('searchbox', { name: 'Search your library' }), { target: { value: '量子' } });
    await screen.findByText('Nothing in your library matches “量子”.');
  });
});

describe('PopupApp: navigation', () => {
  it('opens the library and the options pages', async () => {
    const api = fakeApi();
    await popupWith(PAGE, [], api);
    fireEvent.click(await screen.findByRole('button', { name: 'Library' }));
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    expect(api.openPage).toHaveBeenNthCalledWith(1, 'library');
    expect(api.openPage).toHaveBeenNthCalledWith(2, 'options');
  });

  it('says so when the tab shows no web page', async () => {
    await popupWith([], [], fakeApi(), null);
    await screen.findByText('There is no web page in this tab to read.');
  });
});
