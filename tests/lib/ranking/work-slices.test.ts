import { describe, expect, it } from 'vitest';
import { nextTask, WorkSlices } from '@/lib/ranking/work-slices';

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

  it('yields to what was queued before it', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('queued'));
    await nextTask();
    order.push('after the yield');
    expect(order).toEqual(['queued', 'after the yield']);
  });
});
