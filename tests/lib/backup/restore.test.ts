import { describe, expect, it } from 'vitest';
import { normalizeItem } from '@/lib/capture/normalize-item';
import { backupLibrary } from '@/lib/backup/backup';
import { parseBackup, restoreLibrary } from '@/lib/backup/restore';
import { WRITE_CHUNK } from '@/lib/db/upsert';
import { captureMeanwhile } from '../db/capture-meanwhile';
import { makeArticle } from '../db/library-fixtures';
import { freshDb, sampleLibrary } from './sample-library';

describe('restoreLibrary into a library that has its own data', () => {
  it('merges, joins what the reader did on both sides, and reports every value it did not apply', async () => {
    const source = freshDb();
    await sampleLibrary(source);
    const backup = await backupLibrary(source);

    const target = freshDb();
    // The same article (same DOI), captured here with another title and annotated differently.
    const local = normalizeItem({ title: '深度学习在医学影像中的应用研究', doi: '10.1000/zh.1' }, { pageUrl: 'https://other.example/x', platform: 'meta', capturedAt: 50 })!;
    await target.articles.add({ ...local, tags: ['本地标签'], note: '本地笔记', savedAt: 60 });
    await target.collections.bulkAdd([
      { id: 'col-local', name: '毕业论文', createdAt: 1, updatedAt: 1 },
    ]);
    await target.settings.bulkPut([
      { key: 'uiLanguage', value: 'en' },
      { key: 'pausedSites', value: ['bank.example.com'] },
    ]);

    const report = await restoreLibrary(target, backup);
    expect(report.error).toBeUndefined();
    expect(report.articles).toEqual({ added: 1, merged: 1, unchanged: 0 });
    expect(report.collections).toEqual({ added: 0, unchanged: 0, joined: 1 });
    // The ranking index hears of both: the added article and the one merged into.
    expect([...report.writtenIds].sort()).toEqual((await target.articles.toArray()).map((a) => a.id).sort());

    const merged = (await target.articles.get(local.id))!;
    expect(merged.tags.sort()).toEqual(['AI', '影像', '本地标签'].sort());
    expect(merged.note).toBe('本地笔记\n\n第三章引用');
    expect(merged.collections).toEqual(['col-local']);
    expect(merged.savedAt).toBe(60);
    expect(merged.sightings.map((s) => s.pageUrl).sort()).toEqual(['https://journal.example/issue/1', 'https://other.example/x']);

    expect(await target.settings.get('uiLanguage')).toEqual({ key: 'uiLanguage', value: 'en' });
    expect((await target.settings.get('pausedSites'))!.value).toEqual(['bank.example.com', 'mail.example.com']);

    expect(report.conflicts).toEqual(
      expect.arrayContaining([
        { table: 'articles', id: local.id, field: 'title', kept: '深度学习在医学影像中的应用研究', fromBackup: '深度学习在医学影像中的应用' },
        { table: 'articles', id: local.id, field: 'savedAt', kept: 60, fromBackup: 12 },
        { table: 'settings', id: 'uiLanguage', field: 'value', kept: 'en', fromBackup: 'zh_CN' },
      ]),
    );
    expect(report.conflicts).toHaveLength(3);
  });

  it('merges an article the reader had touched as their own data, one only captured as a capture', async () => {
    const source = freshDb();
    await source.articles.bulkAdd([
      makeArticle('edited', { DOI: '10.1000/edited', title: '读者改过的标题', readerFields: ['title'] }),
      makeArticle('seen', { DOI: '10.1000/seen', title: '另一页上的标题' }),
    ]);
    const target = freshDb();
    // Seen here on another site: a capture from the backup's pages does not refine it.
    const elsewhere = (id: string) => [{ pageUrl: `https://elsewhere.example/${id}`, platform: 'meta', capturedAt: 1_700_000_000_000 }];
    await target.articles.bulkAdd([
      makeArticle('edited-here', { DOI: '10.1000/edited', title: '页面上的标题', sightings: elsewhere('edited') }),
      makeArticle('seen-here', { DOI: '10.1000/seen', title: '这一页上的标题', sightings: elsewhere('seen') }),
    ]);
    const report = await restoreLibrary(target, await backupLibrary(source));
    expect(report.articles).toEqual({ added: 0, merged: 2, unchanged: 0 });
    expect((await target.articles.get('edited-here'))!.title).toBe('读者改过的标题');
    expect((await target.articles.get('seen-here'))!.title).toBe('这一页上的标题');
  });

  it('keeps the local name of a collection with the same id and reports the other', async () => {
    const source = freshDb();
    await sampleLibrary(source);
    const target = freshDb();
    await target.collections.add({ id: 'col-thesis', name: 'Thesis', createdAt: 1, updatedAt: 1 });
    const report = await restoreLibrary(target, await backupLibrary(source));
    expect((await target.collections.get('col-thesis'))!.name).toBe('Thesis');
    expect(report.conflicts).toEqual([{ table: 'collections', id: 'col-thesis', field: 'name', kept: 'Thesis', fromBackup: '毕业论文' }]);
  });

  it('points restored captures at the articles the backup ones were merged into', async () => {
    const source = freshDb();
    await sampleLibrary(source);
    const target = freshDb();
    const local = normalizeItem({ title: 'Other title here', doi: '10.1000/zh.1' }, { pageUrl: 'https://x.example/', platform: 'meta', capturedAt: 1 })!;
    await target.articles.add(local);
    await restoreLibrary(target, await backupLibrary(source));
    const capture = (await target.captures.toArray())[0];
    const ids = new Set((await target.articles.toArray()).map((a) => a.id));
    for (const item of capture.items) expect(ids.has(item.articleId)).toBe(true);
    expect(capture.items.map((item) => item.articleId)).toContain(local.id);
  });
});

