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
