import { describe, expect, it, vi } from 'vitest';
import { storeCapture, MAX_CAPTURES, PRUNE_CAPTURES_EVERY } from '@/lib/db/store-capture';
import { setSaved } from '@/lib/db/article-edits';
import { latestCapture } from '@/lib/db/latest-capture';
import { readLibraryState } from '@/lib/db/library-state';
import { SEEN_RESOLUTION_MS } from '@/lib/db/upsert';
import { article, SEED_DUPLICATE_ABSTRACT } from '../capture/fixtures';
import { testDb } from './test-db';

const page = (pageUrl: string, capturedAt = 1_000) => ({ pageUrl, platform: 'qinyun', kind: 'list' as const, capturedAt, tabId: 3 });

describe('storeCapture', () => {
  it('adds new articles, then reports them as known on a second capture of the same page', async () => {
    const db = testDb();
    const items = [article({ title: 'Circadian cortisol and fatigue', platformId: '1' }), article({ abstract: SEED_DUPLICATE_ABSTRACT, platformId: '2' })];
    const first = await storeCapture(db, page('http://j.cn/list'), items);
    expect(first.counts).toEqual({ new: 2, known: 0, merged: 0 });
    const second = await storeCapture(db, page('http://j.cn/list', 2_000), items);
    expect(second.counts).toEqual({ new: 0, known: 2, merged: 0 });
    expect(second.written).toEqual([]);
    expect(await db.articles.count()).toBe(2);
    expect(await db.captures.count()).toBe(1); // only the latest capture of a page is kept
  });

  it('leaves the library in the state its kept answers were ranked in when a page shows its articles again an hour later', async () => {
    const db = testDb();
    const items = (time: number) => [article({ title: 'Circadian cortisol and fatigue', platformId: '1' }, 'qinyun', time, 'http://j.cn/list')];
    await storeCapture(db, page('http://j.cn/list'), items(1_000));
    const state = await readLibraryState(db);
    const later = 1_000 + 2 * SEEN_RESOLUTION_MS;
    const again = await storeCapture(db, page('http://j.cn/list', later), items(later));
    expect((await db.articles.toArray())[0].seenAt).toBe(later); // the sighting is recorded
    expect(again.written).toEqual([]);
    expect(await readLibraryState(db)).toEqual(state);
  });

  it('merges a richer record of a known article and keeps what the reader did', async () => {
    const db = testDb();
    const listed = article({ title: 'Circadian cortisol and fatigue severity', platformId: '25817406' }, 'pubmed', 1_000, 'http://pubmed/list');
    await storeCapture(db, page('http://pubmed/list'), [listed]);
    await setSaved(db, [listed.id], true, 42);
    const detailed = article({ title: 'Circadian cortisol and fatigue severity.', doi: '10.1016/j.psyneuen.2015.03.010', abstract: 'Fatigue is a common and disabling symptom in multiple sclerosis.' }, 'meta', 2_000, 'http://journal/article');
    const result = await storeCapture(db, page('http://journal/article', 2_000), [detailed]);
    expect(result.counts.merged).toBe(1);
    const stored = await db.articles.get(listed.id);
    expect(stored).toMatchObject({ savedAt: 42, DOI: '10.1016/j.psyneuen.2015.03.010', abstract: expect.stringMatching(/^Fatigue/) });
    expect(stored!.sightings.map((s) => s.pageUrl)).toEqual(['http://pubmed/list', 'http://journal/article']);
  });

  it("starts a page's new capture with the earlier one's kept answer when it yields the same articles, and with none when they differ", async () => {
    const db = testDb();
    const items = [article({ title: 'Circadian cortisol and fatigue', platformId: '1' }), article({ abstract: SEED_DUPLICATE_ABSTRACT, platformId: '2' })];
    const first = await storeCapture(db, page('http://j.cn/list'), items);
    const kept = { similar: [{ id: 'other', score: 0.4, terms: ['cortisol'] }], similarAsOf: { newest: 1_000, size: 2 } };
    await db.captures.update(first.captureId, kept);
    const again = await storeCapture(db, page('http://j.cn/list', 2_000), items);
    expect(await db.captures.get(again.captureId)).toMatchObject({ capturedAt: 2_000, ...kept });
    expect(again.keptAsOf).toEqual(kept.similarAsOf); // the background need not rank it again while it holds
    // The list now shows other articles: the answer was about the ones before.
    const changed = await storeCapture(db, page('http://j.cn/list', 3_000), [items[1], article({ title: 'Fatigue in multiple sclerosis', platformId: '3' })]);
    const stored = await db.captures.get(changed.captureId);
    expect(stored?.similar).toBeUndefined();
    expect(stored?.similarAsOf).toBeUndefined();
    expect(changed.keptAsOf).toBeUndefined();
    // Another page with the same articles has an answer of its own to wait for.
    const elsewhere = await storeCapture(db, page('http://j.cn/other-list', 4_000), items);
    expect((await db.captures.get(elsewhere.captureId))?.similar).toBeUndefined();
  });

  it('writes nothing when the transaction fails midway', async () => {
    const db = testDb();
    const good = article({ title: 'A perfectly good article title' });
    const broken = { ...article({ title: 'An article that cannot be stored' }), ids: [Symbol('not a key') as unknown as string] };
    await expect(storeCapture(db, page('http://j.cn/p'), [good, broken])).rejects.toThrow();
    expect(await db.articles.count()).toBe(0);
    expect(await db.captures.count()).toBe(0);
  });

  it('finds the latest capture of a tab by page URL, or by tab when the URL is unknown', async () => {
    const db = testDb();
    const first = article({ title: 'First article on the page' });
    await storeCapture(db, page('http://j.cn/a', 1), [first]);
    await storeCapture(db, { ...page('http://j.cn/b', 2), tabId: 3 }, []);
    expect((await latestCapture(db, { id: 3, url: 'http://j.cn/a' }))?.articles.map((a) => a.id)).toEqual([first.id]);
    expect((await latestCapture(db, { id: 3 }))?.capture.pageUrl).toBe('http://j.cn/b');
    expect(await latestCapture(db, { id: 9, url: 'http://j.cn/none' })).toBeUndefined();
  });

  it('keeps at most MAX_CAPTURES capture records, dropping the oldest, counting them once every PRUNE_CAPTURES_EVERY captures', async () => {
    const db = testDb();
    await db.captures.bulkAdd(Array.from({ length: MAX_CAPTURES }, (_, i) => ({ pageUrl: `http://old/${i}`, platform: 'meta', kind: 'article' as const, capturedAt: i, items: [] })));
    const counted = vi.spyOn(db.captures, 'count');
    const sizes: number[] = [];
    for (let i = 0; i < PRUNE_CAPTURES_EVERY; i++) {
      await storeCapture(db, page(`http://new/${i}`, 10 ** 9 + i), []);
      sizes.push(await db.captures.count());
    }
    expect(counted.mock.calls.length).toBe(PRUNE_CAPTURES_EVERY + 1); // the test's own counts, and one pruning
    expect(Math.max(...sizes)).toBe(MAX_CAPTURES + PRUNE_CAPTURES_EVERY - 1);
    expect(sizes.at(-1)).toBe(MAX_CAPTURES);
    expect(await db.captures.where('pageUrl').equals(`http://old/${PRUNE_CAPTURES_EVERY - 1}`).count()).toBe(0);
    expect(await db.captures.where('pageUrl').equals(`http://old/${PRUNE_CAPTURES_EVERY}`).count()).toBe(1);
    expect(await db.captures.where('pageUrl').equals('http://new/0').count()).toBe(1);
  });
});

describe('storeCapture for a flooding site', () => {
  it('adds at most maxNew new articles and records on the capture what the page lost in this tab so far', async () => {
    const db = testDb();
    const flood = (round: number) => Array.from({ length: 5 }, (_, i) => article({ title: `Flooded article ${round}-${i}`, platformId: `${round}-${i}` }));
    const first = await storeCapture(db, page('http://flood.cn/list', 1), flood(1), { maxNew: 2 });
    expect(first).toMatchObject({ dropped: 3, counts: { new: 2 } });
    const second = await storeCapture(db, page('http://flood.cn/list', 2), flood(2), { maxNew: 5 });
    expect(second.dropped).toBe(0);
    // The latest capture of the page still tells of the three lost before, in the same tab.
    expect((await db.captures.get(second.captureId))?.dropped).toBe(3);
    const otherTab = await storeCapture(db, { ...page('http://flood.cn/list', 3), tabId: 9 }, flood(3), { maxNew: 5 });
    expect((await db.captures.get(otherTab.captureId))?.dropped).toBeUndefined();
    expect(await db.articles.count()).toBe(2 + 5 + 5);
  });
});
