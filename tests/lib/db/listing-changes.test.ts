import { RangeSet } from 'dexie';
import { describe, expect, it } from 'vitest';
import { listingChange, withRowsReadAgain } from '@/lib/db/listing-changes';
import { listingRow } from '@/lib/db/listing';
import { makeArticle } from './library-fixtures';
import { testDb } from './test-db';

describe('listingChange', () => {
  it('names the rows a write named, from a range set or from its plain copy (another page or the background)', () => {
    const keys = new RangeSet().addKeys(['b', 'a', 'c']);
    expect(listingChange({ 'idb://simlit/listing/': keys }, 'simlit')).toEqual({ ids: expect.arrayContaining(['a', 'b', 'c']) });
    const copied = structuredClone({ 'idb://simlit/listing/': keys });
    expect(Object.getPrototypeOf(copied['idb://simlit/listing/'])).toBe(Object.prototype);
    expect((listingChange(copied, 'simlit') as { ids: string[] }).ids.sort()).toEqual(['a', 'b', 'c']);
  });

  it('says all for a range, and nothing for another table or database', () => {
    expect(listingChange({ 'idb://simlit/listing/': new RangeSet(-Infinity, [[[]]]) }, 'simlit')).toBe('all');
    expect(listingChange({ 'idb://simlit/listing/': new RangeSet('a', 'c') }, 'simlit')).toBe('all');
    expect(listingChange({ 'idb://simlit/articles/': new RangeSet().addKey('a') }, 'simlit')).toBeUndefined();
    expect(listingChange({ 'idb://other/listing/': new RangeSet().addKey('a') }, 'simlit')).toBeUndefined();
  });
});

describe('withRowsReadAgain', () => {
  it('replaces the changed rows, leaves out the deleted ones and puts new ones in id order', async () => {
    const db = testDb();
    const rows = ['a', 'c', 'e'].map((id) => listingRow(makeArticle(id)));
    await db.listing.bulkPut([listingRow(makeArticle('a', { title: 'A changed' })), listingRow(makeArticle('d')), listingRow(makeArticle('b'))]);
    const next = await withRowsReadAgain(db, rows, ['a', 'b', 'c', 'd']);
    expect(next.map((row) => row.id)).toEqual(['a', 'b', 'd', 'e']);
    expect(next[0].title).toBe('A changed');
    expect(next[3]).toBe(rows[2]);
  });
});
