import type { ProxySite } from '../db/proxy-sites';
import type { Settings } from '../db/settings';
import { isKnownJournalHost } from '../hosts';
import { normalizeHost } from '../text/urls';
import { resolveProxy } from '../urls/proxy';

export function isPausedSite(pausedSites: readonly string[], pageUrl: string): boolean {
  const host = normalizeHost(pageUrl);
  return host !== undefined && pausedSites.some((site) => host === site || host.endsWith(`.${site}`));
}

/** Whether the reader allowed capture on this page's proxy for this page's publisher. */
function allowedOnProxy(proxySites: readonly Pick<ProxySite, 'origin' | 'publisherHosts'>[], pageUrl: string, publisherHost: string): boolean {
  const origin = URL.canParse(pageUrl) ? new URL(pageUrl).origin : undefined;
  return proxySites.some((site) => site.origin === origin && isKnownJournalHost(publisherHost, site.publisherHosts));
}

/**
 * Whether a page may be read. A click on the toolbar button (or "capture this tab") always may:
 * it is the reader asking. Otherwise a paused site never is, and the capture mode decides. A page
 * read through a campus proxy is judged by its publisher's address (pausing either host pauses
 * it), and on a proxy the reader allowed, by the publishers they allowed it for.
 */
export function shouldCapture(
  settings: Pick<Settings, 'captureMode' | 'pausedSites'>,
  pageUrl: string,
  requestedByClick: boolean,
  proxySites: readonly Pick<ProxySite, 'origin' | 'publisherHosts'>[] = [],
): boolean {
  const host = normalizeHost(pageUrl);
  if (!host) return false;
  if (requestedByClick) return true;
  const publisher = resolveProxy(pageUrl).proper;
  const publisherHost = normalizeHost(publisher) ?? host;
  if (isPausedSite(settings.pausedSites, pageUrl) || isPausedSite(settings.pausedSites, publisher)) return false;
  switch (settings.captureMode) {
    case 'on-click':
      return false;
    case 'known-sites':
      return isKnownJournalHost(publisherHost) || allowedOnProxy(proxySites, pageUrl, publisherHost);
    case 'all-sites':
      return true;
  }
}

/** Whether the all-sites content script should be registered (the permission is asked separately). */
export function wantsAllSites(settings: Pick<Settings, 'captureMode'>): boolean {
  return settings.captureMode === 'all-sites';
}
