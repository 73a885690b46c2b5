import { toUnicode } from 'punycode.js';

/**
 * A host name as its readers write it: browsers give internationalized names in their ASCII
 * form (xn--chqp19c.cn), which nobody recognises as 万方.cn. Labels that do not decode are kept.
 */
export function unicodeHost(host: string): string {
  if (!host.includes('xn--')) return host;
  try {
    return toUnicode(host);
  } catch {
    return host;
  }
}

/** An address with its host shown in Unicode (for display only; links keep the address as it is). */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.hostname.includes('xn--')) return url;
    return url.replace(parsed.hostname, unicodeHost(parsed.hostname));
  } catch {
    return url;
  }
}
