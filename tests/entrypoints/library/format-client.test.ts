import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FormatRequest, FormatResult } from '@/components/library/formatter';
import { ARTICLES_PER_MESSAGE, RequestAssembler, type ToFormatWorker } from '@/entrypoints/library/format-messages';
import type { Article } from '@/lib/model/article';
import { nextTask } from '@/lib/ranking/work-slices';
import { makeArticle } from '../../lib/db/library-fixtures';

/** A stand-in for the format worker: records what it is sent, ended or not; `requests` is what a live worker would make of it. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: (() => void) | null = null;
  onmessageerror: (() => void) | null = null;
  sent: ToFormatWorker[] = [];
  terminated = false;
  private readonly assembler = new RequestAssembler();
  readonly requests: { id: number; request: FormatRequest }[] = [];

  constructor() {
    FakeWorker.made.push(this);
  }

  postMessage(message: ToFormatWorker): void {
    this.sent.push(message);
    if (this.terminated) return;
    const request = this.assembler.receive(message);
    if (request) this.requests.push({ id: message.id, request });
  }

  terminate(): void {
    this.terminated = true;
  }

  reply(id: number, result: FormatResult): void {
    this.onmessage?.({ data: { id, result } } as MessageEvent);
  }

  get parts(): Article[][] {
    return this.sent.flatMap((message) => ('part' in message ? [message.part] : []));
  }
}

vi.mock('@/entrypoints/library/format-worker?worker', () => ({ default: FakeWorker }));
const { workerFormatter } = await import('@/entrypoints/library/format-client');

const noFallback = () => expect.unreachable('the request ran in the page');
const articles = (count: number) => Array.from({ length: count }, (_, i) => makeArticle(`a${i}`, { title: `Article ${i}` }));
/** Until the formatter has posted everything it is going to (it posts a part a task). */
async function untilSent(worker: FakeWorker, messages: number) {
  await vi.waitFor(() => expect(worker.sent).toHaveLength(messages));
}

afterEach(() => {
  FakeWorker.made = [];
});

describe('the format worker client', () => {
  it("sends a whole library's articles in parts, the page getting a turn between them, and the worker gets them all in order", async () => {
    const library = articles(2 * ARTICLES_PER_MESSAGE + 1);
    const formatter = workerFormatter(noFallback);
    const file = formatter.exportFile(library, 'bibtex', undefined, new Date(0));
    const worker = FakeWorker.made[0];
    // Only one part went before the page's next task: the others wait their turn.
    expect(worker.sent).toHaveLength(1);
    await untilSent(worker, 4);
    expect(worker.parts.map((part) => part.length)).toEqual([ARTICLES_PER_MESSAGE, ARTICLES_PER_MESSAGE, 1]);
    expect(worker.requests).toHaveLength(1);
    const [{ id, request }] = worker.requests;
    expect(request.kind === 'export' && request.items.map((article) => article.id)).toEqual(library.map((article) => article.id));
    worker.reply(id, { text: 'done', mimeType: 'text/plain', fileName: 'simlit.bib' });
    await expect(file).resolves.toEqual({ text: 'done', mimeType: 'text/plain', fileName: 'simlit.bib' });
  });

  it('sends a small request in one message, as it is', async () => {
    const formatter = workerFormatter(noFallback);
    const citation = formatter.citation(articles(2), 'apa');
    const worker = FakeWorker.made[0];
    expect(worker.sent).toEqual([{ id: 0, request: { kind: 'citation', items: articles(2), style: 'apa' } }]);
    worker.reply(0, 'Two references');
    await expect(citation).resolves.toBe('Two references');
  });

  it('sends no more parts of an export cancelled while it is being sent', async () => {
    const formatter = workerFormatter(noFallback);
    const controller = new AbortController();
    const file = formatter.exportFile(articles(3 * ARTICLES_PER_MESSAGE), 'ris', undefined, new Date(0), controller.signal);
    const worker = FakeWorker.made[0];
    controller.abort();
    await expect(file).rejects.toThrow();
    expect(worker.terminated).toBe(true);
    // A later request starts a worker of its own; the cancelled export's parts never reach it.
    const citation = formatter.citation(articles(1), 'gbt7714');
    const next = FakeWorker.made[1];
    // The export's sending was waiting for its next task, asked for before these: it has had its turn.
    await nextTask();
    await nextTask();
    expect(next.sent).toEqual([{ id: 1, request: { kind: 'citation', items: articles(1), style: 'gbt7714' } }]);
    expect(worker.sent).toHaveLength(1);
    next.reply(1, 'One reference');
    await expect(citation).resolves.toBe('One reference');
  });

  it('sends a request still waiting when another is cancelled to the new worker whole', async () => {
    const formatter = workerFormatter(noFallback);
    const controller = new AbortController();
    const library = articles(ARTICLES_PER_MESSAGE + 5);
    const cancelled = formatter.exportFile(articles(1), 'ris', undefined, new Date(0), controller.signal);
    const waiting = formatter.exportFile(library, 'csv', undefined, new Date(0));
    controller.abort();
    await expect(cancelled).rejects.toThrow();
    const [first, second] = FakeWorker.made;
    expect(first.terminated).toBe(true);
    await untilSent(second, 3);
    expect(second.requests).toHaveLength(1);
    const [{ id, request }] = second.requests;
    expect(id).toBe(1);
    expect(request.kind === 'export' && request.items).toEqual(library);
    second.reply(1, { text: 'csv', mimeType: 'text/csv', fileName: 'simlit.csv' });
    await expect(waiting).resolves.toMatchObject({ text: 'csv' });
  });
});

describe('the worker side of the parts', () => {
  it('keeps the parts of two requests apart', () => {
    const assembler = new RequestAssembler();
    const [a, b] = [articles(2), articles(3).slice(2)];
    expect(assembler.receive({ id: 1, part: a.slice(0, 1) })).toBeUndefined();
    expect(assembler.receive({ id: 2, part: b })).toBeUndefined();
    expect(assembler.receive({ id: 1, part: a.slice(1) })).toBeUndefined();
    expect(assembler.receive({ id: 1, request: { kind: 'export', items: [], format: 'ris', date: 0 } })).toEqual({ kind: 'export', items: a, format: 'ris', date: 0 });
    expect(assembler.receive({ id: 2, request: { kind: 'citation', items: [], style: 'apa' } })).toEqual({ kind: 'citation', items: b, style: 'apa' });
  });
});
