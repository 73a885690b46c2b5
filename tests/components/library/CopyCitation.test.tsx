// @vitest-environment jsdom
// Dexie's live queries run only where a global indexedDB exists when Dexie loads: import it first.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { ArticleDetail } from '@/components/library/ArticleDetail';
import { PREPARE_AFTER_MS } from '@/components/library/CopyCitation';
import { LibraryApp } from '@/components/library/LibraryApp';
import { inPageFormatter, type Formatter } from '@/components/library/formatter';
import type { SimlitDB } from '@/lib/db/schema';
import { testDb } from '../../lib/db/test-db';
import { renderWithDb } from '../render-with-db';
import { CHINESE, CHINESE_GBT, ENGLISH, ENGLISH_GBT, OTHER } from './citable-articles';

function stubClipboard(writeText: (text: string) => Promise<void>) {
  const spy = vi.fn(writeText);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: spy }, configurable: true });
  return spy;
}

afterEach(() => {
  cleanup();
  Reflect.deleteProperty(navigator, 'clipboard');
});

async function detailOf(id: string, formatter?: Formatter, browserLanguage = 'en'): Promise<SimlitDB> {
  const db = testDb();
  await db.articles.bulkAdd([CHINESE, ENGLISH, OTHER]);
  renderWithDb(db, <ArticleDetail db={db} id={id} collections={[]} formatter={formatter} onClose={() => {}} onDelete={() => {}} />, browserLanguage);
  await screen.findByRole('heading', { level: 2 });
  return db;
}

function chooseStyle(value: 'gbt7714' | 'apa') {
  fireEvent.change(screen.getByRole('combobox', { name: 'Citation style' }), { target: { value } });
}

describe('Copy citation', { timeout: 30_000 }, () => {
  it('writes the GB/T 7714 reference of the article to the clipboard', async () => {
    const writeText = stubClipboard(async () => {});
    await detailOf(CHINESE.id);
    chooseStyle('gbt7714');
    fireEvent.click(screen.getByRole('button', { name: 'Copy citation' }));
    await screen.findByText('Copied to the clipboard.');
    expect(writeText).toHaveBeenCalledExactlyOnceWith(CHINESE_GBT);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the text selected in a box when the clipboard refuses, or when there is no clipboard', async () => {
    stubClipboard(async () => {
      throw new DOMException('Document is not focused.', 'NotAllowedError');
    });
    await detailOf(ENGLISH.id);
    chooseStyle('gbt7714');
    fireEvent.click(screen.getByRole('button', { name: 'Copy citation' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/clipboard could not be written/);
    const box = screen.getByRole('textbox', { name: 'Citation text' }) as HTMLTextAreaElement;
    expect(box.value).toBe(ENGLISH_GBT);
    expect(box.readOnly).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, ENGLISH_GBT.length]);
    expect(screen.queryByText('Copied to the clipboard.')).toBeNull();
    cleanup();

    Reflect.deleteProperty(navigator, 'clipboard');
    await detailOf(CHINESE.id);
    chooseStyle('gbt7714');
    fireEvent.click(screen.getByRole('button', { name: 'Copy citation' }));
    expect(((await screen.findByRole('textbox', { name: 'Citation text' })) as HTMLTextAreaElement).value).toBe(CHINESE_GBT);
  });

  it('shows a busy state while formatting (APA builds its engine slowly) and keeps the button from a second press', async () => {
    const writeText = stubClipboard(async () => {});
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: Formatter = { ...inPageFormatter, citation: async (items, style) => gate.then(() => inPageFormatter.citation(items, style)) };
    await detailOf(ENGLISH.id, slow);
    expect((screen.getByRole('combobox', { name: 'Citation style' }) as HTMLSelectElement).value).toBe('apa');
    const button = screen.getByRole('button', { name: 'Copy citation' }) as HTMLButtonElement;
    fireEvent.click(button);
    await screen.findByText(/Formatting… The first APA citation takes a few seconds/);
    expect(button.disabled).toBe(true);
    expect(document.querySelector('.copy-citation')?.getAttribute('aria-busy')).toBe('true');
    release();
    await screen.findByText('Copied to the clipboard.');
    expect(writeText).toHaveBeenCalledExactlyOnceWith('Smith, J., & Doe, J. (2020). Deep learning for tumour segmentation. Medical Image Analysis, 61, 101–110.');
    expect(button.disabled).toBe(false);
  }, 40_000);

  it('gets the style shown for a moment ready before the button is pressed, not one switched away from at once', async () => {
    const prepare = vi.fn();
    await detailOf(ENGLISH.id, { ...inPageFormatter, prepare });
    await waitFor(() => expect(prepare.mock.calls).toEqual([['apa']]));
    cleanup();

    const second = vi.fn();
    await detailOf(ENGLISH.id, { ...inPageFormatter, prepare: second });
    chooseStyle('gbt7714');
    await waitFor(() => expect(second).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, PREPARE_AFTER_MS));
    expect(second.mock.calls).toEqual([['gbt7714']]);
  });

  it('keeps the reader\'s choice of style for the next article, across openings of the library', async () => {
    const db = await detailOf(ENGLISH.id);
    chooseStyle('gbt7714');
    await waitFor(async () => expect((await db.settings.get('citationStyle'))?.value).toBe('gbt7714'));
    cleanup();
    renderWithDb(db, <ArticleDetail db={db} id={OTHER.id} collections={[]} onClose={() => {}} onDelete={() => {}} />, 'en');
    await screen.findByRole('heading', { level: 2 });
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Citation style' }) as HTMLSelectElement).value).toBe('gbt7714'));
  });

  it('starts on GB/T 7714 in the Chinese interface', async () => {
    await detailOf(CHINESE.id, undefined, 'zh-CN');
    expect((screen.getByRole('combobox', { name: '引文格式' }) as HTMLSelectElement).value).toBe('gbt7714');
    expect(screen.getByRole('button', { name: '复制引文' })).toBeTruthy();
  });

  it('copies the selected articles as a numbered reference list, in list order', async () => {
    const writeText = stubClipboard(async () => {});
    const db = testDb();
    await db.articles.bulkAdd([CHINESE, ENGLISH, OTHER]);
    renderWithDb(db, <LibraryApp db={db} />);
    await screen.findByRole('list', { name: 'Articles' });
    fireEvent.click(screen.getByRole('checkbox', { name: `Select “${ENGLISH.title}”` }));
    fireEvent.click(screen.getByRole('checkbox', { name: `Select “${CHINESE.title}”` }));
    const bulk = within(screen.getByRole('region', { name: 'Actions on the selected articles' }));
    fireEvent.change(bulk.getByRole('combobox', { name: 'Citation style' }), { target: { value: 'gbt7714' } });
    fireEvent.click(bulk.getByRole('button', { name: 'Copy reference list' }));
    await bulk.findByText('Copied to the clipboard.');
    expect(writeText).toHaveBeenCalledExactlyOnceWith(`[1] ${CHINESE_GBT}\n[2] ${ENGLISH_GBT}\n`);
  });
});
