// @vitest-environment jsdom
// Dexie's live queries run only where a global indexedDB exists when Dexie loads: import it first.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import { IMPORT_ACCEPT } from '@/components/library/ImportPanel';
import { createCollection } from '@/lib/db/collections';
import { testDb } from '../../lib/db/test-db';
import { renderWithDb } from '../render-with-db';
import { CHINESE, ENGLISH } from './citable-articles';

afterEach(cleanup);

const GOOD_BIB = `@article{new2021,
  title = {Transformers for radiology reports},
  author = {Lee, Kim and Park, Min},
  journal = {Radiology},
  year = {2021},
  doi = {10.1148/radiol.2021.0001}
}
@article{dup2018,
  title = {基于深度学习的肺结节检测方法},
  author = {{张伟} and {李娜}},
  journal = {中国医学影像技术},
  year = {2018},
  doi = {${CHINESE.DOI}},
  abstract = {目的 探讨深度学习在肺结节检测中的价值。}
}
@article{bad, title = {Never closed, year = {2020}
`;

async function library() {
  const db = testDb();
  await db.articles.bulkAdd([CHINESE, ENGLISH]);
  const thesis = await createCollection(db, '毕业论文');
  const changed = vi.fn();
  renderWithDb(db, <LibraryApp db={db} onLibraryChanged={changed} />);
  await screen.findByRole('list', { name: 'Articles' });
  fireEvent.click(screen.getByRole('button', { name: 'Import…' }));
  const panel = within(screen.getByRole('region', { name: 'Import references' }));
  return { db, thesis, changed, panel };
}

function chooseFile(panel: ReturnType<typeof within>, name: string, text: string) {
  const input = panel.getByLabelText('File to import') as HTMLInputElement;
  expect(input.accept).toBe(IMPORT_ACCEPT);
  fireEvent.change(input, { target: { files: [new File([text], name)] } });
}

describe('Import panel', { timeout: 30_000 }, () => {
  it('imports a BibTeX file into a collection and reports what was added, merged and rejected, with reasons', async () => {
    const { db, thesis, changed, panel } = await library();
    const submit = panel.getByRole('button', { name: 'Import' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    chooseFile(panel, 'refs.bib', GOOD_BIB);
    await waitFor(() => expect(panel.getByRole('option', { name: '毕业论文' })).toBeTruthy());
    fireEvent.change(panel.getByRole('combobox', { name: 'Add to collection' }), { target: { value: thesis.id } });
    fireEvent.click(submit);
    await panel.findByText('refs.bib (BibTeX): 1 added, 1 merged with articles already in the library, 0 unchanged, 1 rejected.');
    expect(panel.getByRole('heading', { name: 'Entries not imported (1)' })).toBeTruthy();
    const rejected = panel.getByRole('list', { name: 'Entries not imported (1)' });
    expect(rejected.textContent).toMatch(/^@article\{bad, title = \{Never closed.* — cannot be read$/);
    // What the parser said stays available, not in the sentence.
    expect(rejected.querySelector('.rejected-reason')?.getAttribute('title')).toMatch(/^cannot be parsed/);

    expect(await db.articles.count()).toBe(3);
    const added = (await db.articles.where('DOI').equals('10.1148/radiol.2021.0001').first())!;
    expect(added.title).toBe('Transformers for radiology reports');
    expect(added.collections).toEqual([thesis.id]);
    const merged = (await db.articles.get(CHINESE.id))!;
    expect(merged.abstract).toBe('目的 探讨深度学习在肺结节检测中的价值。');
    expect(merged.collections).toEqual([thesis.id]);
    expect(changed).toHaveBeenCalledTimes(1);
    expect([...changed.mock.calls[0][0]].sort()).toEqual([added.id, CHINESE.id].sort());
    // The new article shows up in the list without a reload.
    await screen.findByRole('button', { name: /Transformers for radiology reports/ });
    // The counts, left as they were while the import wrote, follow once it ended.
    expect(await screen.findByText('3 articles')).toBeTruthy();
  });

  it('writes nothing for a file that cannot be read, and says why in plain words', async () => {
    const { db, changed, panel } = await library();
    const before = await db.articles.toArray();
    chooseFile(panel, 'items.json', '[{"type": "article-journal", "title": "cut');
    fireEvent.click(panel.getByRole('button', { name: 'Import' }));
    const alert = await panel.findByRole('alert');
    expect(alert.querySelector('p')?.textContent).toBe('Nothing was imported from items.json: the file is not valid JSON (it may be cut short or not CSL-JSON).');
    expect(within(alert).getByText('Details').closest('details')?.textContent).toMatch(/not valid JSON: /);
    expect(await db.articles.toArray()).toEqual(before);
    expect(changed).not.toHaveBeenCalled();
    expect(panel.queryByText(/\d+ added/)).toBeNull();

    chooseFile(panel, 'notes.txt', 'just some notes, no references here');
    expect(panel.queryByRole('alert')).toBeNull();
    fireEvent.click(panel.getByRole('button', { name: 'Import' }));
    expect((await panel.findByRole('alert')).querySelector('p')?.textContent).toBe(
      'Nothing was imported from notes.txt: it is not a BibTeX, RIS or CSL-JSON file.',
    );
    expect(await db.articles.toArray()).toEqual(before);
  });
});
