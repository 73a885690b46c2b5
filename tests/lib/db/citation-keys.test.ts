import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { pinCitationKeys } from '@/lib/db/citation-keys';
import { EDIT_CHUNK } from '@/lib/db/article-edits';
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

  it('gives an article without a key one that stays the same in every later export, unique in the library', async () => {
    const db = testDb();
    const first = makeArticle('a', { title: 'Deep nets for lung nodules', author: [{ family: 'Smith', given: 'J' }], issued: { 'date-parts': [[2020]] } });
    const twin = makeArticle('b', { title: 'Deep nets for liver lesions', author: [{ family: 'Smith', given: 'K' }], issued: { 'date-parts': [[2020]] } });
    const imported = makeArticle('c', { title: 'Something else', citationKey: 'smith2020deep' });
    await db.articles.bulkAdd([first, twin, imported]);

    const [alone] = await pinCitationKeys(db, [first]);
    // "smith2020deep" is the imported article's: the first one gets its own, for good.
    expect(alone.citationKey).toMatch(/^smith2020deep[a-z0-9]{4}$/);
    expect((await db.articles.get('a'))!.citationKey).toBe(alone.citationKey);
    const together = await pinCitationKeys(db, [twin, (await db.articles.get('a'))!, imported]);
    expect(together[1].citationKey).toBe(alone.citationKey);
    expect(together[2].citationKey).toBe('smith2020deep');
    expect(new Set(together.map((a) => a.citationKey)).size).toBe(3);
    const bib = exportItems(together, 'bibtex').text;
    expect(keysOf(bib)).toEqual(together.map((a) => a.citationKey));
    // A title corrected later does not move the key.
    await db.articles.update('a', { title: 'A corrected title' });
    expect((await pinCitationKeys(db, [(await db.articles.get('a'))!]))[0].citationKey).toBe(alone.citationKey);
  });

  it('gives a whole library its keys chunk by chunk, unique across chunks and in the library, each stored', async () => {
    const db = testDb();
    // Three kinds of title among 1,201 articles: every base key is shared by hundreds, in every chunk.
    const articles = Array.from({ length: 1201 }, (_, i) =>
      makeArticle(`n${i}`, { title: ['Deep nets', 'Lung nodules', 'Liver lesions'][i % 3], author: [{ family: 'Smith' }], issued: { 'date-parts': [[2020]] } }),
    );
    const holder = makeArticle('holder', { title: 'Held already', citationKey: 'smith2020deep' });
    await db.articles.bulkAdd([...articles, holder]);

    const progress: [number, number][] = [];
    const pinned = await pinCitationKeys(db, articles, (done, total) => progress.push([done, total]));
    const chunkEnds = Array.from({ length: Math.ceil(1201 / EDIT_CHUNK) }, (_, i) => Math.min((i + 1) * EDIT_CHUNK, 1201));
    expect(progress).toEqual(chunkEnds.map((done) => [done, 1201]));
    const keys = pinned.map((article) => article.citationKey!);
    expect(new Set([...keys, 'smith2020deep']).size).toBe(1202);
    expect(keys.every((key) => /^smith2020(deep|lung|liver)[a-z0-9]*$/.test(key))).toBe(true);
    expect(keys).toContain('smith2020lung');
    const stored = await db.articles.bulkGet(articles.map((article) => article.id));
    expect(stored.map((article) => article!.citationKey)).toEqual(keys);
    // Asked again, nothing changes.
    expect((await pinCitationKeys(db, stored as typeof articles)).map((article) => article.citationKey)).toEqual(keys);
  });

  it('keeps a key another export pinned since the articles were read, and gives it back', async () => {
    const db = testDb();
    const read = makeArticle('read', { title: 'Deep nets', author: [{ family: 'Smith' }], issued: { 'date-parts': [[2020]] } });
    await db.articles.add(read);
    // Another export pinned a key after this page read the article without one.
    await db.articles.update('read', { citationKey: 'pinnedElsewhere' });
    const [pinned] = await pinCitationKeys(db, [read]);
    expect(pinned.citationKey).toBe('pinnedElsewhere');
    expect((await db.articles.get('read'))!.citationKey).toBe('pinnedElsewhere');
  });
});

