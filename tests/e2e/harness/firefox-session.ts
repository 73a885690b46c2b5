import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { waitFor } from '../library-db';
import { allowOptionalPermissionsWithoutPrompt, gotoExtensionPage, launchFirefoxWithExtension, terminateBackground, triggerAction } from '../firefox';
import { TestPage, type DriverElement } from './page';
import type { Background, ExtensionSession, LaunchOptions } from './session';

/** A Firefox tab driven by puppeteer-core over WebDriver BiDi. */
class PuppeteerPage extends TestPage {
  private readonly workers: string[] = [];
  private readonly filesBefore: Set<string>;

  constructor(
    private readonly page: Page,
    artifacts: string,
    private readonly files: { downloads: string; uploads: string },
  ) {
    super(artifacts);
    page.on('workercreated', (worker) => this.workers.push(worker.url()));
    this.filesBefore = new Set(readdirSync(files.downloads).map((file) => file.replace(/\.part$/, '')));
  }

  async goto(url: string) {
    // Puppeteer does not see an add-on page finish loading (gotoExtensionPage).
    if (url.startsWith('moz-extension:')) await gotoExtensionPage(this.page, url);
    else await this.page.goto(url);
  }
  async reload() {
    await this.page.reload();
  }
  close() {
    return this.page.close();
  }
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => R, arg) as Promise<R>;
  }
  setViewportSize(width: number, height: number) {
    return this.page.setViewport({ width, height });
  }
  async screenshot(name: string, { fullPage = false } = {}) {
    await this.page.screenshot({ path: join(this.artifacts, name) as `${string}.png`, fullPage });
  }
  /** Firefox saves downloads into the profile's folder: wait for a new file whose `.part` is gone. */
  async download(trigger: () => Promise<void>) {
    const before = new Set(readdirSync(this.files.downloads));
    await trigger();
    const name = await waitFor(
      async () => {
        const files = readdirSync(this.files.downloads);
        const fresh = files.filter((file) => !before.has(file) && !file.endsWith('.part'));
        return fresh.length === 1 && !files.some((file) => file.endsWith('.part')) ? fresh[0] : undefined;
      },
      (file) => file !== undefined,
      30_000,
    );
    return { name: name!, text: readFileSync(join(this.files.downloads, name!), 'utf8') };
  }
  async workerUrls() {
    return this.page.workers().map((worker) => worker.url());
  }
  async addInitScript<A>(fn: (arg: A) => void, arg: A) {
    await this.page.evaluateOnNewDocument(fn, arg);
  }
  async workersSeen() {
    return [...this.workers];
  }
  /** A download shows first as its `.part` file, then under its own name: each counted once. */
  async downloadsStarted() {
    const names = new Set(readdirSync(this.files.downloads).map((file) => file.replace(/\.part$/, '')));
    return [...names].filter((name) => !this.filesBefore.has(name)).length;
  }
  evaluateExpression<R>(expression: string): Promise<R> {
    return this.page.evaluate(expression) as Promise<R>;
  }
  async element(expression: string): Promise<DriverElement | undefined> {
    const handle = await this.page.evaluateHandle(expression);
    const element = handle.asElement() as ElementHandle<HTMLInputElement> | null;
    if (!element) {
      await handle.dispose();
      return undefined;
    }
    return {
      click: () => element.click(),
      // Like typing or pasting: replaces the selection through the editing commands, so the page
      // gets its beforeinput and input events.
      fill: async (text) => {
        await element.focus();
        await element.evaluate((input, value) => {
          (input as HTMLInputElement).select();
          document.execCommand(value ? 'insertText' : 'delete', false, value);
        }, text);
      },
      selectOption: async (value) => {
        const picked = await element.select(value);
        if (!picked.includes(value)) throw new Error(`no option with the value ${JSON.stringify(value)}`);
      },
      setInputFiles: async (file) => {
        if (typeof file === 'string') return element.uploadFile(file);
        const path = join(mkdtempSync(join(this.files.uploads, 'file-')), file.name);
        writeFileSync(path, file.buffer);
        await element.uploadFile(path);
      },
      dispose: () => element.dispose(),
    };
  }
}

/**
 * The background runs in Firefox's event page, which no BiDi realm exposes. An extension page
 * kept open for the session reaches it with runtime.getBackgroundPage() (which also wakes a
 * stopped one), and makes the function inside `with (background)`, so that its free names (self,
 * indexedDB, performance, chrome, …) are the background's: a test that reads or patches them
 * meets the background's own. The function's source and its argument are sent as text.
 */
function backgroundEvaluator(keeper: Page): Background {
  return {
    evaluate: ((fn: unknown, arg?: unknown) => {
      const source = typeof fn === 'string' ? `() => (${fn})` : String(fn);
      return keeper.evaluate(`(async () => {
        const background = await browser.runtime.getBackgroundPage();
        let fn;
        with (background) fn = (${source});
        return fn(${arg === undefined ? '' : JSON.stringify(arg)});
      })()`);
    }) as Background['evaluate'],
  };
}

export async function launchFirefoxSession(options: LaunchOptions, artifacts: string): Promise<ExtensionSession> {
  const firefox = await launchFirefoxWithExtension(options);
  const consoleMessages: string[] = [];
  const driverPages = new WeakMap<TestPage, Page>();
  const newTab = async () => {
    const page = await firefox.browser.newPage();
    page.on('console', (message) => consoleMessages.push(message.text()));
    return page;
  };
  const openExtensionPage = async (path: string) => {
    const page = await newTab();
    await gotoExtensionPage(page, firefox.origin + path);
    return new PuppeteerPage(page, artifacts, firefox);
  };
  // Stays open (and unnavigated) all session: the functions it lends the background live in it.
  const keeper = await newTab();
  await gotoExtensionPage(keeper, `${firefox.origin}popup.html`);
  return {
    browserName: 'firefox',
    origin: firefox.origin,
    artifacts,
    background: backgroundEvaluator(keeper),
    consoleMessages,
    newPage: async () => {
      const page = await newTab();
      const testPage = new PuppeteerPage(page, artifacts, firefox);
      driverPages.set(testPage, page);
      return testPage;
    },
    openExtensionPage,
    async clickToolbarButton(page) {
      const tab = driverPages.get(page)!;
      await tab.bringToFront();
      await triggerAction(firefox.browser, tab.url());
    },
    allowSiteAccess: () => allowOptionalPermissionsWithoutPrompt(firefox.browser),
    stopBackground: () => terminateBackground(firefox.browser),
    close: () => firefox.close(),
  };
}
