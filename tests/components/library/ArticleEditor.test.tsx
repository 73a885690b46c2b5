// @vitest-environment jsdom
// Dexie's live queries run only where a global indexedDB exists when Dexie loads: import it first.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { ArticleDetail } from '@/components/library/ArticleDetail';
import type { SimlitDB } from '@/lib/db/schema';
import { writeSetting } from '@/lib/db/settings';
import { testDb } from '../../lib/db/test-db';
import { makeArticle } from '../../lib/db/library-fixtures';
import { renderWithDb } from '../render-with-db';

afterEach(cleanup);

const CAPTURED = makeArticle('e1', {
  title: '问责压力下基层干部避责行为的生成机制',
  author: [{ literal: '王建军' }, { family: 'Li', given: 'Xiaomei' }],
  'container-title': '公共管理学报',
  issued: { 'date-parts': [[2024, 1, 20]] },
  DOI: '10.16149/j.cnki.sample.2024.01.003',
  URL: 'http://ggglxb.cnjournals.com/ch/reader/view_abstract.aspx?file_no=20240117',
  abstract: '问责是压力型体制下推动基层政策执行的重要手段。',
  keyword: '问责; 避责',
  language: 'zh',
  platform: 'qinyun',
});

async function openEditor(db: SimlitDB, onEdited = vi.fn()) {
  renderWithDb(db, <ArticleDetail db={db} id="e1" collections={[]} onClose={() => {}} onDelete={() => {}} onEdited={onEdited} />);
  await screen.findByRole('heading', { level: 2 });
  fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
  return within(screen.getByRole('form', { name: 'Edit the bibliographic details' }));
}

function type(form: ReturnType<typeof within>, label: string, value: string) {
  fireEvent.input(form.getByLabelText(label), { target: { value } });
}

