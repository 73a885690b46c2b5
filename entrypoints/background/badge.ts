/**
 * Updates the tab's toolbar button. A tab closed meanwhile has no button to update; any other
 * failure (an API the browser lacks, as `action` in a Firefox MV2 build) is said in the console
 * rather than lost.
 */
async function updateButton(tabId: number, update: () => Promise<unknown>): Promise<void> {
  try {
    await update();
  } catch (error) {
    const open = await browser.tabs.get(tabId).then(() => true, () => false);
    if (open) console.warn('simlit: could not update the toolbar button', error);
  }
}

/** The toolbar badge: how many articles the tab's page yielded. */
export function showBadge(tabId: number, count: number): Promise<void> {
  return updateButton(tabId, async () => {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#2f6f4f' });
    await browser.action.setBadgeText({ tabId, text: count > 0 ? String(Math.min(count, 999)) : '' });
  });
}

/**
 * A capture that could not be stored: "!" on the badge, and the reason in plain words as the
 * toolbar button's tooltip (the content script that asked cannot show it).
 */
export function showFailure(tabId: number, reason: string): Promise<void> {
  return updateButton(tabId, async () => {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
    await browser.action.setBadgeText({ tabId, text: '!' });
    await browser.action.setTitle({ tabId, title: reason });
  });
}

/** Back to the usual tooltip once a capture of the tab succeeds again. */
export function clearFailure(tabId: number): Promise<void> {
  return updateButton(tabId, async () => browser.action.setTitle({ tabId, title: await browser.action.getTitle({}) }));
}
