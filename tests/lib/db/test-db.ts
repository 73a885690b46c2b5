import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { SimlitDB } from '@/lib/db/schema';

/** A fresh, isolated in-memory database for one test. */
export function testDb(name = 'simlit-test'): SimlitDB {
  return new SimlitDB(name, { indexedDB: new IDBFactory(), IDBKeyRange });
}
