import { httpUrl } from '@/lib/text/urls';
import { displayUrl } from '@/lib/text/unicode-host';

/** A link to an address scraped from a page: only http(s) becomes a link, the rest stays text; hosts read in Unicode. */
export function ExternalLink({ href, text }: { href: string | undefined; text?: string }) {
  const safe = httpUrl(href);
  if (!safe) return <span class="plain-url">{text ?? href}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {text ?? displayUrl(safe)}
    </a>
  );
}
