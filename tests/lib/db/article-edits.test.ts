import { describe, expect, it } from 'vitest';
import { addTags, EDIT_CHUNK, editArticle, editEach, normalizeTag, parseTags, removeTag, setNote, setSaved } from '@/lib/db/article-edits';
import { addToCollection, createCollection } from '@/lib/db/collections';
import { recordFingerprint } from '@/lib/model/fingerprint';
import { testDb } from './test-db';
import { makeArticle } from './library-fixtures';

describe('tags', () => {
  it('normalizes and splits typed tags on western and Chinese separators', () => {
    expect(normalizeTag('  deep \n learning ')).toBe('deep learning');
    expect(normalizeTag('x'.repeat(150))).toHaveLength(100);
    expect(parseTags('综述，肿瘤、 deep learning , ,综述;review')).toEqual(['综述', '肿瘤', 'deep learning', 'review']);
  });

  it('adds tags to several articles without repeating one, and removes a tag', async () => {
    const db = testDb();
    await db.articles.bulkAdd([makeArticle('1', { tags: ['review'] }), makeArticle('2')]);
    await addTags(db, ['1', '2'], ['review', ' 肿瘤 ', ''], 20);
    expect((await db.articles.get('1'))?.tags).toEqual(['review', '肿瘤']);
    expect(await db.articles.get('2')).toMatchObject({ tags: ['review', '肿瘤'], updatedAt: 20 });
    await removeTag(db, ['1'], 'review', 21);
    expect(await db.articles.get('1')).toMatchObject({ tags: ['肿瘤'], updatedAt: 21 });
    expect((await db.articles.get('2'))?.tags).toEqual(['review', '肿瘤']);
  });
});

describe('setNote', () => {
  it('sets a note and removes it when blank', async () => {
    const db = testDb();
    await db.articles.add(makeArticle('1'));
    await setNote(db, '1', '读过，方法可借鉴', 30);
    expect(await db.articles.get('1')).toMatchObject({ note: '读过，方法可借鉴', updatedAt: 30 });
    await setNote(db, '1', '  \n ', 31);
    const article = await db.articles.get('1');
    expect(article && 'note' in article).toBe(false);
  });

  it('fails for a missing article', async () => {
    await expect(setNote(testDb(), 'nope', 'x')).rejects.toThrow(/no article/);
  });
});

describe('setSaved', () => {
  it('saves and unsaves, and leaves an article saved only once', async () => {
    const db = testDb();
    await db.articles.add(makeArticle('a'));
    await setSaved(db, ['a'], true, 7);
    await setSaved(db, ['a', 'missing'], true, 9);
    expect((await db.articles.get('a'))?.savedAt).toBe(7);
    expect((await db.articles.toArray()).filter((article) => article.savedAt).length).toBe(1);
    await setSaved(db, ['a'], false);
    expect((await db.articles.get('a'))?.savedAt).toBeUndefined();
  });
});

describe('editArticle', () => {
  it('sets the fields that changed, marks them as the reader\'s and follows them with the identity keys', async () => {
    const db = testDb();
    await db.articles.add(makeArticle('1', { title: 'Old title', abstract: 'An abstract long enough to have a fingerprint of its own here.', volume: '3' }));
    const before = (await db.articles.get('1'))!;
    const changed = await editArticle(db, '1', { title: 'A corrected title', volume: '3', DOI: 'doi:10.1000/ABC', URL: 'javascript:alert(1)' }, 50);
    expect(changed).toEqual(['title', 'DOI']);
    const after = (await db.articles.get('1'))!;
    expect(after).toMatchObject({ title: 'A corrected title', volume: '3', DOI: '10.1000/abc', readerFields: ['title', 'DOI'], updatedAt: 50 });
    expect(after.URL).toBe(before.URL);
    expect(after.titleKey).toBe('acorrectedtitle');
    expect(await editArticle(db, '1', { abstract: undefined, type: undefined }, 60)).toEqual(['abstract']);
    const cleared = (await db.articles.get('1'))!;
    expect('abstract' in cleared).toBe(false);
    expect(cleared.fingerprint).toBe('');
    expect(cleared.type).toBe('article-journal');
    expect(cleared.readerFields).toEqual(['title', 'DOI', 'abstract']);
  });

  it('gives an article nothing else identifies its whole record as fingerprint, following the edit', async () => {
    const db = testDb();
    await db.articles.add(makeArticle('1', { title: '卷首语', ids: [], issued: { 'date-parts': [[2019]] }, 'container-title': '读书', issue: '1' }));
    await editArticle(db, '1', { issue: '2' }, 50);
    const edited = (await db.articles.get('1'))!;
    expect(edited.fingerprint).toBe(recordFingerprint(edited));
    expect(edited.fingerprint).not.toBe(recordFingerprint({ ...edited, issue: '1' }));
  });

  it('writes nothing when nothing changes, and refuses an unknown article', async () => {
    const db = testDb();
    await db.articles.add(makeArticle('1', { title: 'Same' }));
    expect(await editArticle(db, '1', { title: 'Same' }, 99)).toEqual([]);
    expect((await db.articles.get('1'))!.updatedAt).not.toBe(99);
    await expect(editArticle(db, 'missing', { title: 'x' })).rejects.toThrow('no article missing');
  });
});

