/**
 * Extraction through campus proxies: each constructed fixture and real page, at the publisher's
 * address and as a WebVPN gateway serves it (every link rewritten, the host encrypted in the
 * path), parsed once with jsdom, extracted and normalized several times; medians and their ratio.
 * The proxied run pays for resolving the address, copying the page with the publisher's links,
 * and mapping the items' links back.
 */
import { savedPages } from '../lib/extractors/saved-pages';
import { proxiedPage } from '../lib/urls/proxy/proxy-forms';
import { extractionMedian } from './scrape';

export interface ProxiedScrapeFigure {
  page: string;
  items: number;
  directMs: number;
  webvpnMs: number;
}

export function runProxiedScrapeBench(): ProxiedScrapeFigure[] {
  return savedPages().map(({ name, url, html }) => {
    const direct = extractionMedian(html, url);
    const proxied = proxiedPage(html, url, 'webvpn');
    return { page: name, items: direct.items, directMs: direct.medianMs, webvpnMs: extractionMedian(proxied.html, proxied.url).medianMs };
  });
}

export function formatProxiedScrapeFigures(figures: ProxiedScrapeFigure[]): string {
  const rows = figures.map((f) => `| ${f.page} | ${f.items} | ${f.directMs} | ${f.webvpnMs} | ${f.directMs > 0 ? (f.webvpnMs / f.directMs).toFixed(2) : '-'} |`);
  return ['| page (jsdom, extraction + normalization) | articles | direct median ms | through WebVPN median ms | ratio |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
