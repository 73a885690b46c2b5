import { JSDOM } from 'jsdom';
import { toWebvpn } from '@/lib/urls/proxy';

/**
 * Proxy forms of publisher URLs and pages, as the proxies themselves write them, for tests.
 * (lib/urls/proxy only reads them; WebVPN's encoder is in lib because the scheme is a cipher.)
 */

export const EZPROXY_SUFFIX = 'ezproxy.lib.xjtu.edu.cn';
export const SANGFOR_SUFFIX = 'vpn.lzufe.edu.cn';
export const WEBVPN_GATEWAY = 'https://webvpn.fudan.edu.cn';

/** EZproxy by hostname: dots to hyphens, hyphens doubled, the proxy's name after. */
export function ezproxyUrl(publisherUrl: string, suffix = EZPROXY_SUFFIX, port = ''): string {
  const url = new URL(publisherUrl);
  const label = url.hostname.replaceAll('-', '--').replaceAll('.', '-');
  return `${url.protocol}//${label}.${suffix}${port ? `:${port}` : ''}${url.pathname}${url.search}${url.hash}`;
}

/** Sangfor EasyConnect/aTrust: the same, "-s" for https, "-PORT-p" for a port, on the gateway's port 8118. */
export function sangforUrl(publisherUrl: string, suffix = SANGFOR_SUFFIX): string {
  const url = new URL(publisherUrl);
  const flags = `${url.port ? `-${url.port}-p` : ''}${url.protocol === 'https:' ? '-s' : ''}`;
  const label = url.hostname.replaceAll('-', '--').replaceAll('.', '-') + flags;
  return `http://${label}.${suffix}:8118${url.pathname}${url.search}${url.hash}`;
}

export function webvpnUrl(publisherUrl: string, gateway = WEBVPN_GATEWAY): string {
  return toWebvpn(publisherUrl, gateway);
}

export type ProxyForm = 'ezproxy' | 'sangfor' | 'webvpn';

export const PROXY_FORMS: Record<ProxyForm, (publisherUrl: string) => string> = {
  ezproxy: (url) => ezproxyUrl(url),
  sangfor: (url) => sangforUrl(url),
  webvpn: (url) => webvpnUrl(url),
};

const LINK_ATTRIBUTES: [string, string][] = [
  ['a[href]', 'href'],
  ['link[href]', 'href'],
  ['area[href]', 'href'],
  ['form[action]', 'action'],
  ['iframe[src]', 'src'],
  ['meta[content^="http"]', 'content'],
];

/**
 * A publisher's page as a proxy serves it. Hostname proxies (EZproxy, Sangfor) rewrite absolute
 * links to the publisher's own host into their form and leave relative ones alone; a WebVPN
 * gateway rewrites every absolute link, to any host, and every link written from the root, into
 * its `/https/<host>/…` path form (addresses in meta tags are written whole).
 */
export function proxiedPage(html: string, publisherUrl: string, form: ProxyForm, proxyUrl = PROXY_FORMS[form](publisherUrl)): { html: string; url: string } {
  const dom = new JSDOM(html, { url: publisherUrl });
  const doc = dom.window.document;
  const host = new URL(publisherUrl).hostname;
  for (const [selector, attribute] of LINK_ATTRIBUTES) {
    for (const element of doc.querySelectorAll(selector)) {
      const value = element.getAttribute(attribute)!.trim();
      const rewritten = rewriteLink(value, publisherUrl, host, form, attribute === 'content');
      if (rewritten !== undefined) element.setAttribute(attribute, rewritten);
    }
  }
  const proxied = dom.serialize();
  // Closed, or the windows of many large pages stay alive for the whole test file.
  dom.window.close();
  return { html: proxied, url: proxyUrl };
}

function rewriteLink(value: string, pageUrl: string, host: string, form: ProxyForm, whole: boolean): string | undefined {
  const absolute = /^(?:https?:)?\/\//i.test(value);
  const fromRoot = value.startsWith('/') && !value.startsWith('//');
  if (!absolute && !fromRoot) return undefined;
  let url: URL;
  try {
    url = new URL(value, pageUrl);
  } catch {
    return undefined;
  }
  if (form === 'webvpn') {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    // The gateway writes links from its own root; addresses in meta tags whole.
    const proxied = new URL(webvpnUrl(url.href));
    return whole ? proxied.href : `${proxied.pathname}${proxied.search}${proxied.hash}`;
  }
  return absolute && url.hostname === host ? PROXY_FORMS[form](url.href) : undefined;
}
