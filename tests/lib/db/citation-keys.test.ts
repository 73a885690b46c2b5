import { parse } from '@retorquere/bibtex-parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pinCitationKeys, PIN_CHUNK, withCitationKeys } from '@/lib/db/citation-keys';
import { deleteArticles, restoreArticles } from '@/lib/db/article-deletion';
import { exportItems } from '@/lib/export';
import { importFile } from '@/lib/import/import-file';
import { testDb } from './test-db';
import { makeArticle } from './library-fixtures';

const FILE = `@article{zhang2021wenze,
  title = {问责与避责：基层治理的双重逻辑},
  author = {{张伟} and {李娜}},
  journal = {公共管理学报},
  year = {2021},
  abstract = {问责压力下的基层干部。}
}
@inproceedings{Smith:2020-deep,
  title = {Deep nets for lung nodules},
  author = {Smith, John},
  booktitle = {Proceedings of MICCAI},
  year = {2020}
}
`;

afterEach(() => vi.restoreAllMocks());

const keysOf = (bib: string) => parse(bib).entries.map((entry) => entry.key);

describe('citation keys', () => {
  it('keeps the keys of an imported BibTeX file, and exports under them, in BibTeX and BibLaTeX', async () => {
    const db = testDb();
    await importFile(db, FILE, { fileName: 'refs.bib' });
    const articles = await db.articles.toCollection().sortBy('capturedAt');
    expect(articles.map((a) => a.citationKey).sort()).toEqual(['Smith:2020-deep', 'zhang2021wenze']);
    for (const format of ['bibtex', 'biblatex'] as const) {
      const bib = exportItems(await pinCitationKeys(db, articles), format).text;
      expect(keysOf(bib).sort()).toEqual(['Smith:2020-deep', 'zhang2021wenze']);
      // The fields added after citation-js's output land in the right entry.
      if (format === 'bibtex') expect(bib).toMatch(/@article\{zhang2021wenze,\n\tabstract = \{问责压力下的基层干部。\},/);
    }
  });

  it('leaves a key too long to be anyone\'s, and gives the article one of its own', async () => {
    const db = testDb();
    await importFile(db, `@article{${'k'.repeat(400)},\n  title = {Deep nets for lung nodules},\n  author = {Smith, John},\n  year = {2020}\n}\n`, { fileName: 'long.bib' });
    const [article] = await db.articles.toArray();
    expect(article.citationKey).toBeUndefined();
    expect((await pinCitationKeys(db, [article]))[0].citationKey).toBe('smith2020deep');
  });

  it('gives an article without a key one that stays the same in every later export, unique in the library, and writes no article', async () => {
    const db = testDb();
    const first = makeArticle('a', { title: 'Deep nets for lung nodules', author: [{ family: 'Smith', given: 'J' }], issued: { 'date-parts': [[2020]] } });
    const twin = makeArticle('b', { title: 'Deep nets for liver lesions', author: [{ family: 'Smith', given: 'K' }], issued: { 'date-parts': [[2020]] } });
    const imported = makeArticle('c', { title: 'Something else', citationKey: 'smith2020deep' });
    await db.articles.bulkAdd([first, twin, imported]);
    const tablesBefore = [await db.articles.toArray(), await db.listing.toArray(), await db.counters.toArray()];

    const [alone] = await pinCitationKeys(db, [first]);
    // "smith2020deep" is the imported article's: the first one gets its own, for good.
    expect(alone.citationKey).toMatch(/^smith2020deep[a-z0-9]{4}$/);
    expect((await withCitationKeys(db, [first]))[0].citationKey).toBe(alone.citationKey);
    const together = await pinCitationKeys(db, [twin, first, imported]);
    expect(together[1].citationKey).toBe(alone.citationKey);
    expect(together[2].citationKey).toBe('smith2020deep');
    expect(new Set(together.map((a) => a.citationKey)).size).toBe(3);
    const bib = exportItems(together, 'bibtex').text;
    expect(keysOf(bib)).toEqual(together.map((a) => a.citationKey));
    // The keys are kept apart: no article, listing row or counter was written.
    expect([await db.articles.toArray(), await db.listing.toArray(), await db.counters.toArray()]).toEqual(tablesBefore);
    expect((await withCitationKeys(db, [twin, first, imported])).map((a) => a.citationKey)).toEqual(together.map((a) => a.citationKey));
    // A title corrected later does not move the key; a deletion takes it along, and its undo brings it back.
    await db.articles.update('a', { title: 'A corrected title' });
    expect((await pinCitationKeys(db, [(await db.articles.get('a'))!]))[0].citationKey).toBe(alone.citationKey);
    const batch = await deleteArticles(db, ['a']);
    expect(await db.citationKeys.get('a')).toBeUndefined();
    await restoreArticles(db, batch);
    const back = (await db.articles.get('a'))!;
    expect((await pinCitationKeys(db, [back]))[0].citationKey).toBe(alone.citationKey);
  });

  it('steps past keys held with a suffix, beyond the stretch of the bases themselves', async () => {
    const deep = { title: 'Deep nets for lung nodules', author: [{ family: 'Smith' }], issued: { 'date-parts': [[2020]] as [number][] } };
    const first = testDb();
    await first.articles.bulkAdd([makeArticle('a', deep), makeArticle('holder', { title: 'Held', citationKey: 'smith2020deep' })]);
    const [{ citationKey: suffixed }] = await pinCitationKeys(first, [makeArticle('a', deep)]);
    expect(suffixed).toMatch(/^smith2020deep[a-z0-9]{4}$/);
    // The key the article would take first is held, and so is the one it would take next: carried
    // by an article in one library, given by an export in the other.
    for (const holdsSuffixed of ['article', 'export'] as const) {
      const db = testDb();
      const article = makeArticle('a', deep);
      await db.articles.bulkAdd([article, makeArticle('holder', { title: 'Held', citationKey: 'smith2020deep' }), makeArticle('other', { title: 'Other', citationKey: holdsSuffixed === 'article' ? suffixed : undefined })]);
      if (holdsSuffixed === 'export') await db.citationKeys.add({ id: 'other', key: suffixed! });
      const [pinned] = await pinCitationKeys(db, [article]);
      expect(pinned.citationKey).toMatch(/^smith2020deep[a-z0-9]{4}$/);
      expect(pinned.citationKey).not.toBe(suffixed);
    }
  });

  it('gives a whole library its keys chunk by chunk, unique across chunks and in the library, each stored', async () => {
    const db = testDb();
    const count = 2 * PIN_CHUNK + 1;
    // Three kinds of title: every base key is shared by hundreds, in every chunk.
    const articles = Array.from({ length: count }, (_, i) =>
      makeArticle(`n${i}`, { title: ['Deep nets', 'Lung nodules', 'Liver lesions'][i % 3], author: [{ family: 'Smith' }], issued: { 'date-parts': [[2020]] } }),
    );
    const holder = makeArticle('holder', { title: 'Held already', citationKey: 'smith2020deep' });
    await db.articles.bulkAdd([...articles, holder]);

    const progress: [number, number][] = [];
    const pinned = await pinCitationKeys(db, articles, { onProgress: (done, total) => progress.push([done, total]) });
    expect(progress).toEqual([PIN_CHUNK, 2 * PIN_CHUNK, count].map((done) => [done, count]));
    const keys = pinned.map((article) => article.citationKey!);
    expect(pinned.map((article) => article.id)).toEqual(articles.map((article) => article.id));
    expect(new Set([...keys, 'smith2020deep']).size).toBe(count + 1);
    expect(keys.every((key) => /^smith2020(deep|lung|liver)[a-z0-9]*$/.test(key))).toBe(true);
    expect(keys).toContain('smith2020lung');
    const stored = await db.citationKeys.bulkGet(articles.map((article) => article.id));
    expect(stored.map((row) => row!.key)).toEqual(keys);
    // Asked again, nothing changes; the keys are read back for the whole library and for a few.
    expect((await pinCitationKeys(db, articles)).map((article) => article.citationKey)).toEqual(keys);
    expect(await db.citationKeys.count()).toBe(count);
    expect((await withCitationKeys(db, articles)).map((article) => article.citationKey)).toEqual(keys);
    expect((await withCitationKeys(db, articles.slice(5, 8))).map((article) => article.citationKey)).toEqual(keys.slice(5, 8));
  });

  it('stops between chunks when the export is cancelled, the keys given so far kept', async () => {
    const db = testDb();
    const articles = Array.from({ length: PIN_CHUNK + 1 }, (_, i) => makeArticle(`n${i}`, { title: `Title ${i}`, author: [{ family: 'Smith' }], issued: { 'date-parts': [[2020]] } }));
    await db.articles.bulkAdd(articles);
    const cancel = new AbortController();
    await expect(pinCitationKeys(db, articles, { onProgress: () => cancel.abort(), signal: cancel.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(await db.citationKeys.count()).toBe(PIN_CHUNK);
  });

  it('keeps a key another export gave since the articles were read, and one given in the article before keys had a table', async () => {
    const db = testDb();
    const read = makeArticle('read', { title: 'Deep nets', author: [{ family: 'Smith' }], issued: { 'date-parts': [[2020]] } });
    const older = makeArticle('older', { title: 'Deep nets', author: [{ family: 'Smith' }], issued: { 'date-parts': [[2020]] }, citationKey: 'smith2020deep' });
    await db.articles.bulkAdd([read, older]);
    // Another export gave a key after this page read the article without one.
    await db.citationKeys.add({ id: 'read', key: 'pinnedElsewhere' });
    const pinned = await pinCitationKeys(db, [read, older]);
    expect(pinned.map((article) => article.citationKey)).toEqual(['pinnedElsewhere', 'smith2020deep']);
    expect(await db.citationKeys.toArray()).toEqual([{ id: 'read', key: 'pinnedElsewhere' }]);
  });

  it('keeps the key another export gave while this one was giving keys, and gives the rest theirs', async () => {
    const db = testDb();
    const articles = ['a', 'b', 'c'].map((id, i) => makeArticle(id, { title: ['Deep nets', 'Lung nodules', 'Liver lesions'][i], author: [{ family: 'Smith' }], issued: { 'date-parts': [[2020]] } }));
    await db.articles.bulkAdd(articles);
    await db.citationKeys.add({ id: 'b', key: 'givenMeanwhile' });
    // This export read the keys given before the other export gave b its key.
    vi.spyOn(db.citationKeys, 'bulkGet').mockResolvedValueOnce([undefined, undefined, undefined]);
    const adding = vi.spyOn(db.citationKeys, 'bulkAdd');
    const pinned = await pinCitationKeys(db, articles);
    expect(pinned.map((article) => article.citationKey)).toEqual(['smith2020deep', 'givenMeanwhile', 'smith2020liver']);
    // The add was refused for b alone, and the others were written.
    await expect(adding.mock.results[0].value).rejects.toMatchObject({ name: 'BulkError' });
    expect(await db.citationKeys.orderBy('id').toArray()).toEqual([
      { id: 'a', key: 'smith2020deep' },
      { id: 'b', key: 'givenMeanwhile' },
      { id: 'c', key: 'smith2020liver' },
    ]);
  });
});
