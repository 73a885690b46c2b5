/** An http(s) address from a page, or undefined for anything else (javascript:, data:, garbage). */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** A link to an address scraped from a page: only http(s) becomes a link, the rest stays text. */
export function ExternalLink({ href, text }: { href: string | undefined; text?: string }) {
  const safe = safeHttpUrl(href);
  if (!safe) return <span class="plain-url">{text ?? href}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {text ?? safe}
    </a>
  );
}
