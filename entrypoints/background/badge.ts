/** The toolbar badge: how many articles the tab's page yielded. */
export async function showBadge(tabId: number, count: number): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#2f6f4f' });
    await browser.action.setBadgeText({ tabId, text: count > 0 ? String(Math.min(count, 999)) : '' });
  } catch {
    // The tab was closed while capturing: there is no badge to show.
  }
}
