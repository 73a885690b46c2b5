import { namesProxy } from './hostname';
import type { ProxyResolution } from './types';

/**
 * Starting-point links that send the reader through a proxy to a publisher's page, as library
 * catalogues, A-Z lists and Google Scholar's library links write them:
 * - EZproxy `https://ezproxy.example.edu/login?url=<target>`: everything after `url=` is the
 *   target, as written (it may hold its own `&`); `login?qurl=<target>` carries it
 *   percent-encoded; `/connect?…&url=` is the same for sessions;
 * - OpenAthens `https://go.openathens.net/redirector/<org>?url=<encoded target>`.
 * A site's own login page with a return address (`/login?url=/account`) is no proxy: the link's
 * host must name a proxy, and the target must be an http(s) address on another host.
 */

const LOGIN_PATH = /\/(?:login|connect)$|^\/redirector\//i;

function target(url: URL): string | undefined {
  const qurl = url.searchParams.get('qurl');
  if (qurl) return qurl;
  const raw = /[?&]url=(.*)$/is.exec(url.search)?.[1];
  if (!raw) return undefined;
  return /^https?%3A/i.test(raw) ? safeDecode(raw) : raw;
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

export function fromLoginLink(url: URL): ProxyResolution | undefined {
  if (!LOGIN_PATH.test(url.pathname) || !namesProxy(url.hostname)) return undefined;
  const address = target(url);
  if (!address) return undefined;
  let proper: URL;
  try {
    proper = new URL(address);
  } catch {
    return undefined;
  }
  if ((proper.protocol !== 'http:' && proper.protocol !== 'https:') || proper.hostname === url.hostname) return undefined;
  return { proper: proper.href, via: { scheme: 'login-link', origin: url.origin } };
}
