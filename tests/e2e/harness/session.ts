import type { Worker } from 'playwright-core';
import type { TestPage } from './page';

export type BrowserName = 'chromium' | 'firefox';

export interface LaunchOptions {
  /** The local page server (servePages): every host name the browser loads is served by it. */
  port: number;
  headless?: boolean;
}

/** Runs a function in the extension's background: Chromium's service worker, Firefox's event page. */
export type Background = Pick<Worker, 'evaluate'>;

/** A browser with the built extension loaded, in a fresh profile. */
export interface ExtensionSession {
  readonly browserName: BrowserName;
  /** The extension's own origin, with its trailing slash: chrome-extension://ID/ or moz-extension://UUID/. */
  readonly origin: string;
  /** test-results/<browser>/, where screenshots go. */
  readonly artifacts: string;
  readonly background: Background;
  /** What the pages opened through the session wrote to their consoles. */
  readonly consoleMessages: string[];
  /** A new tab. */
  newPage(): Promise<TestPage>;
  /** A new tab showing one of the extension's pages, e.g. `popup.html?tabId=3` or `library.html`. */
  openExtensionPage(path: string): Promise<TestPage>;
  /** Stops the background as the browser does when it is idle: the next event starts it afresh. */
  stopBackground(): Promise<void>;
  close(): Promise<void>;
}
