import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { normalizeItem } from '@/lib/capture/normalize-item';
import { SimlitDB } from '@/lib/db/schema';
import { storeCapture } from '@/lib/db/store-capture';
import { formatBibtex } from '@/lib/export/bibtex';
import { formatRis } from '@/lib/export/ris';
import { importFile } from '@/lib/import/import-file';
import { AWKWARD_ITEMS, oneLine } from '../export/awkward-items';

let counter = 0;
function freshDb(): SimlitDB {
  return new SimlitDB(`import-test-${++counter}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

async function withCollection(db: SimlitDB, id = 'c1'): Promise<string> {
  await db.collections.add({ id, name: '论文', createdAt: 1, updatedAt: 1 });
  return id;
}

describe('importFile', () => {
  it('adds the entries of an exported BibTeX file, saved and in the collection', async () => {
    const db = freshDb();
    const collectionId = await withCollection(db);
    const report = await importFile(db, formatBibtex(AWKWARD_ITEMS, 'bibtex'), { collectionId, fileName: 'refs.bib', now: 1000 });
    expect(report).toMatchObject({ format: 'bibtex', added: 3, merged: 0, unchanged: 0, rejected: [] });
    expect(report.error).toBeUndefined();
    const articles = await db.articles.toArray();
    expect(articles.map((a) => a.title).sort()).toEqual(AWKWARD_ITEMS.map((item) => oneLine(item.title)).sort());
    for (const article of articles) {
      expect(article.collections).toEqual([collectionId]);
      expect(article.savedAt).toBe(1000);
      expect(article.platform).toBe('import');
    }
    const zh = articles.find((a) => a.DOI === AWKWARD_ITEMS[0].DOI)!;
    expect(zh.author).toEqual(AWKWARD_ITEMS[0].author);
    expect(zh.abstract).toBe(AWKWARD_ITEMS[0].abstract);
    expect(zh.issued).toEqual({ 'date-parts': [[2021, 6, 15]] });
    expect(zh.language).toBe('zh');
    expect(zh.keyword).toBe('深度学习; 影像; CT');
    expect([...report.writtenIds].sort()).toEqual(articles.map((a) => a.id).sort());
  });

  it('merges into articles already captured, keeping where they were seen', async () => {
    const db = freshDb();
    const captured = normalizeItem(
      { title: 'Tumour {p53} & 100% of_cases: #1 $5 "quoted" ~ ^ \\ backslash', doi: AWKWARD_ITEMS[1].DOI },
      { pageUrl: 'https://journal.example/list', platform: 'meta', capturedAt: 5 },
    )!;
    await storeCapture(db, { pageUrl: 'https://journal.example/list', platform: 'meta', kind: 'list', capturedAt: 5 }, [captured]);
    const report = await importFile(db, formatRis(AWKWARD_ITEMS), { now: 1000 });
    expect(report).toMatchObject({ format: 'ris', added: 2, merged: 1, unchanged: 0 });
    const merged = (await db.articles.get(captured.id))!;
    expect(merged.sightings).toHaveLength(1);
    expect(merged.abstract).toBe(oneLine(AWKWARD_ITEMS[1].abstract));
    expect(merged.savedAt).toBe(1000);
    // The ranking index is told of the merged article as of the new ones, each once.
    expect([...report.writtenIds].sort()).toEqual((await db.articles.toArray()).map((a) => a.id).sort());
  });

  it('keeps apart articles that only their whole record identifies (short titles, no DOI, no abstract), and knows them again', async () => {
    const db = freshDb();
    // Essays in a humanities journal, as a CNKI export gives them: titles too short to be a key.
    const essays = ['走第三条路', '迷狂的北京', '景观的含义'].map((title) => `TY  - JOUR\nTI  - ${title}\nAU  - 李陀\nJO  - 读书\nPY  - 2019\nER  - \n`).join('\n');
    const report = await importFile(db, essays, { fileName: 'essays.ris', now: 1000 });
    expect(report).toMatchObject({ format: 'ris', added: 3, merged: 0, unchanged: 0 });
    const articles = await db.articles.toArray();
    expect(articles.map((a) => a.title).sort()).toEqual(['景观的含义', '走第三条路', '迷狂的北京']);
    expect(new Set(articles.map((a) => a.fingerprint)).size).toBe(3);
    // The same file again (a reader importing an export twice): the same three articles.
    const again = await importFile(db, essays, { fileName: 'essays.ris', now: 2000 });
    expect(again).toMatchObject({ added: 0, unchanged: 3 });
    expect(await db.articles.count()).toBe(3);
  });

  it('keeps apart a column that recurs under one title in every issue, and bare titles nothing else describes', async () => {
    const db = freshDb();
    const column = (issue: number, page: string) => `TY  - JOUR\nTI  - 卷首语\nAU  - 编辑部\nJO  - 读书\nPY  - 2019\nIS  - ${issue}\nSP  - ${page}\nER  - \n`;
    const bare = 'TY  - JOUR\nTI  - 前言\nER  - \n';
    const text = [column(1, '1'), column(2, '1'), column(2, '1'), bare, bare].join('\n');
    const report = await importFile(db, text, { fileName: 'columns.ris', now: 1000 });
    // The two records of issue 2 are one article; the bare titles cannot be told apart from anything.
    expect(report).toMatchObject({ added: 4, unchanged: 1 });
    const issues = (await db.articles.toArray()).filter((a) => a.title === '卷首语').map((a) => a.issue).sort();
    expect(issues).toEqual(['1', '2']);
    expect((await db.articles.toArray()).filter((a) => a.title === '前言').map((a) => a.fingerprint)).toEqual(['', '']);
  });

  it('importing the same file twice adds nothing the second time', async () => {
    const db = freshDb();
    const text = formatRis(AWKWARD_ITEMS);
    await importFile(db, text, { now: 1 });
    const second = await importFile(db, text, { now: 2 });
    expect(second).toMatchObject({ added: 0, merged: 0, unchanged: 3, writtenIds: [] });
    expect(await db.articles.count()).toBe(3);
  });

  it('imports the readable entries of a partly broken file and lists the others with reasons', async () => {
    const db = freshDb();
    const text = '@article{ok, title = {Readable}, year = {2020}}\n@article{bad, title = {Never closed, year = {2020}\n';
    const report = await importFile(db, text, { fileName: 'x.bib' });
    expect(report.added).toBe(1);
    expect(report.rejected).toEqual([{ entry: '@article{bad, title = {Never closed, year = {2020}', reason: expect.stringMatching(/^cannot be parsed/) }]);
  });

  it('writes nothing for a file that cannot be read, and says why', async () => {
    const db = freshDb();
    const report = await importFile(db, '[{"title": "cut', { fileName: 'items.json' });
    expect(report).toMatchObject({ added: 0, merged: 0, error: expect.stringMatching(/^not valid JSON/) });
    expect(await db.articles.count()).toBe(0);
  });

  it('writes nothing when the collection is gone', async () => {
    const db = freshDb();
    const report = await importFile(db, formatRis(AWKWARD_ITEMS), { collectionId: 'deleted' });
    expect(report.error).toMatch(/collection "deleted" does not exist/);
    expect(await db.articles.count()).toBe(0);
  });

  it('writes nothing, and loses nothing, when the database fails half-way', async () => {
    const db = freshDb();
    await importFile(db, 'TY  - JOUR\nTI  - Already here\nER  - \n', { now: 1 });
    let calls = 0;
    db.articles.hook('creating', () => {
      if (++calls === 2) throw new Error('disk full');
    });
    const report = await importFile(db, formatRis(AWKWARD_ITEMS), { now: 2 });
    expect(report.error).toMatch(/Nothing was changed|interrupted/);
    expect(report.added).toBe(0);
    expect((await db.articles.toArray()).map((a) => a.title)).toEqual(['Already here']);
  });
});

describe('an import is the reader\'s', () => {
  it('replaces what a page said, lists the fields as the reader\'s, and a later capture cannot change them', async () => {
    const db = freshDb();
    const page = 'http://jnxb.cnjournals.com/ch/reader/view_abstract.aspx?file_no=1';
    const captured = normalizeItem({ title: 'Deep learning for protein folding - RETRACTED', doi: '10.1000/legit.1' }, { pageUrl: page, platform: 'qinyun', capturedAt: 1 })!;
    await storeCapture(db, { pageUrl: page, platform: 'qinyun', kind: 'article', capturedAt: 1 }, [captured]);
    const report = await importFile(db, JSON.stringify([{ id: 'x', title: 'Deep learning for protein folding', DOI: '10.1000/legit.1', note: 'mine', custom: 1 }]), { now: 2 });
    expect(report).toMatchObject({ added: 0, merged: 1, ignoredFields: ['note', 'custom'] });
    const [article] = await db.articles.toArray();
    expect(article.title).toBe('Deep learning for protein folding');
    expect(article.readerFields).toEqual(expect.arrayContaining(['title', 'DOI']));
    const again = normalizeItem({ title: 'Deep learning for protein folding - RETRACTED', doi: '10.1000/legit.1' }, { pageUrl: page, platform: 'qinyun', capturedAt: 3 })!;
    await storeCapture(db, { pageUrl: page, platform: 'qinyun', kind: 'article', capturedAt: 3 }, [again]);
    expect((await db.articles.get(article.id))?.title).toBe('Deep learning for protein folding');
  });

  it('lists the entries that make no article once cleaned, in the order of the file, and imports the rest of their chunk and of later ones', async () => {
    const db = freshDb();
    const empty: Record<number, string> = { 1: '<b> </b>', 5: '<i></i>' };
    const items = Array.from({ length: 7 }, (_, i) => ({ id: `n${i}`, type: 'article-journal', title: empty[i] ?? `Imported article number ${i}` }));
    const report = await importFile(db, JSON.stringify(items), { fileName: 'file.json', chunkSize: 3 });
    expect(report.error).toBeUndefined();
    expect(report.added).toBe(5);
    const reason = 'no title, abstract or DOI after cleaning';
    expect(report.rejected).toEqual([{ entry: '<b> </b>', reason }, { entry: '<i></i>', reason }]);
    expect((await db.articles.toArray()).map((article) => article.title).sort()).toEqual([0, 2, 3, 4, 6].map((i) => `Imported article number ${i}`));
  });

  it('says so and writes nothing when no entry makes an article', async () => {
    const db = freshDb();
    const report = await importFile(db, JSON.stringify([{ id: 'a', type: 'article-journal', title: '<i></i>' }]), { fileName: 'file.json' });
    expect(report).toMatchObject({ added: 0, error: 'no entry of the file could be imported', rejected: [{ entry: '<i></i>' }] });
    expect(await db.articles.count()).toBe(0);
  });

  it('reports progress while writing (parsing as it goes), and a cancel writes nothing', async () => {
    const db = freshDb();
    const text = formatRis(Array.from({ length: 250 }, (_, i) => ({ id: `r${i}`, type: 'article-journal', title: `Imported article number ${i}` })));
    const stages: string[] = [];
    const controller = new AbortController();
    const report = await importFile(db, text, {
      onProgress: ({ stage, done }) => {
        stages.push(`${stage}:${done}`);
        if (stage === 'writing' && done === 200) controller.abort();
      },
      signal: controller.signal,
    });
    // Writing is said before the first write (the worker's client never ends a task that writes),
    // then by the chunk; the cancelled chunk's transaction wrote nothing: nothing to take back.
    expect(stages).toEqual(['writing:0', 'writing:0', 'writing:100', 'writing:200']);
    expect(report).toMatchObject({ cancelled: true, added: 0 });
    expect(await db.articles.count()).toBe(0);
  });
});
