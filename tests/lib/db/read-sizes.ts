import { IDBIndex, IDBObjectStore } from 'fake-indexeddb';
import { vi } from 'vitest';

export interface Read {
  store: string;
  /** Rows asked for; undefined when the whole range was. */
  count: number | undefined;
}

/**
 * Records every getAll / getAllKeys the database is asked for, with the store it reads and how
 * many rows it asks for (restore with vi.restoreAllMocks).
 */
export function recordReads(): Read[] {
  const reads: Read[] = [];
  for (const target of [IDBObjectStore.prototype, IDBIndex.prototype]) {
    for (const method of ['getAll', 'getAllKeys'] as const) {
      const original = target[method] as (...args: unknown[]) => unknown;
      vi.spyOn(target, method).mockImplementation(function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
        // Dexie passes one options object where the browser takes it, else (query, count).
        const [first, second] = args;
        const count = first && typeof first === 'object' && 'count' in first ? first.count : second;
        const store = 'objectStore' in this ? this.objectStore.name : this.name;
        reads.push({ store, count: typeof count === 'number' && count > 0 ? count : undefined });
        return original.apply(this, args);
      } as never);
    }
  }
  return reads;
}
