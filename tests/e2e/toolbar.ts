import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';

/**
 * What the reader does in the browser's own UI, for the end-to-end tests.
 *
 * Chromium flag the tests that use these must launch with: the DevTools protocol's Extensions
 * domain (over Playwright's pipe) answers only when it is set.
 */
export const BROWSER_UI_ARGS = ['--enable-unsafe-extension-debugging'];

/**
 * A click on the Simlit toolbar button while `page` is the active tab. Chromium runs the action
 * as for a real click (`Extensions.triggerAction`): the popup opens and the tab is granted
 * activeTab, so the popup's capture request reads the page.
 */
export async function clickToolbarButton(browser: ExtensionBrowser, page: Page): Promise<void> {
  await page.bringToFront();
  const session = await browser.context.browser()!.newBrowserCDPSession();
  try {
    // A popup still open from an earlier click would be closed by this one, as a second click
    // does; in a real window it closes as soon as the reader turns to another tab.
    const popupUrl = `chrome-extension://${browser.extensionId}/popup.html`;
    const { targetInfos: pages } = await session.send('Target.getTargets', { filter: [{ type: 'page' }] });
    for (const open of pages.filter((target) => target.url === popupUrl)) await session.send('Target.closeTarget', { targetId: open.targetId });
    const { targetInfos } = await session.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = targetInfos.find((target) => target.url === page.url());
    if (!tab) throw new Error(`no tab shows ${page.url()}`);
    await session.send('Extensions.triggerAction', { id: browser.extensionId, targetId: tab.targetId });
  } finally {
    await session.detach();
  }
}

/**
 * The reader allowing Simlit on a site in Chromium's own extension settings (chrome://extensions,
 * Details, Site access: the list of sites the extension may read). Chromium then answers the
 * extension's `permissions.request` for that site at once, without its prompt: the prompt is
 * browser UI that the DevTools protocol cannot click, and this is the other way Chromium offers
 * a reader to grant the same access. Called through the settings page's own API
 * (`developerPrivate.addHostPermission`, what its "Add a site" dialog calls).
 */
export async function allowSiteInBrowserSettings(browser: ExtensionBrowser, pattern: string): Promise<void> {
  const settings = await browser.context.newPage();
  try {
    await settings.goto(`chrome://extensions/?id=${browser.extensionId}`);
    const error = await settings.evaluate(
      ([id, host]) =>
        new Promise<string>((resolve) => {
          const api = (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string, done: () => void): void }; runtime: { lastError?: { message?: string } } } }).chrome;
          api.developerPrivate.addHostPermission(id, host, () => resolve(api.runtime.lastError?.message ?? ''));
        }),
      [browser.extensionId, pattern] as const,
    );
    if (error) throw new Error(`Chromium refused site access to ${pattern}: ${error}`);
  } finally {
    await settings.close();
  }
}