describe('ArticleEditor', () => {
  it('edits every bibliographic field, and marks the edited ones as the reader\'s', async () => {
    const db = testDb();
    await db.articles.add(CAPTURED);
    const onEdited = vi.fn();
    const form = await openEditor(db, onEdited);
    type(form, 'Title', '  问责与避责：基层干部的行为逻辑 ');
    // Authors in order: the Latin name moves first, a third (Chinese, whole) is added.
    fireEvent.click(form.getByRole('button', { name: 'Move author 2 up' }));
    fireEvent.click(form.getByRole('button', { name: 'Add an author' }));
    fireEvent.change(form.getByRole('combobox', { name: 'Form of the name of author 3' }), { target: { value: 'whole' } });
    type(form, 'Name of author 3', '欧阳修');
    type(form, 'Given name of author 1', 'Xiao-Mei');
    fireEvent.change(form.getByLabelText('Type'), { target: { value: 'paper-conference' } });
    type(form, 'Published', '2023年5月');
    type(form, 'Journal or container', '中国行政管理');
    type(form, 'Volume', '39');
    type(form, 'Issue', '5');
    type(form, 'Pages', '12-20');
    type(form, 'DOI', 'https://doi.org/10.19735/J.ISSN.1006-0863.2023.05.02');
    type(form, 'Link', 'www.example.cn/article/5');
    type(form, 'Keywords', '问责，避责、基层治理');
    type(form, 'Abstract', '第一段。\n\n第二段。');
    fireEvent.change(form.getByLabelText('Language'), { target: { value: 'en' } });
    fireEvent.click(form.getByRole('button', { name: 'Save changes' }));

    await screen.findByText(/^Changes saved\./);
    const saved = (await db.articles.get('e1'))!;
    expect(saved).toMatchObject({
      title: '问责与避责：基层干部的行为逻辑',
      author: [{ family: 'Li', given: 'Xiao-Mei' }, { literal: '王建军' }, { literal: '欧阳修' }],
      type: 'paper-conference',
      issued: { 'date-parts': [[2023, 5]] },
      'container-title': '中国行政管理',
      volume: '39',
      issue: '5',
      page: '12-20',
      DOI: '10.19735/j.issn.1006-0863.2023.05.02',
      URL: 'https://www.example.cn/article/5',
      keyword: '问责; 避责; 基层治理',
      abstract: '第一段。\n\n第二段。',
      language: 'en',
    });
    expect(saved.readerFields?.sort()).toEqual(
      ['DOI', 'URL', 'abstract', 'author', 'container-title', 'issue', 'issued', 'keyword', 'language', 'page', 'title', 'type', 'volume'].sort(),
    );
    expect(onEdited).toHaveBeenCalledWith(['e1']);
    // Back to the fields, each edited one said to be the reader's.
    await screen.findByRole('heading', { name: '问责与避责：基层干部的行为逻辑' });
    expect(screen.getAllByText('edited by you').length).toBeGreaterThanOrEqual(8);
    expect(screen.getByText('Conference paper')).toBeTruthy();
  });

  it('says what is wrong with a date, a DOI or an address beside the field, and saves nothing until corrected', async () => {
    const db = testDb();
    await db.articles.add(CAPTURED);
    const form = await openEditor(db);
    type(form, 'Published', '2023-13-01');
    type(form, 'DOI', 'see the journal site');
    type(form, 'Link', 'not an address');
    type(form, 'Title', 'A new title');
    fireEvent.click(form.getByRole('button', { name: 'Save changes' }));

    expect((await form.findByRole('alert')).textContent).toBe('3 fields need correcting before the changes can be saved.');
    const date = form.getByLabelText('Published');
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(date.getAttribute('aria-describedby')!)?.textContent).toBe('Write the date as 2021, 2021-05 or 2021-05-03.');
    expect(form.getByText('This is not a DOI. A DOI starts with “10.”, for example 10.1038/nature13322.')).toBeTruthy();
    expect(form.getByText('Enter a whole web address, for example https://www.example.org/article/1.')).toBeTruthy();
    expect(document.activeElement).toBe(date);
    expect((await db.articles.get('e1'))!.title).toBe(CAPTURED.title);

    type(form, 'Published', '2023-02-28');
    type(form, 'DOI', '');
    type(form, 'Link', CAPTURED.URL!);
    expect(form.queryByText('Write the date as 2021, 2021-05 or 2021-05-03.')).toBeNull();
    fireEvent.click(form.getByRole('button', { name: 'Save changes' }));
    await screen.findByText(/^Changes saved\./);
    const saved = (await db.articles.get('e1'))!;
    expect(saved).toMatchObject({ title: 'A new title', issued: { 'date-parts': [[2023, 2, 28]] } });
    expect(saved.DOI).toBeUndefined();
    expect(saved.readerFields?.sort()).toEqual(['DOI', 'issued', 'title']);
  });

  it('cancels without saving, and says so when nothing was changed', async () => {
    const db = testDb();
    await db.articles.add(CAPTURED);
    let form = await openEditor(db);
    type(form, 'Title', 'Never saved');
    fireEvent.click(form.getByRole('button', { name: 'Cancel' }));
    await screen.findByRole('heading', { name: CAPTURED.title });
    expect((await db.articles.get('e1'))!.title).toBe(CAPTURED.title);
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    form = within(screen.getByRole('form', { name: 'Edit the bibliographic details' }));
    expect((form.getByLabelText('Title') as HTMLTextAreaElement).value).toBe(CAPTURED.title);
    fireEvent.click(form.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Nothing was changed.');
    expect((await db.articles.get('e1'))!.readerFields).toBeUndefined();
  });

  it('speaks Chinese: types and platforms by name', async () => {
    const db = testDb();
    await db.articles.add(CAPTURED);
    await writeSetting(db, 'uiLanguage', 'zh_CN');
    renderWithDb(db, <ArticleDetail db={db} id="e1" collections={[]} onClose={() => {}} onDelete={() => {}} />);
    await screen.findByText('期刊文章');
    expect(screen.getByText('勤云期刊系统')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '编辑信息' }));
    const form = within(await screen.findByRole('form', { name: '编辑文献信息' }));
    expect(form.getByRole('option', { name: '会议论文' })).toBeTruthy();
    expect((form.getByRole('combobox', { name: '作者 1 的姓名形式' }) as HTMLSelectElement).value).toBe('whole');
    await waitFor(() => expect(form.getByRole('textbox', { name: '作者 2 的姓' })).toBeTruthy());
  });
});
