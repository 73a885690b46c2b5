/**
 * An absolute http(s) URL (resolved against `base` when relative), or undefined for anything
 * else: javascript:, data:, file:, garbage. Every URL that came from a page or a file goes
 * through here before it becomes a link or is stored.
 */
export function httpUrl(value: string | undefined, base?: string | URL): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The hostname a reader means by what they typed: a bare host ("cnki.net"), a host with a path,
 * or a whole URL. Lowercase, IDN in punycode, without a leading "www." (pausing a site should
 * not depend on how its address was typed). Undefined when it names no host.
 */
export function normalizeHost(input: string): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  let hostname: string;
  try {
    hostname = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`).hostname;
  } catch {
    return undefined;
  }
  hostname = hostname.replace(/\.$/, '').replace(/^www\./, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(hostname) && hostname !== 'localhost') return undefined;
  return hostname;
}

/** The resolver's address for a DOI (its characters percent-encoded where a URL needs it). */
export function doiUrl(doi: string): string {
  return `https://doi.org/${encodeURI(doi)}`;
}

/** One ASCII character as a URL escape ("{" → "%7B"): for link text that formats read as syntax. */
export function percentEncodeChar(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}
