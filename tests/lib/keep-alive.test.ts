import { describe, expect, it } from 'vitest';
import { keepingAlive } from '@/lib/keep-alive';

describe('keepingAlive', () => {
  it('pings at most once per interval while progress comes in, and passes progress on', () => {
    let clock = 0;
    let pings = 0;
    const seen: number[] = [];
    const onProgress = keepingAlive(
      async () => pings++,
      (done: number) => seen.push(done),
      { interval: 10_000, now: () => clock },
    );
    for (let done = 1; done <= 30; done++) {
      clock += 1_500;
      onProgress(done);
    }
    // 45 s of progress: a ping at 10.5 s, 21 s, 31.5 s and 42 s.
    expect(pings).toBe(4);
    expect(seen).toHaveLength(30);
  });

  it('goes on when a ping fails', async () => {
    let clock = 0;
    const seen: number[] = [];
    const onProgress = keepingAlive(() => Promise.reject(new Error('context invalidated')), (done: number) => seen.push(done), { interval: 1, now: () => clock });
    clock = 5;
    onProgress(1);
    await Promise.resolve();
    expect(seen).toEqual([1]);
  });
});
