import { resolveProxy, type ProxyScheme } from '../urls/proxy';
import { normalizeHost } from '../text/urls';
import type { SimlitDB } from './schema';

/**
 * Campus proxies where the reader asked Simlit to keep capturing (one settings row, checked on
 * read like the other settings). The browser's host permission for the proxy's origin is the
 * other half of the reader's yes: capture runs there only while both are present.
 */
export interface ProxySite {
  /** The proxy's origin as pages there have it ("https://kns-cnki-net.ezproxy.example.edu.cn"). */
  origin: string;
  scheme: ProxyScheme;
  /** Publisher hosts the reader allowed it for (no "www."), captured there whether Simlit knows them or not. */
  publisherHosts: string[];
  addedAt: number;
}

const KEY = 'proxySites';

function isProxySite(value: unknown): value is ProxySite {
  const site = value as ProxySite;
  return (
    typeof site === 'object' &&
    site !== null &&
    typeof site.origin === 'string' &&
    /^https?:\/\/[^/]+$/.test(site.origin) &&
    typeof site.scheme === 'string' &&
    Array.isArray(site.publisherHosts) &&
    site.publisherHosts.every((host) => typeof host === 'string') &&
    typeof site.addedAt === 'number'
  );
}

export async function readProxySites(db: SimlitDB): Promise<ProxySite[]> {
  const stored = (await db.settings.get(KEY))?.value;
  return Array.isArray(stored) ? stored.filter(isProxySite) : [];
}

/** The match pattern the browser's permission and the content script use for a proxy's origin (any port). */
export function proxyOriginPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * Remembers a proxied page's proxy (or adds its publisher to a known one). Returns the site, or
 * undefined when the page came through no proxy a content script could run on.
 */
export async function allowProxySite(db: SimlitDB, pageUrl: string, now = Date.now()): Promise<ProxySite | undefined> {
  const { proper, via } = resolveProxy(pageUrl);
  const publisherHost = normalizeHost(proper);
  if (!via || via.scheme === 'login-link' || !publisherHost) return undefined;
  return db.transaction('rw', db.settings, async () => {
    const sites = await readProxySites(db);
    const known = sites.find((site) => site.origin === via.origin);
    const site: ProxySite = known
      ? { ...known, publisherHosts: [...new Set([...known.publisherHosts, publisherHost])].sort() }
      : { origin: via.origin, scheme: via.scheme, publisherHosts: [publisherHost], addedAt: now };
    await db.settings.put({ key: KEY, value: [...sites.filter((other) => other.origin !== via.origin), site].sort((a, b) => a.origin.localeCompare(b.origin)) });
    return site;
  });
}

export async function removeProxySite(db: SimlitDB, origin: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const sites = await readProxySites(db);
    await db.settings.put({ key: KEY, value: sites.filter((site) => site.origin !== origin) });
  });
}
