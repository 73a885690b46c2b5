import { shouldCapture, wantsAllSites } from '@/lib/capture/capture-policy';
import { readProxySites } from '@/lib/db/proxy-sites';
import { openLibrary } from '@/lib/db/schema';
import { readSettings } from '@/lib/db/settings';
import { matchPatterns } from '@/lib/hosts';

/** Tabs the reader asked to capture (toolbar click, "capture this tab"), briefly remembered. */
const clickedTabs = new Map<number, number>();
const CLICK_WINDOW_MS = 30_000;

export function rememberClick(tabId: number): void {
  clickedTabs.set(tabId, Date.now() + CLICK_WINDOW_MS);
}

function wasClicked(tabId: number): boolean {
  const until = clickedTabs.get(tabId);
  if (until === undefined) return false;
  clickedTabs.delete(tabId);
  return until >= Date.now();
}

export async function mayCapture(tabId: number, pageUrl: string): Promise<boolean> {
  const clicked = wasClicked(tabId);
  const db = openLibrary();
  return shouldCapture(await readSettings(db), pageUrl, clicked, await readProxySites(db));
}

const ALL_SITES_SCRIPT = 'simlit-all-sites';

/**
 * Keeps the all-sites content script registered exactly when the reader chose "all sites" and
 * granted the permission; the known journal sites are covered by the manifest.
 */
export async function syncAllSitesScript(): Promise<void> {
  const settings = await readSettings(openLibrary());
  const granted = await browser.permissions.contains({ origins: ['<all_urls>'] });
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [ALL_SITES_SCRIPT] })).length > 0;
  const wanted = wantsAllSites(settings) && granted;
  if (wanted && !registered) {
    await browser.scripting.registerContentScripts([
      { id: ALL_SITES_SCRIPT, matches: ['<all_urls>'], excludeMatches: matchPatterns(), js: ['content-scripts/content.js'], runAt: 'document_idle' },
    ]);
  } else if (!wanted && registered) {
    await browser.scripting.unregisterContentScripts({ ids: [ALL_SITES_SCRIPT] });
  }
}
