/**
 * Formats exports and citations off the page's thread: citeproc-js builds the APA engine in
 * seconds the first time, and the library page must keep answering the keyboard meanwhile.
 * Not a WXT entrypoint (a non-index file of a directory entrypoint); the page loads it through
 * Vite's `?worker` import.
 */
import * as exportModule from '@/lib/export';
import { runFormatRequest } from '@/components/library/formatter';
import { RequestAssembler, type ToFormatWorker } from './format-messages';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToFormatWorker>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
const requests = new RequestAssembler();

scope.onmessage = ({ data }) => {
  const request = requests.receive(data);
  if (!request) return;
  const { id } = data;
  try {
    scope.postMessage({ id, result: runFormatRequest(exportModule, request) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
