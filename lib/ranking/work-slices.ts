/**
 * Yielding to the event loop while long work (tokenizing, building an index) goes on.
 *
 * In Firefox the background's event page runs on the same thread as the popup and the library
 * page: a task that takes 80 ms holds each of their steps back by as much. Long work therefore
 * runs in slices of about SLICE_MS, each followed by a yield (behindOtherTasks); in Chromium's
 * service worker, with its own thread, the slices let the popup's question in sooner.
 */

/** About as long as a slice of long work runs before it yields. */
export const SLICE_MS = 10;

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

type PostTask = (callback: () => void, options: { priority: 'background' }) => Promise<unknown>;

/**
 * The pause between slices of long work. Where the browser schedules tasks by priority
 * (scheduler.postTask: Chromium, Firefox from 142), the next slice is a task of background
 * priority: the tasks of pages on the same thread go ahead of it, where each of a page's steps
 * used to wait for a slice. In Firefox a library page opened right after an import of 50k articles
 * showed its first row in 191–280 ms instead of 300–547, and the import was indexed as fast. Not
 * requestIdleCallback: Firefox's event page got no idle period, each call waited out its timeout
 * or 50 ms, and the work ran five times slower with nothing else to do. Elsewhere (node, an older
 * Firefox) the next task.
 */
export function behindOtherTasks(postTask: PostTask | undefined = postTaskHere()): () => Promise<void> {
  if (!postTask) return nextTask;
  return async () => {
    await postTask(() => undefined, { priority: 'background' });
  };
}

function postTaskHere(): PostTask | undefined {
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
  return typeof scheduler?.postTask === 'function' ? (callback, options) => scheduler.postTask!(callback, options) : undefined;
}

/** The pause WorkSlices take: looked up once, not at each of the many small jobs that make slices (a question's stored terms, a capture's catch-up). */
const betweenSlices = behindOtherTasks();

/** Long work's slices: `spent` once a slice has run its time, then `next()` yields and starts another. */
export class WorkSlices {
  private started: number;

  constructor(
    private readonly sliceMs = SLICE_MS,
    private readonly now = () => performance.now(),
    private readonly pause = betweenSlices,
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
