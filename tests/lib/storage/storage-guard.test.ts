import { describe, expect, it } from 'vitest';
import type { StorageCap } from '@/lib/db/settings';
import { articleBytes } from '@/lib/db/listing';
import type { PruneOutcome } from '@/lib/storage/prune';
import { StorageGuard } from '@/lib/storage/storage-guard';
import { article } from '../capture/fixtures';

const CAP: StorageCap = { articles: 100, megabytes: 1 };
const some = (count: number) => Array.from({ length: count }, (_, i) => article({ title: `An article the page added ${i}`, platformId: String(i) }));

function guardWith(unsaved: number) {
  const calls: StorageCap[] = [];
  const pruned: PruneOutcome[] = [];
  let resolvePrune: (() => void) | undefined;
  const guard = new StorageGuard({
    readCap: async () => CAP,
    prune: async (cap) => {
      calls.push(cap);
      await new Promise<void>((resolve) => (resolvePrune = resolve));
      return { tally: { articles: Math.min(unsaved, 95), bytes: 0 }, removedIds: unsaved > 100 ? ['x'] : [] };
    },
    onPruned: (outcome) => pruned.push(outcome),
  });
  return { guard, calls, pruned, finishPrune: () => resolvePrune?.() };
}

async function settle(promise: Promise<void>, finish: () => void) {
  await new Promise((resolve) => setTimeout(resolve, 0));
  finish();
  await promise;
}

describe('StorageGuard', () => {
  it('measures on the first capture that adds articles, then only counts until the cap is passed', async () => {
    const h = guardWith(50);
    await h.guard.added([]);
    expect(h.calls).toHaveLength(0);
    await settle(h.guard.added(some(3)), h.finishPrune);
    expect(h.calls).toHaveLength(1);
    await h.guard.added(some(45)); // 50 + 45 = 95: within the cap, no measuring
    expect(h.calls).toHaveLength(1);
    await settle(h.guard.added(some(10)), h.finishPrune); // 105: over
    expect(h.calls).toHaveLength(2);
  });

  it('counts bytes too', async () => {
    const h = guardWith(10);
    await settle(h.guard.added(some(1)), h.finishPrune);
    const heavy = some(1).map((a) => ({ ...a, abstract: 'x'.repeat(600_000) }));
    expect(articleBytes(heavy[0])).toBeGreaterThan(1024 * 1024);
    await settle(h.guard.added(heavy), h.finishPrune);
    expect(h.calls).toHaveLength(2);
  });

  it('measures again after the library changed elsewhere, and runs one pruning at a time', async () => {
    const h = guardWith(150);
    const first = h.guard.added(some(1));
    const second = h.guard.added(some(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(h.calls).toHaveLength(1); // the second waits for the first, then runs once more
    h.finishPrune();
    await new Promise((resolve) => setTimeout(resolve, 0));
    h.finishPrune();
    await Promise.all([first, second]);
    expect(h.calls).toHaveLength(2);
    expect(h.pruned).toHaveLength(2);
    h.guard.invalidate();
    await settle(h.guard.added(some(1)), h.finishPrune);
    expect(h.calls).toHaveLength(3);
  });
});
