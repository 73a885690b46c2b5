import { httpUrl } from '@/lib/text/urls';

/** A link to an address scraped from a page: only http(s) becomes a link, the rest stays text. */
export function ExternalLink({ href, text }: { href: string | undefined; text?: string }) {
  const safe = httpUrl(href);
  if (!safe) return <span class="plain-url">{text ?? href}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {text ?? safe}
    </a>
  );
}
