export interface TargetTab {
  id: number;
  /** Known when the toolbar click granted activeTab; absent for a tab named by `?tabId=`. */
  url?: string;
}

/**
 * The tab the popup speaks about: the active tab of the current window, or the tab named by
 * `?tabId=` when the popup page is opened on its own (pinned in a tab, or by the tests).
 */
export async function resolveTargetTab(): Promise<TargetTab | undefined> {
  const requested = Number(new URLSearchParams(location.search).get('tabId'));
  const tab = Number.isInteger(requested) && requested > 0
    ? await browser.tabs.get(requested).catch(() => undefined)
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) return undefined;
  if (tab.url && !/^https?:/.test(tab.url)) return undefined; // browser and extension pages
  return { id: tab.id, url: tab.url };
}
