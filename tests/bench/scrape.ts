/**
 * Extraction speed: every page in ../shared/pages, every fixture and every real page
 * (tests/fixtures/real), parsed once with jsdom, then extracted and normalized (extractPage +
 * pageArticles) several times; medians.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { JSDOM } from 'jsdom';
import { pageArticles } from '@/lib/capture/page-articles';
import { extractPage } from '@/lib/extractors/registry';
import { decodePage } from '@/lib/text/decode-page';
import { median } from './stats';

const ROOT = resolve(import.meta.dirname, '../..');
const RUNS = 7;

export interface ScrapeFigure {
  page: string;
  items: number;
  medianMs: number;
}

function pages(): { name: string; url: string; html: string }[] {
  const manifest = JSON.parse(readFileSync(resolve(ROOT, '../shared/pages/MANIFEST.json'), 'utf8')) as { pages: { file: string; url: string }[] };
  const shared = manifest.pages.map(({ file, url }) => ({ name: `shared/${file}`, url, html: readFileSync(resolve(ROOT, '../shared/pages', file), 'utf8') }));
  const fixtures = readdirSync(resolve(ROOT, 'tests/fixtures'))
    .filter((name) => name.endsWith('.html'))
    .map((name) => {
      const html = readFileSync(resolve(ROOT, 'tests/fixtures', name), 'utf8');
      return { name: `fixtures/${name}`, url: /<!--\s*(\S+)\s*-->/.exec(html)?.[1] ?? 'http://example.org/', html };
    });
  // Real pages saved from the live sites, decoded as a browser would, at their provenance URL.
  const real = readdirSync(resolve(ROOT, 'tests/fixtures/real'))
    .filter((name) => name.endsWith('.html'))
    .map((name) => {
      const html = decodePage(readFileSync(resolve(ROOT, 'tests/fixtures/real', name))).text;
      return { name: `real/${name}`, url: /^url: (\S+)$/m.exec(html)?.[1] ?? 'http://example.org/', html };
    });
  return [...shared, ...fixtures, ...real];
}

/** One page parsed once, extracted and normalized RUNS times: the articles and the median time. */
export function extractionMedian(html: string, url: string): { items: number; medianMs: number } {
  const { window } = new JSDOM(html, { url });
  const times: number[] = [];
  let items = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    items = pageArticles(extractPage(window.document, url), url, 0).length;
    times.push(performance.now() - started);
  }
  window.close();
  return { items, medianMs: Number(median(times).toFixed(2)) };
}

export function runScrapeBench(): ScrapeFigure[] {
  return pages().map(({ name, url, html }) => ({ page: name, ...extractionMedian(html, url) }));
}

export function formatScrapeFigures(figures: ScrapeFigure[]): string {
  const rows = figures.map((f) => `| ${f.page} | ${f.items} | ${f.medianMs} |`);
  return ['| page (jsdom, extraction + normalization) | articles | median ms |', '| --- | --- | --- |', ...rows].join('\n');
}
