import type { CitationStyle, ExportFormat } from '@/lib/export';
import type { Article } from '@/lib/model/article';

/**
 * Exports and citations go through this asynchronous interface because citation-js is heavy:
 * loading it costs a noticeable moment, and citeproc-js builds the APA engine in seconds the
 * first time. The library page runs it in a worker (entrypoints/library/format-worker.ts) so
 * that typing never waits; tests and the worker's fallback run it in the page.
 */

export interface ExportFile {
  text: string;
  mimeType: string;
  fileName: string;
}

export type FormatRequest =
  | { kind: 'export'; items: Article[]; format: ExportFormat; name?: string; date: number }
  | { kind: 'citation'; items: Article[]; style: CitationStyle }
  | { kind: 'prepare'; style: CitationStyle };

export type FormatResult = ExportFile | string;

export interface Formatter {
  /**
   * The export file of the articles, named after the collection (or "simlit"). Aborting `signal`
   * rejects it with an AbortError at once; the worker's formatter also stops making it.
   */
  exportFile(items: Article[], format: ExportFormat, name: string | undefined, date: Date, signal?: AbortSignal): Promise<ExportFile>;
  /** One article: its reference without a list number; several: a numbered reference list. */
  citation(items: Article[], style: CitationStyle): Promise<string>;
  /** Gets a style ready while nobody waits, so that its first citation comes at once (worker only). */
  prepare(style: CitationStyle): void;
}

type ExportModule = typeof import('@/lib/export');

/** Runs one request with the export module (passed in: the worker imports it, the page loads it on demand). */
export function runFormatRequest(lib: ExportModule, request: FormatRequest): FormatResult {
  if (request.kind === 'export') {
    const { text, mimeType } = lib.exportItems(request.items, request.format);
    return { text, mimeType, fileName: lib.exportFileName(request.name, request.format, new Date(request.date)) };
  }
  if (request.kind === 'prepare') {
    lib.prepareCitationStyle(request.style);
    return '';
  }
  const [first] = request.items;
  if (request.items.length === 1) return lib.formatCitation(first, request.style);
  return lib.formatBibliography(request.items, request.style);
}

/** A request runner: the worker's, or the page's own. A runner that cannot stop a request may ignore `signal`. */
type RequestRunner = (request: FormatRequest, signal?: AbortSignal) => Promise<FormatResult>;

/** The request's result, or an AbortError as soon as `signal` is aborted (whether or not the runner stops). */
function untilAborted<T>(result: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return result;
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason ?? new DOMException('The export was cancelled.', 'AbortError'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    result.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** A formatter over any request runner (the worker's, or the page's own). */
export function formatterFrom(run: RequestRunner): Formatter {
  return {
    exportFile: async (items, format, name, date, signal) =>
      (await untilAborted(run({ kind: 'export', items, format, name, date: date.getTime() }, signal), signal)) as ExportFile,
    citation: async (items, style) => (await run({ kind: 'citation', items, style })) as string,
    prepare: (style) => void run({ kind: 'prepare', style }).catch(() => undefined),
  };
}

/**
 * Runs a request in the page itself; citation-js is loaded on first use, not when the page opens.
 * Getting a style ready here would freeze the page for a second: the first citation pays instead.
 */
export async function runInPage(request: FormatRequest): Promise<FormatResult> {
  if (request.kind === 'prepare') return '';
  return runFormatRequest(await import('@/lib/export'), request);
}

export const inPageFormatter: Formatter = formatterFrom(runInPage);
