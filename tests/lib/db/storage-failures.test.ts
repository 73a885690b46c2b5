/**
 * Storage failures during a capture: a full quota, a transaction aborted midway, an upgrade
 * while another connection holds the old version. The reader is told in plain words and the
 * library is left exactly as it was.
 */
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storageErrorMessage } from '@/lib/db/errors';
import { SCHEMA_VERSIONS, SimlitDB } from '@/lib/db/schema';
import { storeCapture } from '@/lib/db/store-capture';
import { upsertArticles } from '@/lib/db/upsert';
import { article } from '../capture/fixtures';
import { testDb } from './test-db';

const page = (pageUrl: string, capturedAt = 1_000) => ({ pageUrl, platform: 'qinyun', kind: 'list' as const, capturedAt, tabId: 3 });
const first = [article({ title: 'Circadian cortisol and fatigue', platformId: '1' }), article({ title: 'Sleep and memory in older adults', platformId: '2' })];
const second = [
  article({ title: 'Circadian cortisol and fatigue', platformId: '1', doi: '10.1000/enriched', abstract: 'An abstract that enriches the known article.' }),
  article({ title: 'A third article never stored', platformId: '3' }),
];
const LATEST = Math.max(...SCHEMA_VERSIONS.map((schema) => schema.version));

async function snapshot(db: SimlitDB) {
  return { articles: await db.articles.orderBy('id').toArray(), captures: await db.captures.orderBy('id').toArray() };
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the write to fail');
    },
    (error: unknown) => error,
  );
}

/** The n-th write (put or add) on any object store throws what `error` returns; earlier ones go through. */
function failWrite(n: number, error: () => Error): void {
  let writes = 0;
  for (const method of ['put', 'add'] as const) {
    const original = IDBObjectStore.prototype[method];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      if (++writes === n) throw error();
      return original.apply(this, args);
    });
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a capture when storage fails', () => {
  for (const n of [1, 2, 3]) {
    it(`says the quota is full and keeps the library as it was (quota hit at write ${n})`, async () => {
      const db = testDb(`quota-${n}`);
      await storeCapture(db, page('http://j.cn/first'), first);
      const before = await snapshot(db);
      failWrite(n, () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      const failure = await failureOf(storeCapture(db, page('http://j.cn/second', 2_000), second));
      vi.restoreAllMocks();
      expect(storageErrorMessage(failure)).toBe("The library could not be saved: the disk or the browser's storage quota is full. Nothing was changed.");
      expect(await snapshot(db)).toEqual(before);
      // Once there is room again, the same capture goes through whole.
      expect((await storeCapture(db, page('http://j.cn/second', 2_000), second)).counts).toEqual({ new: 1, known: 0, merged: 1 });
    });
  }

  it('says saving was interrupted and keeps the library as it was when the transaction aborts midway', async () => {
    const db = testDb('abort');
    await storeCapture(db, page('http://j.cn/first'), first);
    const before = await snapshot(db);
    const add = IDBObjectStore.prototype.add;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      // The capture record is written last, after the articles: abort there.
      if (this.name === 'captures') this.transaction.abort();
      return add.apply(this, args);
    });
    const failure = await failureOf(storeCapture(db, page('http://j.cn/second', 2_000), second));
    vi.restoreAllMocks();
    expect(storageErrorMessage(failure)).toBe('Saving was interrupted; the library was left as it was. Try again.');
    expect(await snapshot(db)).toEqual(before);
  });

  it('an import batch is written whole or not at all when the quota runs out midway', async () => {
    const db = testDb('import');
    await storeCapture(db, page('http://j.cn/first'), first);
    const before = await snapshot(db);
    const batch = Array.from({ length: 20 }, (_, i) => article({ title: `Imported article number ${i}`, platformId: `imp-${i}` }));
    failWrite(15, () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const failure = await failureOf(db.transaction('rw', db.articles, () => upsertArticles(db, batch)));
    vi.restoreAllMocks();
    expect(storageErrorMessage(failure)).toMatch(/quota is full/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('says what went wrong in words, not only an error name, for an unknown failure', () => {
    const message = storageErrorMessage(new DOMException('disk I/O error', 'UnknownError'));
    expect(message).toMatch(/^The library could not be updated .*Nothing was changed\.$/);
    expect(message).toContain('disk I/O error');
  });
});

describe('an upgrade while another connection holds the library', () => {
  class NextVersion extends SimlitDB {
    constructor(indexedDB: IDBFactory) {
      super('simlit', { indexedDB, IDBKeyRange });
      this.version(LATEST + 1).stores({ futureTable: 'id' });
    }
  }

  it('an older Simlit connection steps aside, and both keep every article', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const indexedDB = new IDBFactory();
    const older = new SimlitDB('simlit', { indexedDB, IDBKeyRange });
    await storeCapture(older, page('http://j.cn/first'), first);
    const newer = new NextVersion(indexedDB);
    await newer.open();
    expect(await newer.articles.count()).toBe(2);
    // The older tab reopens on the upgraded database and goes on capturing.
    await storeCapture(older, page('http://j.cn/second', 2_000), second);
    expect(await newer.articles.count()).toBe(3);
    // Dexie's own word for the older connection closing.
    expect(warn).toHaveBeenCalledWith("Another connection wants to upgrade database 'simlit'. Closing db now to resume the upgrade.");
  });

  it('waits for a connection that will not close, without losing the write, and names the cause in plain words', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const indexedDB = new IDBFactory();
    const seeded = new SimlitDB('simlit', { indexedDB, IDBKeyRange });
    await storeCapture(seeded, page('http://j.cn/first'), first);
    seeded.close();
    // A connection that ignores the request to close (an old tab that never answers).
    const stubborn = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('simlit');
      request.onsuccess = () => resolve(request.result as unknown as IDBDatabase);
      request.onerror = () => reject(request.error);
    });
    const newer = new NextVersion(indexedDB);
    const blocked = new Promise<void>((resolve) => newer.on('blocked', () => resolve()));
    const writing = storeCapture(newer, page('http://j.cn/second', 2_000), second);
    await blocked;
    expect(storageErrorMessage(Object.assign(new Error('upgrade blocked'), { name: 'BlockedError' }))).toBe(
      'The library is open in an older version of Simlit in another tab. Close that tab and try again.',
    );
    stubborn.close();
    expect((await writing).counts).toEqual({ new: 1, known: 0, merged: 1 });
    expect(await newer.articles.count()).toBe(3);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("Upgrade 'simlit' blocked by other connection"));
  });
});

describe('storage failure messages in the reader\'s language', () => {
  it('words a full disk in Chinese for a Chinese UI', async () => {
    const { translator } = await import('@/lib/i18n');
    const quota = new DOMException('quota', 'QuotaExceededError');
    expect(storageErrorMessage(quota, translator('zh_CN'))).toBe('无法保存到文献库：磁盘或浏览器的存储空间已满。文献库未作任何改动。');
    expect(storageErrorMessage(new DOMException('disk I/O error', 'UnknownError'), translator('zh_CN'))).toBe('无法更新文献库（UnknownError：disk I/O error）。文献库未作任何改动。');
  });
});
