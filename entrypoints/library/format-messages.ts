import type { FormatRequest } from '@/components/library/formatter';
import type { Article } from '@/lib/model/article';

/**
 * Articles per message to the format worker. Posting a message copies what it holds on the
 * sender's thread: the 50,000 articles of a whole-library export (94 MB as a message) froze the
 * library page for 0.8–1.8 s in one message; a part of 1,000 takes some 20–80 ms, and the page
 * gets a turn between parts.
 */
export const ARTICLES_PER_MESSAGE = 1000;

/** To the worker: a part of a request's articles, or the request itself (its articles, when sent in parts, being those parts). */
export type ToFormatWorker = { id: number; part: Article[] } | { id: number; request: FormatRequest };

/** The messages that carry a request: its articles in parts, then the request without them; a small one in one message. */
export function requestMessages(id: number, request: FormatRequest): ToFormatWorker[] {
  if (request.kind === 'prepare' || request.items.length <= ARTICLES_PER_MESSAGE) return [{ id, request }];
  const messages: ToFormatWorker[] = [];
  for (let start = 0; start < request.items.length; start += ARTICLES_PER_MESSAGE) {
    messages.push({ id, part: request.items.slice(start, start + ARTICLES_PER_MESSAGE) });
  }
  messages.push({ id, request: { ...request, items: [] } });
  return messages;
}

/** The worker's side: gathers each request's parts; gives a request back whole when it comes. */
export class RequestAssembler {
  private readonly parts = new Map<number, Article[][]>();

  /** The whole request once `message` completes it; undefined for a part. */
  receive(message: ToFormatWorker): FormatRequest | undefined {
    if ('part' in message) {
      const parts = this.parts.get(message.id) ?? [];
      parts.push(message.part);
      this.parts.set(message.id, parts);
      return undefined;
    }
    const parts = this.parts.get(message.id);
    this.parts.delete(message.id);
    const { request } = message;
    if (!parts || request.kind === 'prepare') return request;
    return { ...request, items: parts.flat() };
  }
}
