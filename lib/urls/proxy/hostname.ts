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
 *   `www.jstor.org.ezproxy.example.edu`.
 * - Sangfor EasyConnect/aTrust web resources do the same and mark the publisher's scheme and port
 *   at the end of the label: `-s` for https, `-8080-p` for port 8080
 *   (`kns-cnki-net-s.vpn.example.edu.cn:8118`, `example-com-1088-p.vpn.example.edu.cn:8118`).
 *
 * The rule against false positives (an ordinary host with hyphens is no proxy): the hyphenated
 * first label must decode to a publisher host Simlit knows (lib/hosts.ts and the databases in
 * publisher-host.ts), or the rest of the host must name a proxy (a label with "proxy" or "vpn",
 * EZproxy's "ezp…", a hosted proxy domain) and the decoded host must end in a real TLD. The
 * dotted form is accepted for known publisher hosts only, before a label that names a proxy.
 */

/** Labels proxies are named by: ezproxy, libproxy, proxy1, ezp-prod1, webvpn, wvpn, vpn, onevpn, eres, libaccess… */
const PROXY_LABEL = /proxy|vpn|^ezp|^ez$|^eres$|access$/;
/** Hosted proxies: the institution's label sits between the publisher's and these. */
const HOSTED_PROXY_DOMAINS = ['idm.oclc.org', 'openathens.net'];

/** Whether a host's name says it is a proxy server. */
export function namesProxy(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host.split('.').some((label) => PROXY_LABEL.test(label)) || HOSTED_PROXY_DOMAINS.some((domain) => host.endsWith(`.${domain}`));
}

interface Spelt {
  host: string;
  https: boolean;
  port?: string;
}

/** Sangfor's flags at the end of the label ("-s": https, "-8080-p": port), in either order. */
function readFlags(label: string): Spelt {
  let rest = label;
  let https = false;
  let port: string | undefined;
  for (let i = 0; i < 2; i++) {
    const portFlag = /-(\d{1,5})-p$/.exec(rest);
    if (!https && rest.endsWith('-s')) {
      https = true;
      rest = rest.slice(0, -2);
    } else if (!port && portFlag) {
      port = portFlag[1];
      rest = rest.slice(0, portFlag.index);
    }
  }
  return { host: unhyphenate(rest), https, port };
}

/** "www-x--y-com" → "www.x-y.com": a doubled hyphen is a literal one, a single one a dot. */
function unhyphenate(label: string): string {
  return label
    .split('--')
    .map((part) => part.replaceAll('-', '.'))
    .join('-');
}

function resolution(url: URL, host: string, scheme: string, port?: string): ProxyResolution {
  return {
    proper: `${scheme}//${host}${port ? `:${port}` : ''}${url.pathname}${url.search}${url.hash}`,
    via: { scheme: 'hostname', origin: url.origin },
  };
}

export function fromHostname(url: URL): ProxyResolution | undefined {
  const labels = url.hostname.toLowerCase().split('.');
  if (labels.length < 3) return undefined;
  const named = namesProxy(labels.slice(1).join('.'));
  if (labels[0].includes('-')) {
    const spelt = readFlags(labels[0]);
    // (An IP address behind a proxy counts only with the proxy's name around it.)
    const believable = (isHostname(spelt.host) && isPublisherHost(spelt.host)) || (named && isPlausibleHost(spelt.host));
    if (believable) return resolution(url, spelt.host, spelt.https ? 'https:' : url.protocol, spelt.port);
  }
  for (let i = 2; i < labels.length - 1; i++) {
    if (!PROXY_LABEL.test(labels[i])) continue;
    const host = labels.slice(0, i).join('.');
    return isPublisherHost(host) ? resolution(url, host, url.protocol) : undefined;
  }
  return undefined;
}
