/**
 * The content script's context, in place of WXT's (wxt.config.ts makes the build use this one).
 * WXT's ContentScriptContext (wxt 0.20.27) announces every starting content script to the page:
 * `window.postMessage({ type: "<extension id>:content:wxt:content-script-started" }, "*")`
 * (turned off by `noScriptStartedPostMessage`) and, whatever the options, a CustomEvent of that
 * name dispatched on `document`, which page scripts receive too. Either tells a page that knows
 * Simlit's id that Simlit runs there. This one keeps WXT's API (an AbortController with timers
 * and listeners that stop when it is invalidated) and sends the page nothing. WXT uses the
 * announcement to stop an older copy after the extension is updated; Simlit's content script
 * stops itself when it finds its extension gone (entrypoints/content.ts).
 */
export class ContentScriptContext implements AbortController {
  private readonly abortController = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  abort(reason?: unknown): void {
    this.abortController.abort(reason);
  }

  /** Invalid once aborted, or once the extension is gone (reloaded, updated, removed). */
  get isInvalid(): boolean {
    const runtime = (globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime;
    if (runtime && runtime.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => this.isValid && handler(), timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => this.isValid && handler(), timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((time) => this.isValid && callback(time));
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((deadline) => !this.signal.aborted && callback(deadline), options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  addEventListener(target: EventTarget, type: string, handler: EventListenerOrEventListenerObject, options?: AddEventListenerOptions): void {
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }
}
