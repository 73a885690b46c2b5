import { formatterFrom, type FormatRequest, type FormatResult, type Formatter } from '@/components/library/formatter';
import { nextTask } from '@/lib/ranking/work-slices';
import { requestMessages } from './format-messages';
import FormatWorker from './format-worker?worker';

type Reply = { id: number; result: FormatResult } | { id: number; error: string };
interface Pending {
  request: FormatRequest;
  resolve(result: FormatResult): void;
  reject(error: Error): void;
}

/**
 * A formatter that runs in a worker, started on the first request (opening the library costs
 * nothing). If the worker cannot start, its requests and all later ones run in the page instead.
 */
export function workerFormatter(fallback: (request: FormatRequest) => Promise<FormatResult>): Formatter {
  let worker: Worker | undefined;
  let broken = false;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  function failOver() {
    broken = true;
    worker?.terminate();
    const waiting = [...pending.values()];
    pending.clear();
    for (const { request, resolve, reject } of waiting) fallback(request).then(resolve, reject);
  }

  function start(): Worker {
    const started = new FormatWorker();
    started.onmessage = ({ data }: MessageEvent<Reply>) => {
      const entry = pending.get(data.id);
      if (!entry) return;
      pending.delete(data.id);
      if ('error' in data) entry.reject(new Error(data.error));
      else entry.resolve(data.result);
    };
    started.onerror = failOver;
    started.onmessageerror = failOver;
    return started;
  }

  /**
   * A request the reader cancelled (an export of 50,000 articles as APA takes minutes): the worker,
   * busy making it, is ended; the requests still waiting go to a new one.
   */
  function stop(id: number) {
    if (!pending.delete(id)) return;
    worker?.terminate();
    worker = undefined;
    if (!pending.size) return;
    try {
      worker = start();
    } catch {
      return failOver();
    }
    for (const [waitingId, { request }] of pending) void send(worker, waitingId, request);
  }

  /**
   * Posts a request to `target`, its articles in parts with a turn for the page after each. A
   * request cancelled meanwhile, or a worker ended meanwhile (its requests then go to a new one
   * whole), gets no more parts.
   */
  async function send(target: Worker, id: number, request: FormatRequest) {
    const [first, ...rest] = requestMessages(id, request);
    target.postMessage(first);
    for (const message of rest) {
      await nextTask();
      if (worker !== target || !pending.has(id)) return;
      target.postMessage(message);
    }
  }

  return formatterFrom((request, signal) => {
    if (broken) return fallback(request);
    try {
      worker ??= start();
    } catch {
      broken = true;
      return fallback(request);
    }
    const id = nextId++;
    return new Promise<FormatResult>((resolve, reject) => {
      pending.set(id, { request, resolve, reject });
      void send(worker!, id, request);
      signal?.addEventListener('abort', () => stop(id), { once: true });
    });
  });
}
