/**
 * Campus proxies in one place. Readers in China reach CNKI, Wanfang, Web of Science and the
 * publishers through their university's EZproxy, Sangfor or WebVPN gateway; a page read there
 * has the proxy's address. `resolveProxy` gives the publisher's own, so that extractors, the
 * known-host test and duplicate detection only ever see publisher hosts (as Zotero treats
 * proxies), while the sighting keeps the address the reader had open. A proxy URL is personal
 * (it opens for nobody else) and would split one article into one record per proxy.
 */
import { fromHostname } from './hostname';
import { fromLoginLink } from './login-link';
import type { ProxyResolution } from './types';
import { fromWebvpn } from './webvpn';

export type { ProxyResolution, ProxyScheme, ProxyVia } from './types';
export { toWebvpn } from './webvpn';

export function resolveProxy(input: string | URL): ProxyResolution {
  const href = typeof input === 'string' ? input : input.href;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { proper: href };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { proper: href };
  // The WebVPN path form is the most specific, a host name the least.
  return fromWebvpn(url) ?? fromLoginLink(url) ?? fromHostname(url) ?? { proper: href };
}

/**
 * The publisher's address for a URL an extractor produced on a page. Links on a proxied page
 * point into the proxy and come back through `resolveProxy`. Extractors resolve relative links
 * against the publisher's address they were given, which is right for a relative link but not
 * for one the gateway wrote from its root (`/https/<host>/…` on a WebVPN page): such a path is
 * read as the gateway's. A relative href left by an extractor is resolved here, against the
 * publisher's address: later it would be resolved against the page's, the proxy's.
 */
export function publisherUrl(href: string, page: ProxyResolution): string {
  let url: URL;
  try {
    url = new URL(href, page.via ? page.proper : undefined);
  } catch {
    return href;
  }
  if (page.via && url.origin === new URL(page.proper).origin) {
    // Set part by part: a path starting "//" given as text would be read as a host (and throw).
    const onGateway = new URL(page.via.origin);
    onGateway.pathname = url.pathname;
    onGateway.search = url.search;
    onGateway.hash = url.hash;
    const inGateway = resolveProxy(onGateway);
    return inGateway.via ? inGateway.proper : url.href;
  }
  return resolveProxy(url).proper;
}

/** Items with their page and PDF links turned into the publisher's addresses. */
export function withPublisherUrls<T extends { url?: string; pdfUrl?: string }>(items: T[], page: ProxyResolution): T[] {
  return items.map((item) => {
    const url = item.url && publisherUrl(item.url, page);
    const pdfUrl = item.pdfUrl && publisherUrl(item.pdfUrl, page);
    return url === item.url && pdfUrl === item.pdfUrl ? item : { ...item, url, pdfUrl };
  });
}
