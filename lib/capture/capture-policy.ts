import type { Settings } from '../db/settings';
import { isKnownJournalHost } from '../hosts';
import { normalizeHost } from '../text/urls';

export function isPausedSite(pausedSites: readonly string[], pageUrl: string): boolean {
  const host = normalizeHost(pageUrl);
  return host !== undefined && pausedSites.some((site) => host === site || host.endsWith(`.${site}`));
}

/**
 * Whether a page may be read. A click on the toolbar button (or "capture this tab") always may:
 * it is the reader asking. Otherwise a paused site never is, and the capture mode decides.
 */
export function shouldCapture(settings: Pick<Settings, 'captureMode' | 'pausedSites'>, pageUrl: string, requestedByClick: boolean): boolean {
  const host = normalizeHost(pageUrl);
  if (!host) return false;
  if (requestedByClick) return true;
  if (isPausedSite(settings.pausedSites, pageUrl)) return false;
  switch (settings.captureMode) {
    case 'on-click':
      return false;
    case 'known-sites':
      return isKnownJournalHost(host);
    case 'all-sites':
      return true;
  }
}

/** Whether the all-sites content script should be registered (the permission is asked separately). */
export function wantsAllSites(settings: Pick<Settings, 'captureMode'>): boolean {
  return settings.captureMode === 'all-sites';
}
