// @vitest-environment jsdom
// Dexie's live queries run only where a global indexedDB exists when Dexie loads: import it first.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { ArticleDetail } from '@/components/library/ArticleDetail';
import { createCollection, listCollections } from '@/lib/db/collections';
import type { SimlitDB } from '@/lib/db/schema';
import { testDb } from '../../lib/db/test-db';
import { makeArticle } from '../../lib/db/library-fixtures';
import { renderWithDb } from '../render-with-db';

afterEach(cleanup);

const BILINGUAL = makeArticle('q1', {
  title: '基于深度学习的肺结节检测',
  altTitle: 'Lung nodule detection based on deep learning',
  abstract: '目的 探讨深度学习方法在肺结节检测中的价值。',
  altAbstract: 'Objective To explore the value of deep learning in lung nodule detection.',
  author: [{ literal: '李明' }, { literal: '王芳' }],
  'container-title': '中华放射学杂志',
  issued: { 'date-parts': [[2018, 4, 15]] },
  volume: '52',
  issue: '4',
  page: '281-286',
  publisher: '中华医学会',
  ISSN: '1005-1201',
  DOI: '10.3760/cma.j.issn.1005-1201.2018.04.008',
  URL: 'https://example.org/article/q1',
  pdfUrl: 'https://example.org/article/q1.pdf',
  keyword: '深度学习; 肺结节',
  language: 'zh',
  platform: 'qinyun',
  note: 'old note',
  tags: ['肺'],
  capturedAt: Date.UTC(2024, 0, 2, 12),
  sightings: [
    { pageUrl: 'https://example.org/list', platform: 'qinyun', position: 3, capturedAt: Date.UTC(2024, 0, 2, 12) },
    { pageUrl: 'javascript:alert(1)', platform: 'qinyun', capturedAt: Date.UTC(2024, 0, 5, 12) },
  ],
});

async function showDetail(db: SimlitDB, id = 'q1', handlers: { onClose?: () => void; onDelete?: (ids: string[]) => void } = {}) {
  const collections = await listCollections(db, 'en');
  renderWithDb(db, <ArticleDetail db={db} id={id} collections={collections} onClose={handlers.onClose ?? (() => {})} onDelete={handlers.onDelete ?? (() => {})} />);
  await screen.findByRole('heading', { level: 2 });
}

function field(label: string): string | null | undefined {
  const term = screen.getAllByRole('term').find((dt) => dt.textContent === label);
  return term?.nextElementSibling?.textContent;
}

describe('ArticleDetail', () => {
  it('shows every field, the abstract and the English title and abstract', async () => {
    const db = testDb();
    await db.articles.add(BILINGUAL);
    await showDetail(db);
    expect(screen.getByRole('heading', { name: '基于深度学习的肺结节检测' }).getAttribute('lang')).toBe('zh-CN');
    expect(screen.getByText('Lung nodule detection based on deep learning')).toBeTruthy();
    expect(field('Authors')).toBe('李明, 王芳');
    expect(field('Source')).toBe('中华放射学杂志');
    expect(field('Published')).toBe('April 15, 2018');
    expect([field('Volume'), field('Issue'), field('Pages')]).toEqual(['52', '4', '281-286']);
    expect([field('Publisher'), field('ISSN'), field('Language'), field('Site')]).toEqual(['中华医学会', '1005-1201', 'Chinese', 'Qinyun (E-Tiller) journal']);
    expect(field('Type')).toBe('Journal article');
    expect(field('Keywords')).toBe('深度学习; 肺结节');
    expect(screen.getByRole('link', { name: '10.3760/cma.j.issn.1005-1201.2018.04.008' }).getAttribute('href')).toBe(
      'https://doi.org/10.3760/cma.j.issn.1005-1201.2018.04.008',
    );
    expect(screen.getByRole('link', { name: 'https://example.org/article/q1.pdf' }).getAttribute('href')).toBe('https://example.org/article/q1.pdf');
    expect(field('PDF')).toBe('https://example.org/article/q1.pdf');
    expect(screen.getByRole('region', { name: 'Abstract' }).textContent).toContain('目的 探讨深度学习方法');
    expect(screen.getByRole('region', { name: 'English abstract' }).textContent).toContain('Objective To explore');
  });

  it('shows where and when the article was captured, linking only web addresses', async () => {
    const db = testDb();
    await db.articles.add(BILINGUAL);
    await showDetail(db);
    const history = within(screen.getByRole('region', { name: 'Where and when it was captured' }));
    expect(history.getByText('First captured Jan 2, 2024')).toBeTruthy();
    expect(history.getByRole('link', { name: 'https://example.org/list' })).toBeTruthy();
    expect(history.getByText(/item 3 in the list/)).toBeTruthy();
    // A javascript: address from a page stays text.
    expect(history.getByText('javascript:alert(1)').tagName).toBe('SPAN');
    expect(history.getAllByRole('link')).toHaveLength(1);
  });

  it('edits the note, and a blank note removes it', async () => {
    const db = testDb();
    await db.articles.add(BILINGUAL);
    await showDetail(db);
    const note = screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
    expect(note.value).toBe('old note');
    fireEvent.input(note, { target: { value: '方法可借鉴' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(async () => expect((await db.articles.get('q1'))?.note).toBe('方法可借鉴'));
    await screen.findByText('Note saved.');
    expect((await db.articles.get('q1'))?.note).toBe('方法可借鉴');
    fireEvent.input(note, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(async () => expect((await db.articles.get('q1'))?.note).toBeUndefined());
  });

  it('adds and removes tags', async () => {
    const db = testDb();
    await db.articles.add(BILINGUAL);
    await showDetail(db);
    fireEvent.input(screen.getByRole('textbox', { name: 'Tag to add' }), { target: { value: 'CT，筛查' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    await screen.findByRole('button', { name: 'Remove tag “筛查”' });
    expect((await db.articles.get('q1'))?.tags).toEqual(['肺', 'CT', '筛查']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag “肺”' }));
    await waitFor(async () => expect((await db.articles.get('q1'))?.tags).toEqual(['CT', '筛查']));
  });

  it('adds to and removes from collections, saves, and asks to delete', async () => {
    const db = testDb();
    await db.articles.add(BILINGUAL);
    const c = await createCollection(db, 'Lung');
    const onDelete = vi.fn();
    await showDetail(db, 'q1', { onDelete });
    const box = screen.getByRole('checkbox', { name: 'Lung' });
    fireEvent.click(box);
    await waitFor(async () => expect((await db.articles.get('q1'))?.collections).toEqual([c.id]));
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(true));
    fireEvent.click(box);
    await waitFor(async () => expect((await db.articles.get('q1'))?.collections).toEqual([]));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('button', { name: 'Remove from saved' });
    expect((await db.articles.get('q1'))?.savedAt).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Delete this article' }));
    expect(onDelete).toHaveBeenCalledWith(['q1']);
  });

  it('shows the citation key an export gave the article, once it is given, before the key it carries', async () => {
    const db = testDb();
    await db.articles.add({ ...BILINGUAL, citationKey: 'li2018imported' });
    await showDetail(db);
    expect(field('Citation key')).toBe('li2018imported');
    await db.citationKeys.add({ id: 'q1', key: 'li2018given' });
    await waitFor(() => expect(field('Citation key')).toBe('li2018given'));
  });

  it('follows a change made elsewhere (live)', async () => {
    const db = testDb();
    await db.articles.add(BILINGUAL);
    await showDetail(db);
    await db.articles.update('q1', { title: 'Changed in another tab' });
    await screen.findByRole('heading', { name: 'Changed in another tab' });
  });
});
