import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATCH_UP_MARGIN_MS, LibraryIdentities } from '@/lib/db/library-identities';
import { makeArticle } from './library-fixtures';
import { testDb } from './test-db';

afterEach(() => vi.restoreAllMocks());

/** Long enough to have a fingerprint (40 letters). */
const ABSTRACT = '本文基于多个地区的调查，分析基层治理中形式主义的成因、表现与后果，并提出以减负和问责改革为核心的治理路径。';

const LIBRARY = [
  makeArticle('by-doi', { title: 'Deep learning for protein folding', DOI: '10.1/a', ids: ['cnki:A1', 'wanfang:W1'] }),
  makeArticle('by-title', { title: '基层治理中的形式主义', abstract: ABSTRACT }),
];

async function readIdentities(importedAt = Date.now()) {
  const db = testDb();
  await db.articles.bulkAdd(LIBRARY);
  const identities = await db.transaction('r', db.articles, () => LibraryIdentities.read(db, importedAt));
  return { db, identities };
}

const incoming = (fields: Parameters<typeof makeArticle>[1]) => makeArticle('incoming', { ids: [], ...fields });

describe('the library\'s identities held for an import', () => {
  it('name the articles sharing a DOI, any of several ids, a title key or an abstract fingerprint', async () => {
    const { identities } = await readIdentities();
    expect(identities.sharing([incoming({ title: 'Other', DOI: '10.1/a' })])).toEqual(['by-doi']);
    expect(identities.sharing([incoming({ title: 'Other', ids: ['wanfang:W1'] })])).toEqual(['by-doi']);
    expect(identities.sharing([incoming({ title: '基层治理中的形式主义' })])).toEqual(['by-title']);
    expect(identities.sharing([incoming({ title: 'Other', abstract: ABSTRACT })])).toEqual(['by-title']);
    expect(identities.sharing([incoming({ title: 'Nothing shared', abstract: 'Nor here.' })])).toEqual([]);
    expect(identities.has('by-doi') && identities.has('by-title') && !identities.has('incoming')).toBe(true);
  });

  it('name every article holding a value that several hold', async () => {
    const { db, identities } = await readIdentities();
    const now = Date.now();
    await db.articles.add(makeArticle('same-title', { title: '基层治理中的形式主义', DOI: '10.1/other', updatedAt: now }));
    await db.transaction('rw', db.articles, () => identities.catchUp(db));
    expect(identities.sharing([incoming({ title: '基层治理中的形式主义' })]).sort()).toEqual(['by-title', 'same-title']);
    expect(identities.sharing([incoming({ title: 'Other', DOI: '10.1/other' })])).toEqual(['same-title']);
  });

  it('catch up with an article another writer added or changed since, and read only those', async () => {
    const { db, identities } = await readIdentities();
    const now = Date.now();
    await db.articles.add(makeArticle('captured', { title: 'Captured while importing', DOI: '10.1/new', updatedAt: now }));
    await db.articles.update('by-title', { DOI: '10.1/late', updatedAt: now });
    const reads = vi.spyOn(db.articles, 'bulkGet');
    await db.transaction('rw', db.articles, () => identities.catchUp(db));
    expect(reads.mock.calls.map(([ids]) => [...ids].sort())).toEqual([['by-title', 'captured']]);
    expect(identities.sharing([incoming({ title: 'x', DOI: '10.1/new' })])).toEqual(['captured']);
    expect(identities.sharing([incoming({ title: 'x', DOI: '10.1/late' })])).toEqual(['by-title']);
    expect(identities.has('captured')).toBe(true);
    // Nothing changed since: nothing is read again.
    await db.transaction('rw', db.articles, () => identities.catchUp(db));
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('step over the import\'s own new articles, dated when the import began, and over what is older than the margin', async () => {
    const importedAt = Date.now() - 1000;
    const { db, identities } = await readIdentities(importedAt);
    await db.articles.add(makeArticle('imported', { title: 'Written by the import', updatedAt: importedAt }));
    await db.articles.add(makeArticle('old', { title: 'Restored with an old date', updatedAt: importedAt - 2 * CATCH_UP_MARGIN_MS }));
    const reads = vi.spyOn(db.articles, 'bulkGet');
    await db.transaction('rw', db.articles, () => identities.catchUp(db));
    expect(reads).not.toHaveBeenCalled();
    expect(identities.has('imported')).toBe(false);
  });
});
