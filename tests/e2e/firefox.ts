import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv3');
/** The add-on's id in the Firefox build (wxt.config.ts). */
export const GECKO_ID = 'simlit@simlit.invalid';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'];

/** The Firefox the end-to-end tests drive: FIREFOX_PATH, else a system Firefox (ESR or release). */
export function findFirefox(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH is set to ${fromEnv}, but no file is there.`);
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    'No Firefox found for the end-to-end tests. On Debian or Ubuntu: `sudo apt-get install firefox-esr ' +
      'fonts-noto-cjk`; elsewhere install Firefox (140 or newer) and point FIREFOX_PATH at its executable, ' +
      'e.g. FIREFOX_PATH=/path/to/firefox npm test. (SIMLIT_E2E_BROWSERS=chromium runs Chromium alone.)',
  );
}

/**
 * Preferences for a quiet test profile: every http:// and https:// request goes to the local
 * server as Firefox's proxy (Firefox has no --host-resolver-rules), so pages load under their real
 * host names; addresses typed as http:// stay http://; the add-ons' internal UUIDs (`uuids`, by
 * add-on id) are fixed, so their pages have known moz-extension:// addresses; downloads land in a
 * known folder without asking.
 */
export function firefoxPrefs(options: { port: number; uuids: Record<string, string>; downloads: string }): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': options.port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': options.port,
    'network.proxy.no_proxies_on': '',
    'dom.security.https_first': false,
    'dom.security.https_first_schemeless': false,
    'extensions.webextensions.uuids': JSON.stringify(options.uuids),
    'browser.download.dir': options.downloads,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.alwaysOpenPanel': false,
    // The browser's own background services, which would only knock on the proxy.
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'app.update.enabled': false,
    'browser.newtabpage.enabled': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
  };
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** The add-on's origin, `moz-extension://UUID/`. */
  origin: string;
  /** Where downloads land. */
  downloads: string;
  /** Where files to upload are written: Firefox reads an uploaded file from disk when the page does, so they stay until the end. */
  uploads: string;
  close(): Promise<void>;
}

/**
 * Preferences that let a profile load the add-on from its `extensions` folder, unsigned, at every
 * start, as an installed add-on loads (a temporary one goes with the browser).
 */
const SIDELOAD_PREFS = { 'xpinstall.signatures.required': false, 'extensions.autoDisableScopes': 0, 'extensions.enabledScopes': 15 };

/** An add-on's folder, the id its manifest gives (Simlit's: GECKO_ID), and the UUID its pages are to have. */
export interface UnpackedAddon {
  id: string;
  dir: string;
  uuid: string;
}

/**
 * Puts an add-on into `profile`: a file named by its id that holds its folder (Firefox's "proxy
 * file"), read at each start of a browser on the profile.
 */
function sideload(profile: string, addon: UnpackedAddon): void {
  mkdirSync(join(profile, 'extensions'), { recursive: true });
  writeFileSync(join(profile, 'extensions', addon.id), addon.dir);
}

/** The add-on's internal UUID in `profile`, the same at every start (its data lives under its origin). */
function profileUuid(profile: string): string {
  const file = join(profile, 'simlit-uuid');
  if (!existsSync(file)) {
    mkdirSync(profile, { recursive: true });
    writeFileSync(file, randomUUID());
  }
  return readFileSync(file, 'utf8');
}

/**
 * Firefox with the production build installed as a temporary add-on, driven by puppeteer-core
 * over WebDriver BiDi, in a fresh profile; or, given `profile` (a folder kept by the caller),
 * installed in that profile, so that the browser can be started again on it
 * with the add-on and its data. `alsoInstall`: other add-ons, installed the same way.
 * `--remote-allow-system-access` lets BiDi open the add-on's moz-extension:// pages.
 */
