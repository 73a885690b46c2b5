// @vitest-environment jsdom
// Dexie's live queries run only where a global indexedDB exists when Dexie loads: import it first.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import { formatterFrom, inPageFormatter, runInPage } from '@/components/library/formatter';
import { addToCollection, createCollection } from '@/lib/db/collections';
import { testDb } from '../../lib/db/test-db';
import { renderWithDb } from '../render-with-db';
import { makeArticle } from '../../lib/db/library-fixtures';
import { CHINESE, CHINESE_GBT, ENGLISH, ENGLISH_GBT, OTHER } from './citable-articles';
import { downloadsOnDay } from './download-spy';
import { recordTexts } from '../watch-page';

const spy = downloadsOnDay('2026-03-05T10:00:00Z');

/** The list once the page has read it whole (its first rows come through the listing's indexes). */
async function wholeList(): Promise<void> {
  const list = await screen.findByRole('list', { name: 'Articles' });
  await waitFor(() => expect(list.getAttribute('aria-busy')).toBe('false'));
}

async function libraryWithCollection() {
  const db = testDb();
  await db.articles.bulkAdd([CHINESE, ENGLISH, OTHER]);
  const thesis = await createCollection(db, '毕业论文: 第2章');
  await addToCollection(db, thesis.id, [CHINESE.id, ENGLISH.id]);
  renderWithDb(db, <LibraryApp db={db} />);
  await wholeList();
  return { db, thesis };
}

function openExport() {
  fireEvent.click(screen.getByRole('button', { name: 'Export…' }));
  return within(screen.getByRole('region', { name: 'Export' }));
}

/** Values of one RIS tag, in file order. */
function risValues(text: string, tag: string): string[] {
  return [...text.matchAll(new RegExp(`^${tag}  - (.*)$`, 'gm'))].map((m) => m[1].trim());
}

/**
 * A library of 1,201 complete articles (more than one read of the export panel), newest capture
 * first in the list (a-1200 … a-0), shown whole, with the export panel open on the whole library
 * in `format`.
 */
async function largeLibraryExport(format: string) {
  const db = testDb();
  const articles = Array.from({ length: 1201 }, (_, i) =>
    makeArticle(`a-${i}`, { title: `Article ${i}`, author: [{ family: 'Wang' }], issued: { 'date-parts': [[2020]] }, capturedAt: 1_700_000_000_000 + i }),
  );
  await db.articles.bulkAdd(articles);
  renderWithDb(db, <LibraryApp db={db} />);
  await wholeList();
  const panel = openExport();
  fireEvent.click(panel.getByRole('radio', { name: 'Whole library (1,201)' }));
  fireEvent.change(panel.getByRole('combobox', { name: 'Format' }), { target: { value: format } });
  return { db, articles, panel };
}

/**
 * The library page on CHINESE and ENGLISH, their export as RIS asked for, its formatter holding
 * the file until `release` is called; `state` says when the file was asked for and made.
 */
async function heldExport() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const state = { asked: false, made: false };
  const held = formatterFrom(async (request) => {
    state.asked = true;
    await gate;
    const result = await runInPage(request);
    state.made = true;
    return result;
  });
  const db = testDb();
  await db.articles.bulkAdd([CHINESE, ENGLISH]);
  renderWithDb(db, <LibraryApp db={db} formatter={held} />);
  await wholeList();
  const panel = openExport();
  fireEvent.click(panel.getByRole('button', { name: 'Download' }));
  // The articles read, the file is being made.
  await waitFor(() => expect(state.asked).toBe(true));
  expect(panel.getByText('Preparing the file of 2 articles…')).toBeTruthy();
  return { panel, release, state };
}

