import Dexie from 'dexie';
import type { SimlitDB } from '@/lib/db/schema';
import { storeCapture } from '@/lib/db/store-capture';
import type { FileProgress } from '@/lib/files/progress';
import { makeArticle } from './library-fixtures';

/**
 * A capture issued as the background issues one, outside the writer's transactions, once a long
 * write (an import, a restore) reports `at` articles written: give the write `onProgress`, then
 * `progressWhenStored()` says how far the write had got when the capture (article 'captured') was
 * stored.
 */
export function captureMeanwhile(db: SimlitDB, at: number) {
  let capture: Promise<void> | undefined;
  let storedAt: number | undefined;
  let lastProgress = 0;
  return {
    onProgress({ stage, done }: FileProgress): void {
      if (stage !== 'writing') return;
      lastProgress = done;
      if (done !== at || capture) return;
      const page = { pageUrl: 'https://example.org/page', platform: 'meta', kind: 'article' as const, capturedAt: 5 };
      capture = Dexie.ignoreTransaction(() => storeCapture(db, page, [makeArticle('captured', { title: 'Captured while writing' })])).then(() => {
        storedAt = lastProgress;
      });
    },
    async progressWhenStored(): Promise<number | undefined> {
      await capture;
      return storedAt;
    },
  };
}
