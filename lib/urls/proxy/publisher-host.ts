import { isKnownJournalHost } from '../../hosts';

/**
 * What makes a decoded host believable as the publisher behind a campus proxy. Proxy schemes
 * that spell the publisher's host into their own (EZproxy, Sangfor) cannot be told from an
 * ordinary host with hyphens by form alone, so the host they decode to must be one Simlit knows,
 * or the proxy's own name must say it is a proxy and the decoded host must end in a real TLD.
 */

/**
 * Bibliographic databases and publishers that libraries put behind their proxies, beyond the
 * journal hosts where capture runs by default (lib/hosts.ts).
 */
export const PROXIED_DATABASE_HOSTS: readonly string[] = [
  'webofscience.com',
  'webofknowledge.com',
  'webofscience.clarivate.cn',
  'scopus.com',
  'jstor.org',
  'ebscohost.com',
  'proquest.com',
  'pqdtcn.com',
  'engineeringvillage.com',
  'emerald.com',
  'annualreviews.org',
  'degruyter.com',
  'worldscientific.com',
  'rsc.org',
  'aps.org',
  'optica.org',
  'spiedigitallibrary.org',
  'ascelibrary.org',
  'karger.com',
  'sinomed.ac.cn',
  'duxiu.com',
  'chaoxing.com',
];

/** Lowercase DNS name of at least two labels whose last label is alphabetic (a TLD). */
const HOSTNAME = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;

/** Generic TLDs seen on scholarly sites; any two-letter country code counts too. */
const GENERIC_TLDS = new Set(['com', 'org', 'net', 'edu', 'gov', 'mil', 'int', 'info', 'io', 'science', 'online']);

export function isHostname(value: string): boolean {
  return HOSTNAME.test(value);
}

export function isIpv4(value: string): boolean {
  return IPV4.test(value);
}

/** A host (or IP address) a proxy may stand in for: anything a browser could have been asked to open. */
export function isPlausibleHost(value: string): boolean {
  if (isIpv4(value)) return true;
  if (!isHostname(value)) return false;
  const tld = value.slice(value.lastIndexOf('.') + 1);
  return tld.length === 2 || GENERIC_TLDS.has(tld);
}

/** A journal host where Simlit captures by default, or a database libraries commonly proxy. */
export function isPublisherHost(host: string): boolean {
  return isKnownJournalHost(host) || isKnownJournalHost(host, PROXIED_DATABASE_HOSTS);
}
