import { isHostname, isPlausibleHost, isPublisherHost } from './publisher-host';
import type { ProxyResolution } from './types';

/**
 * Proxies that spell the publisher's host into their own host name.
 *
 * - EZproxy "proxy by hostname" (with `Option HttpsHyphens`, the usual setup): dots become
 *   hyphens and literal hyphens are doubled, then the proxy's name follows:
 *   `www.sciencedirect.com` → `www-sciencedirect-com.proxy.lib.example.edu` (often on a port
 *   such as :2048 or :8443, which is the proxy's, not the publisher's). Hosted EZproxy puts the
 *   institution between: `www-jstor-org.example.idm.oclc.org`. Older setups keep the dots:
 *   `www.jstor.org.ezproxy.example.edu`, and III's WAM proxy writes `0-www.jstor.org.library.example.edu`.
 * - Sangfor EasyConnect/aTrust web resources mark the publisher's scheme and port at the end of
 *   the label: `-s` for https, `-8080-p` for port 8080 (`kns-cnki-net-s.vpn.example.edu.cn:8118`).
 * - Host-style WebVPN gateways write the publisher's port after it, `-443` meaning https, and
 *   sometimes its scheme before it: `kns-cnki-net-443.webvpn.example.edu.cn`,
 *   `https-open-weixin-qq-com-443.webvpn.example.edu.cn`.
 * Without such a mark the publisher's scheme is taken to be the proxy's (EZproxy serves https
 * publishers over https and http ones over http).
 *
 * The rule against false positives (an ordinary host with hyphens is no proxy): the hyphenated
 * first label must decode to a publisher host Simlit knows (lib/hosts.ts and the databases in
 * publisher-host.ts), or the rest of the host must name a proxy (a label with "proxy" or "vpn",
 * EZproxy's "ezp…", a hosted proxy domain) and the decoded host must end in a real TLD. The
 * dotted forms are accepted for known publisher hosts only.
 */

/** Labels proxies are named by: ezproxy, libproxy, proxy1, ezp-prod1, webvpn, wvpn, vpn, onevpn, eres, libaccess… */
const PROXY_LABEL = /proxy|vpn|^ezp|^ez$|^eres$|access$/;
/** Hosted proxies: the institution's label sits between the publisher's and these. */
const HOSTED_PROXY_DOMAINS = ['idm.oclc.org', 'openathens.net', 'ilibs.cn'];

/** Whether a host's name says it is a proxy server. */
export function namesProxy(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host.split('.').some((label) => PROXY_LABEL.test(label)) || HOSTED_PROXY_DOMAINS.some((domain) => host.endsWith(`.${domain}`));
}

interface Spelt {
  host: string;
  scheme?: 'http:' | 'https:';
  port?: string;
}

/** "www-x--y-com" → "www.x-y.com": a doubled hyphen is a literal one, a single one a dot. */
function unhyphenate(label: string): string {
  return label
    .split('--')
    .map((part) => part.replaceAll('-', '.'))
    .join('-');
}

const SCHEME_PREFIX = /^(https?)-(?=[^-])/;
const SANGFOR_HTTPS = /-s$/;
const SANGFOR_PORT = /-(\d{1,5})-p$/;
const PORT = /-(\d{1,5})$/;

/**
 * The ways a hyphenated label can be read, most marked first. A bare trailing number is a port
 * ("-443"), unless it is the last part of an IP address spelt with hyphens: both are offered.
 */
function spellings(label: string): Spelt[] {
  let rest = label;
  let scheme: Spelt['scheme'];
  let port: string | undefined;
  const prefix = SCHEME_PREFIX.exec(rest);
  if (prefix) {
    scheme = `${prefix[1]}:` as Spelt['scheme'];
    rest = rest.slice(prefix[0].length);
  }
  for (let i = 0; i < 2; i++) {
    const sangforPort = SANGFOR_PORT.exec(rest);
    if (SANGFOR_HTTPS.test(rest)) {
      scheme = 'https:';
      rest = rest.slice(0, -2);
    } else if (sangforPort && !port) {
      port = sangforPort[1];
      rest = rest.slice(0, sangforPort.index);
    }
  }
  const marked: Spelt = { host: unhyphenate(rest), scheme, port };
  const bare = PORT.exec(rest);
  if (!bare || port) return [marked];
  const numbered = bare[1];
  const withPort: Spelt = {
    host: unhyphenate(rest.slice(0, bare.index)),
    scheme: scheme ?? (numbered === '443' ? 'https:' : numbered === '80' ? 'http:' : undefined),
    port: numbered === '443' || numbered === '80' ? undefined : numbered,
  };
  return [withPort, marked];
}

function resolution(url: URL, spelt: Spelt): ProxyResolution {
  const port = spelt.port ? `:${spelt.port}` : '';
  return {
    proper: `${spelt.scheme ?? url.protocol}//${spelt.host}${port}${url.pathname}${url.search}${url.hash}`,
    via: { scheme: 'hostname', origin: url.origin },
  };
}

/** The publisher host at the front of a dotted proxy host ("www.jstor.org.ezproxy.example.edu"). */
function dottedPublisher(labels: string[], wam: boolean): string | undefined {
  for (let i = 2; i < labels.length - 1; i++) {
    const host = labels.slice(0, i).join('.');
    if (!isPublisherHost(host)) continue;
    // The proxy's name follows, or III's "0-" said it is a proxy.
    if (wam || PROXY_LABEL.test(labels[i])) return host;
  }
  return undefined;
}

export function fromHostname(url: URL): ProxyResolution | undefined {
  const hostname = url.hostname.toLowerCase();
  const labels = hostname.split('.');
  if (labels.length < 3) return undefined;
  if (labels[0].includes('-')) {
    const named = namesProxy(labels.slice(1).join('.'));
    // (An IP address behind a proxy counts only with the proxy's name around it.)
    const spelt = spellings(labels[0]).find(({ host }) => (isHostname(host) && isPublisherHost(host)) || (named && isPlausibleHost(host)));
    if (spelt) return resolution(url, spelt);
  }
  const wam = hostname.startsWith('0-');
  const publisher = dottedPublisher(wam ? hostname.slice(2).split('.') : labels, wam);
  return publisher ? resolution(url, { host: publisher }) : undefined;
}
