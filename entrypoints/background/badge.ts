/** The toolbar badge: how many articles the tab's page yielded. */
export async function showBadge(tabId: number, count: number): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#2f6f4f' });
    await browser.action.setBadgeText({ tabId, text: count > 0 ? String(Math.min(count, 999)) : '' });
  } catch {
    // The tab was closed while capturing: there is no badge to show.
  }
}

/**
 * A capture that could not be stored: "!" on the badge, and the reason in plain words as the
 * toolbar button's tooltip (the content script that asked cannot show it).
 */
export async function showFailure(tabId: number, reason: string): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
    await browser.action.setBadgeText({ tabId, text: '!' });
    await browser.action.setTitle({ tabId, title: reason });
  } catch {
    // The tab was closed meanwhile.
  }
}

/** Back to the usual tooltip once a capture of the tab succeeds again. */
export async function clearFailure(tabId: number): Promise<void> {
  try {
    await browser.action.setTitle({ tabId, title: await browser.action.getTitle({}) });
  } catch {
    // The tab was closed meanwhile.
  }
}
