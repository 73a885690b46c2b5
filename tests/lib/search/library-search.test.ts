import { describe, expect, it, vi } from 'vitest';
import { LibrarySearch, type ArticleVersions, type SearchProgress } from '@/lib/search/library-search';
import type { SimlitDB } from '@/lib/db/schema';
import type { Article } from '@/lib/model/article';
import { testDb } from '../db/test-db';

function article(id: string, fields: Partial<Article>): Article {
  return {
    id, type: 'article-journal', platform: 'cnki', ids: [], titleKey: id, fingerprint: '', sightings: [],
    capturedAt: 1, updatedAt: 1, collections: [], tags: [], ...fields,
  };
}

/** The library list's versions, as the page has them. */
async function listVersions(db: SimlitDB): Promise<ArticleVersions> {
  const rows = await db.listing.toArray();
  return { ids: rows.map((row) => row.id), stamps: rows.map((row) => row.updatedAt) };
}

const found = async (search: LibrarySearch, text: string) => (await search.search(text)).hits.map((hit) => hit.id).sort();

describe('LibrarySearch', () => {
  it('reads nothing until the first search, then the whole library, reporting progress', async () => {
    const db = testDb();
    await db.articles.bulkAdd(Array.from({ length: 123 }, (_, i) => article(`a${String(i).padStart(4, '0')}`, { title: i % 3 ? '政策执行' : '问责制度' })));
    const search = new LibrarySearch(db, 50);
    const progress: SearchProgress[] = [];
    const { hits } = await search.search('问责', (p) => progress.push(p));
    expect(hits.length).toBe(41);
    expect(progress).toEqual([0, 50, 100, 123].map((done) => ({ done, total: 123 }))); // page by page
  });

  it('catches up with articles added, changed and deleted since the last search', async () => {
    const db = testDb();
    await db.articles.bulkAdd([article('a', { title: '基层问责' }), article('b', { title: '骨质疏松' }), article('c', { abstract: '问责压力' })]);
    const search = new LibrarySearch(db);
    expect(await found(search, '问责')).toEqual(['a', 'c']);

    await db.articles.update('b', { title: '问责与避责', updatedAt: 2 });
    await db.articles.delete('c');
    await db.articles.add(article('d', { note: '关于问责的笔记', updatedAt: 3 }));
    search.changed();
    expect(await found(search, '问责')).toEqual(['a', 'b', 'd']);
  });

  it('catches up from the versions the page\'s list gives, without reading the library\'s updatedAt index', async () => {
    const db = testDb();
    await db.articles.bulkAdd([article('a', { title: '基层问责' }), article('b', { title: '骨质疏松' }), article('c', { abstract: '问责压力' })]);
    const search = new LibrarySearch(db);
    const first = await listVersions(db);
    search.changed(undefined, () => first);
    const byUpdatedAt = vi.spyOn(db.articles, 'orderBy');
    expect(await found(search, '问责')).toEqual(['a', 'c']);

    await db.articles.update('b', { title: '问责与避责', updatedAt: 2 });
    await db.articles.delete('c');
    await db.articles.add(article('d', { note: '关于问责的笔记', updatedAt: 3 }));
    const versions = await listVersions(db);
    // A list read before the change leaves the index as it was; the newer one brings it up to date.
    search.changed(undefined, () => ({ ids: ['a', 'b', 'c'], stamps: [1, 1, 1] }));
    expect(await found(search, '问责')).toEqual(['a', 'c']);
    search.changed(undefined, () => versions);
    expect(await found(search, '问责')).toEqual(['a', 'b', 'd']);
    expect(byUpdatedAt.mock.calls.filter(([index]) => index === 'updatedAt')).toEqual([]);
    expect(byUpdatedAt).toHaveBeenCalledWith(':id'); // the build's pages
  });

  it('reads again the articles it is told of, even when their updatedAt did not move', async () => {
    const db = testDb();
    await db.articles.add(article('a', { title: 'old title', updatedAt: 5 }));
    const search = new LibrarySearch(db);
    expect(await found(search, 'old')).toEqual(['a']);
    await db.articles.update('a', { title: 'new title' });
    search.changed(['a']);
    expect(await found(search, 'old')).toEqual([]);
    expect(await found(search, 'new')).toEqual(['a']);
  });

  it('answers searches in turn while the index is being built', async () => {
    const db = testDb();
    await db.articles.bulkAdd(Array.from({ length: 120 }, (_, i) => article(`a${i}`, { title: `neural ${i}` })));
    const search = new LibrarySearch(db, 50);
    search.prepare();
    const [first, second] = await Promise.all([search.search('neural'), search.search('neural 119')]);
    expect(first.hits.length).toBe(120);
    expect(second.hits.map((hit) => hit.id)).toEqual(['a119']);
  });
});
