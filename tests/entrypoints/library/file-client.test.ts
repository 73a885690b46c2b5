import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FileTasks } from '@/components/files/file-tasks';
import type { FileTask } from '@/lib/files/file-task';

/**
 * A stand-in for the file worker: records what it is sent, and fails to start when told to (its
 * error event comes a task after it is made, as a worker's does).
 */
class FakeWorker {
  static made: FakeWorker[] = [];
  static failing = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  sent: unknown[] = [];
  terminated = false;

  constructor() {
    FakeWorker.made.push(this);
    if (FakeWorker.failing) setTimeout(() => this.onerror?.({ message: 'the worker could not start' } as ErrorEvent), 0);
  }

  postMessage(message: unknown): void {
    this.sent.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  reply(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent);
  }
}

vi.mock('@/entrypoints/library/file-worker?worker', () => ({ default: FakeWorker }));
const { workerFileTasks } = await import('@/entrypoints/library/file-client');

const IMPORT: FileTask = { kind: 'import', file: new Blob(['@article{a, title={T}}']), fileName: 'refs.bib' };
const noFallback: FileTasks = { start: () => expect.unreachable('the task ran in the page') };
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  FakeWorker.made = [];
  FakeWorker.failing = false;
});

describe('file tasks in a worker', () => {
  it('gives the task the worker prepared for it, which was told to get ready', () => {
    const tasks = workerFileTasks(noFallback);
    tasks.prepare!('import');
    tasks.start(IMPORT, () => {});
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0].sent).toEqual([{ prepare: 'import' }, { task: IMPORT }]);
  });

  it('ends a prepared worker that no task took', () => {
    const tasks = workerFileTasks(noFallback);
    tasks.prepare!('restore');
    tasks.release!();
    expect(FakeWorker.made[0].terminated).toBe(true);
    tasks.start(IMPORT, () => {});
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('drops a prepared worker that failed to start: the task starts its own and reports its failure', async () => {
    FakeWorker.failing = true;
    const tasks = workerFileTasks(noFallback);
    tasks.prepare!('import');
    await nextTask();
    expect(FakeWorker.made[0].terminated).toBe(true);
    const { result } = tasks.start(IMPORT, () => {});
    expect(FakeWorker.made).toHaveLength(2);
    await expect(result).rejects.toThrow('the worker could not start');
  });

  it("passes the worker's progress on and resolves with its result", async () => {
    const tasks = workerFileTasks(noFallback);
    const progress: unknown[] = [];
    const { result } = tasks.start(IMPORT, (p) => progress.push(p));
    const worker = FakeWorker.made[0];
    worker.reply({ progress: { stage: 'writing', done: 1, total: 2 } });
    const report = { added: 1, merged: 0, unchanged: 0, rejected: [], ignoredFields: [], writtenIds: ['a'] };
    worker.reply({ result: { kind: 'import', report } });
    await expect(result).resolves.toEqual({ kind: 'import', report });
    expect(progress).toEqual([{ stage: 'writing', done: 1, total: 2 }]);
    expect(worker.terminated).toBe(true);
  });
});
