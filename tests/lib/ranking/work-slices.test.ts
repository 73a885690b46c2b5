import { describe, expect, it } from 'vitest';
import { behindOtherTasks, nextTask, runAtOnce, runInSlices, WorkSlices } from '@/lib/ranking/work-slices';

describe('work slices', () => {
  it('is spent once its time has run, and starts again after yielding', async () => {
    let clock = 100;
    const slices = new WorkSlices(10, () => clock);
    clock = 109;
    expect(slices.spent).toBe(false);
    clock = 110;
    expect(slices.spent).toBe(true);
    await slices.next();
    expect(slices.spent).toBe(false);
    clock = 120;
    expect(slices.spent).toBe(true);
  });

  it('runs work written in steps at once, or in slices that let other tasks run between them', async () => {
    const ranBetween: boolean[] = [];
    let otherTaskRan = false;
    function* steps(): Generator<void, string> {
      for (let i = 0; i < 3; i++) {
        ranBetween.push(otherTaskRan);
        setImmediate(() => (otherTaskRan = true));
        otherTaskRan = false;
        yield;
      }
      return 'done';
    }
    expect(runAtOnce(steps())).toBe('done');
    expect(ranBetween).toEqual([false, false, false]);
    ranBetween.length = 0;
    // Slices of no time: a yield after every step.
    expect(await runInSlices(steps(), new WorkSlices(0))).toBe('done');
    expect(ranBetween).toEqual([false, true, true]);
  });

  it('yields to what was queued before it', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('queued'));
    await nextTask();
    order.push('after the yield');
    expect(order).toEqual(['queued', 'after the yield']);
  });

  it('runs the next slice as a task of background priority where the browser schedules by priority', async () => {
    const asked: { run: () => void; priority: string }[] = [];
    const pause = behindOtherTasks((callback, { priority }) => new Promise((resolve) => asked.push({ run: () => resolve(callback()), priority })));
    const slices = new WorkSlices(0, () => 0, pause);
    let resumed = false;
    const next = slices.next().then(() => (resumed = true));
    expect(asked.map(({ priority }) => priority)).toEqual(['background']);
    await nextTask();
    expect(resumed).toBe(false);
    asked[0].run();
    await next;
    expect(resumed).toBe(true);
  });

  it('yields to the next task where there is no scheduler (node)', () => {
    expect('scheduler' in globalThis).toBe(false);
    expect(behindOtherTasks()).toBe(nextTask);
  });
});
