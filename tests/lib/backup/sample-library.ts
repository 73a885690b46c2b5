import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { normalizeItem } from '@/lib/capture/normalize-item';
import { SimlitDB } from '@/lib/db/schema';
import { storeCapture } from '@/lib/db/store-capture';

let counter = 0;
/** Each call is another browser: its own IndexedDB. */
export function freshDb(): SimlitDB {
  return new SimlitDB(`backup-test-${++counter}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

/** A library with every kind of data: captured and saved articles, tags, notes, collections, settings. */
export async function sampleLibrary(db: SimlitDB): Promise<void> {
  const page = 'https://journal.example/issue/1';
  const articles = [
    normalizeItem({ title: '深度学习在医学影像中的应用', authors: ['王伟', '李娜'], doi: '10.1000/zh.1', date: '2021-06', abstract: '摘要内容。' }, { pageUrl: page, platform: 'meta', capturedAt: 10 })!,
    normalizeItem({ title: 'Shaking without quaking', authors: ['Hiroo Kanamori'], date: '1998', url: 'https://journal.example/a/2' }, { pageUrl: page, platform: 'meta', capturedAt: 10 })!,
  ];
  await storeCapture(db, { pageUrl: page, platform: 'meta', kind: 'list', capturedAt: 10 }, articles);
  await db.collections.add({ id: 'col-thesis', name: '毕业论文', createdAt: 11, updatedAt: 11 });
  await db.articles.update(articles[0].id, { savedAt: 12, tags: ['影像', 'AI'], note: '第三章引用', collections: ['col-thesis'] });
  await db.settings.bulkPut([
    { key: 'uiLanguage', value: 'zh_CN' },
    { key: 'pausedSites', value: ['mail.example.com'] },
  ]);
}

