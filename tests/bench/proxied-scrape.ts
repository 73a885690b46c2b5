/**
 * Extraction through campus proxies: each constructed fixture and real page, at the publisher's
 * address and as a WebVPN gateway serves it (every link rewritten, the host encrypted in the
 * path), parsed once with jsdom, extracted and normalized several times; medians and their ratio.
 * The proxied run pays for resolving the address, copying the page with the publisher's links,
 * and mapping the items' links back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { JSDOM } from 'jsdom';
import { pageArticles } from '@/lib/capture/page-articles';
import { extractPage } from '@/lib/extractors/registry';
import { proxiedPage } from '../lib/urls/proxy/proxy-forms';
import { median } from './stats';

const ROOT = resolve(import.meta.dirname, '../..');
const RUNS = 7;

export interface ProxiedScrapeFigure {
  page: string;
  items: number;
  directMs: number;
  webvpnMs: number;
}

function savedPages(): { name: string; url: string; html: string }[] {
  const pages: { name: string; url: string; html: string }[] = [];
  for (const dir of ['tests/fixtures', 'tests/fixtures/real']) {
    for (const name of readdirSync(resolve(ROOT, dir)).filter((file) => file.endsWith('.html'))) {
      const html = readFileSync(resolve(ROOT, dir, name), 'utf8');
      const url = /^<!--\s*(\S+)\s*-->/.exec(html)?.[1] ?? /^\s*url:\s*(\S+)/m.exec(html.slice(0, 2000))?.[1];
      if (url) pages.push({ name: `${dir.replace('tests/', '')}/${name}`, url, html });
    }
  }
  return pages;
}

function medianMs(html: string, url: string): { items: number; ms: number } {
  const { window } = new JSDOM(html, { url });
  const times: number[] = [];
  let items = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    items = pageArticles(extractPage(window.document, url), url, 0).length;
    times.push(performance.now() - started);
  }
  window.close();
  return { items, ms: Number(median(times).toFixed(2)) };
}

export function runProxiedScrapeBench(): ProxiedScrapeFigure[] {
  return savedPages().map(({ name, url, html }) => {
    const direct = medianMs(html, url);
    const proxied = proxiedPage(html, url, 'webvpn');
    return { page: name, items: direct.items, directMs: direct.ms, webvpnMs: medianMs(proxied.html, proxied.url).ms };
  });
}

export function formatProxiedScrapeFigures(figures: ProxiedScrapeFigure[]): string {
  const rows = figures.map((f) => `| ${f.page} | ${f.items} | ${f.directMs} | ${f.webvpnMs} | ${f.directMs > 0 ? (f.webvpnMs / f.directMs).toFixed(2) : '-'} |`);
  return ['| page (jsdom, extraction + normalization) | articles | direct median ms | through WebVPN median ms | ratio |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
