/**
 * Yielding to the event loop while long work (tokenizing, building an index) goes on.
 *
 * In Firefox the background's event page runs on the same thread as the popup and the library
 * page: a task that takes 80 ms holds each of their steps back by as much. Long work therefore
 * runs in slices of about SLICE_MS, each followed by a yield (untilIdle); in Chromium's service
 * worker, with its own thread, the slices let the popup's question in sooner.
 */

/** About as long as a slice of long work runs before it yields. */
export const SLICE_MS = 10;

/** The longest a slice of long work waits for an idle thread: beside a page that is never idle it still goes on, a slice at a time. */
export const IDLE_WAIT_MS = 100;

/**
 * A later task, queued behind what is queued now (other messages, database replies, pending
 * promise turns). Not a timer: browsers hold back a timer set from within timers, five deep, by
 * at least 4 ms, which would add nearly half to every slice. Node (the command line, unit tests)
 * has setImmediate, and a message port there would keep the process alive or let it exit early.
 */
export const nextTask: () => Promise<void> =
  typeof setImmediate === 'function' ? () => new Promise((resolve) => setImmediate(resolve)) : postedTask();

function postedTask(): () => Promise<void> {
  const waiting: (() => void)[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(undefined);
    });
}

type IdleCallbacks = (callback: () => void, options: { timeout: number }) => unknown;

/**
 * The pause between slices of long work. Where the thread can tell when it is idle (a document,
 * such as Firefox's event page), the next slice waits for that, so that the steps of a page
 * opening on the same thread go first instead of queueing behind a slice each: a library page
 * opened right after an import of 10k articles showed its first row in 127–164 ms instead of
 * 167–346, at 50k in 161–247 instead of 335–421, while the background indexed the import in 25–30%
 * more time. Elsewhere (Chromium's service worker, node) the next task.
 */
export function untilIdle(requestIdle: IdleCallbacks | undefined = idleCallbacksHere()): () => Promise<void> {
  if (!requestIdle) return nextTask;
  return () => new Promise((resolve) => requestIdle(() => resolve(), { timeout: IDLE_WAIT_MS }));
}

function idleCallbacksHere(): IdleCallbacks | undefined {
  const here = globalThis as { requestIdleCallback?: IdleCallbacks };
  return typeof here.requestIdleCallback === 'function' ? (callback, options) => here.requestIdleCallback!(callback, options) : undefined;
}

/** Long work's slices: `spent` once a slice has run its time, then `next()` yields and starts another. */
export class WorkSlices {
  private started: number;

  constructor(
    private readonly sliceMs = SLICE_MS,
    private readonly now = () => performance.now(),
    private readonly pause = untilIdle(),
  ) {
    this.started = now();
  }

  get spent(): boolean {
    return this.now() - this.started >= this.sliceMs;
  }

  async next(): Promise<void> {
    await this.pause();
    this.started = this.now();
  }
}

/** Work written as a generator that pauses between steps (BulkIndexWriter.loadSteps), run to its end at once. */
export function runAtOnce<R>(steps: Generator<void, R>): R {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same work run in slices of time, yielding between slices. */
export async function runInSlices<R>(steps: Generator<void, R>, slices = new WorkSlices()): Promise<R> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (slices.spent) await slices.next();
  }
}

/** The same steps with `check` run after each pause, where other work may have come between: it throws to stop them. */
export function* checkedAfterPauses<R>(steps: Generator<void, R>, check: () => void): Generator<void, R> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    yield;
    check();
  }
}
