import type { Worker } from 'playwright-core';
import type { TestPage } from './page';

export type BrowserName = 'chromium' | 'firefox';

export interface LaunchOptions {
  /** The local page server (servePages): every host name the browser loads is served by it. */
  port: number;
  headless?: boolean;
  /** Chromium: open the DevTools protocol's Extensions domain, which clickToolbarButton needs (toolbar.ts). */
  browserUi?: boolean;
  /** A profile folder the caller keeps, to start the browser again on it (the extension and its data there); a fresh one by default. */
  profile?: string;
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
  /**
   * A click on the extension's toolbar button while `page` is the active tab, as the browser runs
   * it for a real click: the tab is granted activeTab and the popup opens. Chromium needs
   * LaunchOptions.browserUi.
   */
  clickToolbarButton(page: TestPage): Promise<void>;
  /**
   * The reader letting the extension have a site when it asks (permissions.request), without the
   * browser's prompt, which no driver can click. Chromium: the site added in the extension's
   * site access settings (toolbar.ts). Firefox: its setting that answers an add-on's optional
   * permission requests without the prompt (extensions.webextOptionalPermissionPrompts), so the
   * add-on is given what it asks for, still only on a click, and nothing it does not ask for.
   */
  allowSiteAccess(pattern: string): Promise<void>;
  /** Stops the background as the browser does when it is idle: the next event starts it afresh. */
  stopBackground(): Promise<void>;
  close(): Promise<void>;
}