export async function launchFirefoxWithExtension(options: { port: number; headless?: boolean; profile?: string; alsoInstall?: UnpackedAddon[] }): Promise<FirefoxWithExtension> {
  const uuid = options.profile ? profileUuid(options.profile) : randomUUID();
  const addons = [{ id: GECKO_ID, dir: FIREFOX_EXTENSION_DIR, uuid }, ...(options.alsoInstall ?? [])];
  if (options.profile) for (const addon of addons) sideload(options.profile, addon);
  const files = mkdtempSync(join(tmpdir(), 'simlit-firefox-files-'));
  const downloads = join(files, 'downloads');
  const uploads = join(files, 'uploads');
  mkdirSync(downloads);
  mkdirSync(uploads);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: options.headless ?? true,
    defaultViewport: { width: 1100, height: 800 },
    args: ['--remote-allow-system-access'],
    ...(options.profile ? { userDataDir: resolve(options.profile) } : {}),
    extraPrefsFirefox: {
      ...firefoxPrefs({ port: options.port, uuids: Object.fromEntries(addons.map((addon) => [addon.id, addon.uuid])), downloads }),
      ...(options.profile ? SIDELOAD_PREFS : {}),
    },
  });
  try {
    if (!options.profile) for (const addon of addons) await browser.installExtension(addon.dir);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return {
    browser,
    origin: `moz-extension://${uuid}/`,
    downloads,
    uploads,
    async close() {
      await browser.close();
      rmSync(files, { recursive: true, force: true });
    },
  };
}

/**
 * Opens an extension page in a tab. Puppeteer does not see moz-extension:// loads finish, so the
 * BiDi navigation waits for the document itself, and the page's own readyState confirms it.
 */
export async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  const context = (page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: 'complete'): Promise<unknown> } }).browsingContext;
  await context.navigate(url, 'complete');
  const expected = new URL(url).href;
  await page.waitForFunction((href) => location.href === href && document.readyState === 'complete', { polling: 50 }, expected);
}

/** Runs privileged code in Firefox's parent process: BiDi's chrome scope, open to --remote-allow-system-access. */
async function evaluateInChrome(browser: Browser, expression: string): Promise<unknown> {
  type Reply = { result: { contexts: { context: string }[] } & { type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } } };
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<Reply> } }).connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const reply = await connection.send('script.evaluate', { expression, target: { context: tree.result.contexts[0].context }, awaitPromise: true });
  if (reply.result.type !== 'success') throw new Error(`Firefox refused: ${reply.result.exceptionDetails?.text}`);
  return reply.result.result?.value;
}

/**
 * Runs `body` in Firefox's parent process with `ExtensionParent` and the browser's `window`, whose
 * selected tab must show `pageUrl` (a driver's new tab is not always the one selected).
 */
function evaluateInWindowShowing(browser: Browser, pageUrl: string, body: string): Promise<unknown> {
  return evaluateInChrome(
    browser,
    `(async () => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const window = Services.wm.getMostRecentWindow('navigator:browser');
      const shown = window.gBrowser.selectedBrowser.currentURI.spec;
      if (shown !== ${JSON.stringify(pageUrl)}) throw new Error('the selected tab shows ' + shown);
      ${body}
    })()`,
  );
}

/**
 * Stops the add-on's event page, as Firefox does when it has been idle, and as about:debugging's
 * "Terminate background script" does.
 */
export async function terminateBackground(browser: Browser): Promise<void> {
  const state = await evaluateInChrome(
    browser,
    `(async () => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)});
      await extension.terminateBackground({ ignoreDevToolsAttached: true });
      return extension.backgroundState;
    })()`,
  );
  if (state !== 'stopped') throw new Error(`The background did not stop (${String(state)}).`);
}

/**
 * A click on the add-on's toolbar button in the window whose selected tab shows `pageUrl`:
 * Firefox's own triggerAction (what the button and the action's keyboard shortcut run) grants
 * the tab activeTab and opens the popup. A popup still open from an earlier click is closed
 * first, as a click elsewhere closes it in a real window (a second trigger would only close it).
 */
export async function triggerAction(browser: Browser, pageUrl: string): Promise<void> {
  await evaluateInWindowShowing(
    browser,
    pageUrl,
    `const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)});
      for (const panel of window.document.querySelectorAll('panel[viewId^="PanelUI-webext-"], #customizationui-widget-panel')) panel.hidePopup?.();
      ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);`,
  );
}

/** The add-on's id for the selected tab of the browser's window, which must show `pageUrl` (what `?tabId=` names). */
export async function selectedTabId(browser: Browser, pageUrl: string): Promise<number> {
  return (await evaluateInWindowShowing(browser, pageUrl, 'return ExtensionParent.apiManager.global.tabTracker.getId(window.gBrowser.selectedTab);')) as number;
}

/** Firefox's setting that answers an add-on's optional permission requests without the prompt. */
export async function allowOptionalPermissionsWithoutPrompt(browser: Browser): Promise<void> {
  await evaluateInChrome(browser, `Services.prefs.setBoolPref('extensions.webextOptionalPermissionPrompts', false)`);
}