describe('restoreLibrary refuses a bad file whole', () => {
  it.each([
    ['not JSON', '{"format": "simlit-backup", "version": 1, "articles": [', /not valid JSON/],
    ['another file', JSON.stringify([{ id: 'a', title: 'CSL' }]), /not a Simlit backup file/],
    ['a newer format', JSON.stringify({ format: 'simlit-backup', version: 99, articles: [], collections: [], settings: [], captures: [] }), /newer Simlit/],
    ['a missing table', JSON.stringify({ format: 'simlit-backup', version: 1, articles: [], collections: [], settings: [] }), /no captures list/],
  ])('%s', async (_name, text, message) => {
    const target = freshDb();
    await sampleLibrary(target);
    const before = await target.articles.toArray();
    const report = await restoreLibrary(target, text);
    expect(report.error).toMatch(message);
    expect(await target.articles.toArray()).toEqual(before);
    expect(typeof parseBackup(text)).toBe('string');
  });

  it('writes nothing when the database fails half-way', async () => {
    const source = freshDb();
    await sampleLibrary(source);
    const target = freshDb();
    let calls = 0;
    target.articles.hook('creating', () => {
      if (++calls === 2) throw new Error('disk full');
    });
    const report = await restoreLibrary(target, await backupLibrary(source));
    expect(report.error).toBeDefined();
    expect(await target.articles.count()).toBe(0);
    expect(await target.collections.count()).toBe(0);
    expect(await target.settings.count()).toBe(0);
  });
});

describe('restoreLibrary of a large backup', () => {
  /** A backup of more articles than one chunk writes, some saved, some in a collection of its own. */
  async function largeBackup(size = WRITE_CHUNK * 2 + 100): Promise<string> {
    const source = freshDb();
    await source.collections.add({ id: 'col-backup', name: '备份的收藏', createdAt: 1, updatedAt: 1 });
    await source.articles.bulkAdd(
      Array.from({ length: size }, (_, i) => makeArticle(`b${i}`, { title: `Backed up article number ${i}`, savedAt: i % 2 ? 5 : undefined, collections: i % 3 ? [] : ['col-backup'] })),
    );
    return backupLibrary(source);
  }

  it('writes a chunk at a time: a capture issued during the restore finishes before it does, and is kept', async () => {
    const backup = await largeBackup();
    const target = freshDb();
    const capture = captureMeanwhile(target, 100);
    const report = await restoreLibrary(target, backup, { onProgress: capture.onProgress });
    expect(report.error).toBeUndefined();
    expect(report.articles.added).toBe(WRITE_CHUNK * 2 + 100);
    expect(await capture.progressWhenStored()).toBeLessThan(WRITE_CHUNK * 2);
    expect(await target.articles.get('captured')).toBeDefined();
    expect((await target.articles.get('b3'))?.collections).toEqual(['col-backup']);
  });

  it('takes back what it wrote when the reader cancels, the collections it added with the articles', async () => {
    const backup = await largeBackup();
    const target = freshDb();
    await target.articles.add(makeArticle('mine', { title: 'Backed up article number 7', savedAt: 1, tags: ['mine'] }));
    const before = await target.articles.toArray();
    const controller = new AbortController();
    const stages: string[] = [];
    const report = await restoreLibrary(target, backup, {
      signal: controller.signal,
      onProgress: ({ stage, done, total }) => {
        stages.push(`${stage}:${done}/${total}`);
        if (stage === 'writing' && done === WRITE_CHUNK + 100) controller.abort();
      },
    });
    // Writing is said before the collections are written; the first chunk, written, is taken back a hundred at a time.
    expect(stages.filter((stage) => !stage.startsWith('parsing'))[0]).toMatch(/^writing:0\//);
    expect(stages.filter((stage) => stage.startsWith('takingBack'))).toEqual([100, 200, 300, 400, 500].map((done) => `takingBack:${done}/${WRITE_CHUNK}`));
    expect(report).toMatchObject({ cancelled: true, articles: { added: 0, merged: 0 } });
    expect(await target.articles.toArray()).toEqual(before);
    expect(await target.collections.count()).toBe(0);
  });
});