describe('Export panel', { timeout: 30_000 }, () => {
  it('cancels an export under way: nothing is downloaded, even once the file is made', async () => {
    const { panel, release, state } = await heldExport();
    fireEvent.click(panel.getByRole('button', { name: 'Cancel' }));
    await panel.findByText('Export cancelled: nothing was downloaded.');
    expect(panel.queryByRole('button', { name: 'Cancel' })).toBeNull();
    release();
    await waitFor(() => expect(state.made).toBe(true));
    expect(spy.current.downloads).toHaveLength(0);
    // The next export runs as usual.
    fireEvent.click(panel.getByRole('button', { name: 'Download' }));
    await panel.findByText(/^Downloaded simlit-ris-2026-03-05\.ris \(2 articles\)\.$/);
    expect(spy.current.downloads).toHaveLength(1);
  });

  it('stops an export under way when its panel is closed: nothing is downloaded later', async () => {
    const { panel, release, state } = await heldExport();
    fireEvent.click(panel.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Export' })).toBeNull());
    release();
    await waitFor(() => expect(state.made).toBe(true));
    expect(spy.current.downloads).toHaveLength(0);
  });

  it('downloads the shown collection as RIS, named after the collection, and frees the object URL', async () => {
    await libraryWithCollection();
    fireEvent.click(screen.getByRole('button', { name: /毕业论文: 第2章 \(2\)/ }));
    await waitFor(() => expect(document.querySelectorAll('.row-title')).toHaveLength(2));
    const panel = openExport();
    expect((panel.getByRole('radio', { name: 'Collection “毕业论文: 第2章” (2)' }) as HTMLInputElement).checked).toBe(true);
    expect((panel.getByRole('combobox', { name: 'Format' }) as HTMLSelectElement).value).toBe('ris');
    fireEvent.click(panel.getByRole('button', { name: 'Download' }));
    await panel.findByText(/^Downloaded/);
    expect(spy.current.downloads).toHaveLength(1);
    const [file] = spy.current.downloads;
    // ":" is refused by file systems; the Chinese name stays.
    expect(file.fileName).toBe('毕业论文 第2章-ris-2026-03-05.ris');
    expect(file.blob.type).toBe('application/x-research-info-systems;charset=utf-8');
    const text = await file.blob.text();
    expect(risValues(text, 'TI')).toEqual([CHINESE.title, ENGLISH.title]);
    expect(risValues(text, 'AU')).toEqual(['张伟', '李娜', '王强', '赵敏', 'Smith, John', 'Doe, Jane']);
    expect(risValues(text, 'DO')).toEqual([CHINESE.DOI]);
    expect(panel.getByText(`Downloaded ${file.fileName} (2 articles).`)).toBeTruthy();
    await waitFor(() => expect(spy.current.revoked).toEqual([file.url]));
  });

  it('exports the selection as a GB/T 7714 list in list order, or the whole library as BibTeX', async () => {
    await libraryWithCollection();
    fireEvent.click(screen.getByRole('checkbox', { name: `Select “${ENGLISH.title}”` }));
    fireEvent.click(screen.getByRole('checkbox', { name: `Select “${CHINESE.title}”` }));
    const panel = openExport();
    expect((panel.getByRole('radio', { name: 'Selected articles (2)' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.change(panel.getByRole('combobox', { name: 'Format' }), { target: { value: 'gbt7714' } });
    fireEvent.click(panel.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(spy.current.downloads).toHaveLength(1));
    expect(spy.current.downloads[0].fileName).toBe('simlit-gbt7714-2026-03-05.txt');
    // Newest capture first, as listed: the Chinese article, then the English one.
    expect(await spy.current.downloads[0].blob.text()).toBe(`[1] ${CHINESE_GBT}\n[2] ${ENGLISH_GBT}\n`);

    fireEvent.click(panel.getByRole('radio', { name: 'Whole library (3)' }));
    fireEvent.change(panel.getByRole('combobox', { name: 'Format' }), { target: { value: 'bibtex' } });
    fireEvent.click(panel.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(spy.current.downloads).toHaveLength(2));
    expect(spy.current.downloads[1].fileName).toBe('simlit-bibtex-2026-03-05.bib');
    const bib = await spy.current.downloads[1].blob.text();
    expect(bib.match(/^@article\{/gm)).toHaveLength(3);
    for (const article of [CHINESE, ENGLISH, OTHER]) expect(bib).toContain(`title = {${article.title}}`);
  });

  it('gets a citation style ready as soon as it is chosen as the format', async () => {
    const db = testDb();
    await db.articles.bulkAdd([CHINESE, ENGLISH]);
    const prepare = vi.fn();
    renderWithDb(db, <LibraryApp db={db} formatter={{ ...inPageFormatter, prepare }} />);
    await wholeList();
    const format = openExport().getByRole('combobox', { name: 'Format' });
    fireEvent.change(format, { target: { value: 'bibtex' } });
    expect(prepare).not.toHaveBeenCalled();
    fireEvent.change(format, { target: { value: 'apa' } });
    expect(prepare.mock.calls).toEqual([['apa']]);
  });

  it('offers every export format, and the Export button is off in an empty library', async () => {
    await libraryWithCollection();
    const panel = openExport();
    const formats = within(panel.getByRole('combobox', { name: 'Format' })).getAllByRole('option').map((o) => (o as HTMLOptionElement).value);
    expect(formats.sort()).toEqual(['apa', 'biblatex', 'bibtex', 'csl-json', 'csv', 'enw', 'gbt7714', 'markdown', 'ris']);
    // Keyboard: the open panel has the focus; Escape closes it and gives the focus back to its button.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Export' })));
    fireEvent.keyDown(panel.getByRole('combobox', { name: 'Format' }), { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Export' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Export…' }));
    expect(screen.getByRole('button', { name: 'Export…' }).getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(openExport().getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('region', { name: 'Export' })).toBeNull();
    cleanup();

    const empty = testDb();
    renderWithDb(empty, <LibraryApp db={empty} />);
    await screen.findByText(/The library is empty/);
    expect((screen.getByRole('button', { name: 'Export…' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says how many records are incomplete before writing them, and writes all, the complete ones or nothing', async () => {
    const db = testDb();
    // Items of a list page without titles (as the seed's), one without authors or year either.
    const untitled = makeArticle('l1', { title: undefined, abstract: '从中央和地方两个层面提出一个解释框架。', author: [{ literal: '王' }], issued: { 'date-parts': [[2020]] }, capturedAt: 9 });
    const bare = makeArticle('l2', { title: undefined, abstract: '问责压力下基层干部的避责行为。', capturedAt: 8 });
    await db.articles.bulkAdd([CHINESE, ENGLISH, untitled, bare]);
    renderWithDb(db, <LibraryApp db={db} />);
    await wholeList();
    const panel = openExport();
    fireEvent.change(panel.getByRole('combobox', { name: 'Format' }), { target: { value: 'gbt7714' } });
    fireEvent.click(panel.getByRole('button', { name: 'Download' }));
    const warning = within(await panel.findByRole('alertdialog'));
    expect(warning.getByText('2 of the 4 articles to export are incomplete: their references lack a title, authors or year.')).toBeTruthy();
    expect(warning.getByText('2 without a title, 1 without authors, 1 without a year')).toBeTruthy();
    expect(spy.current.downloads).toHaveLength(0);
    await waitFor(() => expect(document.activeElement).toBe(warning.getByRole('button', { name: 'Export all 4 anyway' })));

    fireEvent.click(warning.getByRole('button', { name: 'Cancel' }));
    expect(panel.queryByRole('alertdialog')).toBeNull();
    expect(spy.current.downloads).toHaveLength(0);

    fireEvent.click(panel.getByRole('button', { name: 'Download' }));
    fireEvent.click(within(await panel.findByRole('alertdialog')).getByRole('button', { name: 'Export only the 2 complete' }));
    await waitFor(() => expect(spy.current.downloads).toHaveLength(1));
    const text = await spy.current.downloads[0].blob.text();
    expect(text).toBe(`[1] ${CHINESE_GBT}\n[2] ${ENGLISH_GBT}\n`);
    expect(text).not.toMatch(/^\[\d+\] \[J\]/m); // the empty reference of an untitled, authorless item
    expect(panel.getByText(/\(2 articles\)\.$/)).toBeTruthy();

    fireEvent.click(panel.getByRole('button', { name: 'Download' }));
    fireEvent.click(within(await panel.findByRole('alertdialog')).getByRole('button', { name: 'Export all 4 anyway' }));
    await waitFor(() => expect(spy.current.downloads).toHaveLength(2));
    expect((await spy.current.downloads[1].blob.text()).split('\n').filter(Boolean)).toHaveLength(4);
  });

  it('asks nothing when every record is complete', async () => {
    await libraryWithCollection();
    const panel = openExport();
    fireEvent.click(panel.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(spy.current.downloads).toHaveLength(1));
    expect(panel.queryByRole('alertdialog')).toBeNull();
  });

  it('exports a library larger than one read, every article once, in list order', async () => {
    const { articles, panel } = await largeLibraryExport('csl-json');
    fireEvent.click(panel.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(spy.current.downloads).toHaveLength(1));
    const exported = JSON.parse(await spy.current.downloads[0].blob.text()) as { title: string }[];
    expect(exported.map((item) => item.title)).toEqual(articles.map((article) => article.title).reverse());
  });

  it('says how far a first BibTeX export has got in giving the articles their citation keys', async () => {
    const { db, articles, panel } = await largeLibraryExport('bibtex');
    const { said, stop } = recordTexts(panel.getByRole('status'));
    fireEvent.click(panel.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(spy.current.downloads).toHaveLength(1));
    stop();
    expect(said).toContain('Giving the articles their citation keys (once per article): 1,000 of 1,201…');
    expect(said.at(-1)).toMatch(/^Downloaded simlit-bibtex-2026-03-05\.bib \(1,201 articles\)\.$/);
    const given = await db.citationKeys.bulkGet(articles.map((article) => article.id));
    expect(given.every((row) => row?.key)).toBe(true);
    // A CSL-JSON export afterwards carries the keys given.
    fireEvent.change(panel.getByRole('combobox', { name: 'Format' }), { target: { value: 'csl-json' } });
    fireEvent.click(panel.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(spy.current.downloads).toHaveLength(2));
    const exported = JSON.parse(await spy.current.downloads[1].blob.text()) as { id: string; 'citation-key'?: string }[];
    const keyOf = new Map(given.map((row) => [row!.id, row!.key]));
    expect(exported).toHaveLength(1201);
    expect(exported.map((item) => item['citation-key'] ?? 'none')).toEqual(exported.map((item) => keyOf.get(item.id)));
  });
});

