import { describe, expect, it } from 'vitest';
import { EntryQueue, type EntryResult } from '@/lib/import/entry-queue';

/** A queue of `n` entries, every third rejected, that records which entries it parsed. */
function countingQueue(n: number) {
  const parsedEntries: number[] = [];
  const entries = Array.from({ length: n }, (_, i) => `entry ${i}`);
  const queue = EntryQueue.of(entries, (entry, index): EntryResult => {
    parsedEntries.push(index);
    return index % 3 === 2 ? { rejection: { index, entry, reason: 'broken' } } : { item: { id: entry, type: 'article-journal', title: entry } };
  });
  return { queue, parsedEntries, entries };
}

/** Lets the thread run every task queued now, and the tasks those queue, `rounds` times over. */
async function tasksRun(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((done) => setTimeout(done, 0));
}

describe('EntryQueue', () => {
  it('parses entries as they are taken, in order, keeping the rejected ones apart', () => {
    const { queue, parsedEntries } = countingQueue(7);
    expect(queue.total).toBe(7);
    expect(parsedEntries).toEqual([]);
    expect(queue.take(3).map((item) => item.id)).toEqual(['entry 0', 'entry 1', 'entry 3']);
    expect(parsedEntries).toEqual([0, 1, 2, 3]);
    expect(queue.rejected).toEqual([{ index: 2, entry: 'entry 2', reason: 'broken' }]);
    expect(queue.drained).toBe(false);
    expect(queue.take(10).map((item) => item.id)).toEqual(['entry 4', 'entry 6']);
    expect(queue.rejected.map((rejection) => rejection.index)).toEqual([2, 5]);
    expect(queue.drained).toBe(true);
    expect(queue.take(10)).toEqual([]);
  });

  it('lets each entry go once parsed', () => {
    const { queue, entries } = countingQueue(4);
    queue.take(2);
    expect(entries).toEqual([undefined, undefined, 'entry 2', 'entry 3']);
  });

  it('parses ahead between other tasks up to its limit, until the next take', async () => {
    const { queue, parsedEntries } = countingQueue(30);
    queue.parseAhead(4);
    // Nothing is parsed in the caller's own task: ahead means in tasks of its own.
    expect(parsedEntries).toEqual([]);
    await expect.poll(() => parsedEntries.length, { timeout: 30_000 }).toBe(5); // 4 items and the entry rejected among them
    await tasksRun();
    expect(parsedEntries).toHaveLength(5);
    // Taken, the parsed items are not parsed again, and nothing more is parsed ahead until asked.
    expect(queue.take(4).map((item) => item.id)).toEqual(['entry 0', 'entry 1', 'entry 3', 'entry 4']);
    await tasksRun();
    expect(parsedEntries).toHaveLength(5);
    queue.parseAhead(4);
    await expect.poll(() => parsedEntries.length, { timeout: 30_000 }).toBe(11);
    expect(queue.take(100)).toHaveLength(20 - 4);
    expect(parsedEntries).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('stops parsing ahead at a take made meanwhile', async () => {
    const { queue, parsedEntries } = countingQueue(30);
    queue.parseAhead(20);
    expect(queue.take(1)).toHaveLength(1);
    await tasksRun();
    expect(parsedEntries).toEqual([0]);
  });
});
