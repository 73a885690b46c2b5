import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'playwright-core';
import { launchWithExtension } from '../chromium';
import { allowSiteInBrowserSettings, BROWSER_UI_ARGS, clickToolbarButton } from '../toolbar';
import { TestPage, type DriverElement } from './page';
import type { ExtensionSession, LaunchOptions } from './session';

/** A Chromium tab driven by Playwright. */
class PlaywrightPage extends TestPage {
  private readonly workers: string[] = [];
  private downloads = 0;

  constructor(
    private readonly page: Page,
    artifacts: string,
  ) {
    super(artifacts);
    page.on('worker', (worker) => this.workers.push(worker.url()));
    page.on('download', () => this.downloads++);
  }

  async goto(url: string) {
    await this.page.goto(url);
  }
  async reload() {
    await this.page.reload();
  }
  close() {
    return this.page.close();
  }
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => R, arg);
  }
  setViewportSize(width: number, height: number) {
    return this.page.setViewportSize({ width, height });
  }
  async screenshot(name: string, { fullPage = false } = {}) {
    await this.page.screenshot({ path: join(this.artifacts, name), fullPage });
  }
  async download(trigger: () => Promise<void>) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), trigger()]);
    return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
  }
  async workerUrls() {
    return this.page.workers().map((worker) => worker.url());
  }
  async addInitScript<A>(fn: (arg: A) => void, arg: A) {
    await this.page.addInitScript(fn as (arg: unknown) => void, arg);
  }
  async workersSeen() {
    return [...this.workers];
  }
  async downloadsStarted() {
    return this.downloads;
  }
  evaluateExpression<R>(expression: string): Promise<R> {
    return this.page.evaluate(expression) as Promise<R>;
  }
  async element(expression: string): Promise<DriverElement | undefined> {
    const handle = await this.page.evaluateHandle(expression);
    const element = handle.asElement() as ElementHandle<HTMLElement> | null;
    if (!element) {
      await handle.dispose();
      return undefined;
    }
    return {
      click: () => element.click(),
      fill: (text) => element.fill(text),
      selectOption: async (value) => {
        await element.selectOption(value);
      },
      setInputFiles: (file) => element.setInputFiles(file),
      dispose: () => element.dispose(),
    };
  }
}

export async function launchChromiumSession(options: LaunchOptions, artifacts: string): Promise<ExtensionSession> {
  const browser = await launchWithExtension({ port: options.port, headless: options.headless, profile: options.profile, args: options.browserUi ? BROWSER_UI_ARGS : [] });
  const origin = `chrome-extension://${browser.extensionId}/`;
  const consoleMessages: string[] = [];
  const driverPages = new WeakMap<TestPage, Page>();
  const newPage = async () => {
    const page = await browser.context.newPage();
    page.on('console', (message) => consoleMessages.push(message.text()));
    const testPage = new PlaywrightPage(page, artifacts);
    driverPages.set(testPage, page);
    return testPage;
  };
  return {
    browserName: 'chromium',
    origin,
    artifacts,
    background: browser.worker,
    consoleMessages,
    newPage,
    async openExtensionPage(path) {
      const page = await newPage();
      await page.goto(origin + path);
      return page;
    },
    async clickToolbarButton(page) {
      await clickToolbarButton(browser, driverPages.get(page)!);
    },
    allowSiteAccess: (pattern) => allowSiteInBrowserSettings(browser, pattern),
    async stopBackground() {
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      const stopped = new Promise<void>((resolve) =>
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
          if (versions.some((version) => version.runningStatus === 'stopped')) resolve();
        }),
      );
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await stopped;
      await page.close();
    },
    close: () => browser.close(),
  };
}
