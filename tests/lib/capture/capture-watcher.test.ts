import { describe, expect, it } from 'vitest';
import { captureWatcher } from '@/lib/capture/capture-watcher';
import type { ExtractionResult } from '@/lib/extractors/registry';

function harness() {
  let items: ExtractionResult['items'] = [{ title: 'First' }];
  const sent: ExtractionResult[] = [];
  const timers: (() => void)[] = [];
  let notify = () => {};
  let observing = 0;
  const watcher = captureWatcher({
    extract: () => ({ platform: 'meta', kind: 'list', items, errors: [] }),
    send: (extraction) => sent.push(extraction),
    observe: (onChange) => {
      observing++;
      notify = onChange;
      return () => observing--;
    },
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => timers.shift(),
  });
  return {
    watcher,
    sent,
    setItems: (next: typeof items) => (items = next),
    change: () => notify(),
    settle: () => timers.splice(0).forEach((fn) => fn()),
    observing: () => observing,
  };
}

describe('captureWatcher', () => {
  it('captures at once, then again only when the page\'s items change', () => {
    const h = harness();
    h.watcher.captureNow();
    expect(h.sent).toHaveLength(1);
    h.change();
    h.settle();
    expect(h.sent).toHaveLength(1); // DOM changed, items did not
    h.setItems([{ title: 'First' }, { title: 'Second, loaded later' }]);
    h.change();
    h.change();
    h.settle();
    expect(h.sent).toHaveLength(2);
    expect(h.sent[1].items).toHaveLength(2);
  });

  it('captures on demand even when nothing changed, and observes the page once', () => {
    const h = harness();
    h.watcher.captureNow();
    h.watcher.captureNow();
    expect(h.sent).toHaveLength(2);
    expect(h.observing()).toBe(1);
    h.watcher.dispose();
    expect(h.observing()).toBe(0);
  });

  it('reports a page without items, so the popup can say so', () => {
    const h = harness();
    h.setItems([]);
    h.watcher.captureNow();
    expect(h.sent[0].items).toEqual([]);
  });
});

describe('captureWatcher pacing', () => {
  it('waits after a slow reading for paceFactor times its length before reading again', () => {
    let clock = 0;
    const delays: number[] = [];
    let notify = () => {};
    const watcher = captureWatcher({
      extract: () => {
        clock += 300; // a huge page: reading takes 300 ms
        return { platform: 'meta', kind: 'list', items: [], errors: [] };
      },
      send: () => {},
      observe: (onChange) => ((notify = onChange), () => {}),
      settleMs: 1500,
      paceFactor: 20,
      now: () => clock,
      setTimer: (_fn, ms) => delays.push(ms),
      clearTimer: () => {},
    });
    watcher.captureNow();
    notify();
    expect(delays).toEqual([6000]); // 20 × 300 ms, longer than the settle time
    clock += 10_000;
    notify();
    expect(delays[1]).toBe(1500); // long since quiet: only the settle time
  });
});

describe('captureWatcher asked to wait', () => {
  it('reads a flooding page again only after the pause the background asked for', () => {
    let clock = 0;
    const delays: number[] = [];
    let notify = () => {};
    const watcher = captureWatcher({
      extract: () => ({ platform: 'meta', kind: 'list', items: [], errors: [] }),
      send: () => {},
      observe: (onChange) => ((notify = onChange), () => {}),
      settleMs: 1500,
      now: () => clock,
      setTimer: (_fn, ms) => delays.push(ms),
      clearTimer: () => {},
    });
    watcher.captureNow();
    watcher.pause(27_500);
    clock += 500;
    notify();
    expect(delays).toEqual([27_000]);
    watcher.pause(1_000); // a shorter pause does not cut the longer one short
    notify();
    expect(delays[1]).toBe(27_000);
  });
});