describe('editEach: a change to many articles', () => {
  const many = (count: number) => Array.from({ length: count }, (_, i) => makeArticle(`a${String(i).padStart(5, '0')}`, { updatedAt: 1 }));

  it('writes only the articles it changes, skips missing ones, and says how far it is after each chunk', async () => {
    const db = testDb();
    const articles = many(EDIT_CHUNK * 2 + 7);
    await db.articles.bulkAdd(articles);
    const ids = [...articles.map((a) => a.id), 'missing'];
    const progress: [number, number][] = [];
    const changed = await editEach(db, ids, (article) => (Number(article.id.slice(1)) % 2 ? { ...article, note: 'odd', updatedAt: 5 } : undefined), {
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(changed).toBe(EDIT_CHUNK + 3);
    expect(progress).toEqual([[EDIT_CHUNK, ids.length], [EDIT_CHUNK * 2, ids.length], [ids.length, ids.length]]);
    const stored = await db.articles.toArray();
    expect(stored.filter((a) => a.note === 'odd').map((a) => a.id)).toEqual(articles.filter((_, i) => i % 2).map((a) => a.id));
    expect(stored.filter((a) => a.updatedAt === 1)).toHaveLength(EDIT_CHUNK + 4);
    expect(await db.listing.count()).toBe(articles.length);
  });

  it('keeps the chunks written before one that fails, and fails with its error', async () => {
    const db = testDb();
    const articles = many(EDIT_CHUNK * 3);
    await db.articles.bulkAdd(articles);
    let chunks = 0;
    const failing = editEach(db, articles.map((a) => a.id), (article) => ({ ...article, tags: ['t'] }), {
      check: async () => {
        if (++chunks === 2) throw new Error('disk full');
      },
    });
    await expect(failing).rejects.toThrow('disk full');
    expect((await db.listing.toArray()).filter((row) => row.tags.includes('t'))).toHaveLength(EDIT_CHUNK);
  });

  it('adds a whole library to a collection, and stops when the collection is deleted meanwhile', async () => {
    const db = testDb();
    const articles = many(EDIT_CHUNK * 3);
    await db.articles.bulkAdd(articles);
    const { id } = await createCollection(db, 'Big');
    const ids = articles.map((a) => a.id);
    expect(await addToCollection(db, id, ids, 9)).toBe(ids.length);
    expect(await addToCollection(db, id, ids, 10)).toBe(0);
    expect(await db.listing.where('collections').equals(id).count()).toBe(ids.length);
    const other = await createCollection(db, 'Other');
    // The collection goes after the first chunk (deleteCollection takes its members out first).
    const adding = addToCollection(db, other.id, ids, 11, { onProgress: (done) => void (done === EDIT_CHUNK && db.collections.delete(other.id)) });
    await expect(adding).rejects.toThrow(/no collection/);
    expect(await db.listing.where('collections').equals(other.id).count()).toBe(EDIT_CHUNK);
  });
});
