import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { pageArticles } from '@/lib/capture/page-articles';
import { extractPage, type ExtractionResult } from '@/lib/extractors/registry';
import type { Article } from '@/lib/model/article';
import { decodePage } from '@/lib/text/decode-page';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const sharedPages = path.resolve(repoRoot, '../shared/pages');

/** A saved page and the URL it belongs to (the HTML comment on its first line). */
export interface Fixture {
  html: string;
  url: string;
}

export function readFixture(name: string): Fixture {
  const html = readFileSync(path.join(repoRoot, 'tests/fixtures', name), 'utf8');
  const url = /^<!--\s*(\S+)\s*-->/.exec(html)?.[1];
  if (!url) throw new Error(`${name}: first line must be <!-- URL -->`);
  return { html, url };
}

/**
 * A page of tests/fixtures/real, decoded as a browser would, with the address its provenance
 * comment gives ("url: ...").
 */
export function readRealPage(name: string): Fixture {
  const html = decodePage(readFileSync(path.join(repoRoot, 'tests/fixtures/real', name))).text;
  const url = /^url: (\S+)$/m.exec(html)?.[1];
  if (!url) throw new Error(`${name}: the provenance comment needs a "url:" line`);
  return { html, url };
}

export function parse(html: string, url: string): Document {
  return new JSDOM(html, { url }).window.document;
}

export interface Scraped {
  extraction: ExtractionResult;
  articles: Article[];
}

/** Runs a page through the registry and normalization, as the content script and background do. */
export function scrape(html: string, url: string): Scraped {
  const { window } = new JSDOM(html, { url });
  try {
    const extraction = extractPage(window.document, url);
    return { extraction, articles: pageArticles(extraction, url, 1_700_000_000_000) };
  } finally {
    // Windows left open are kept alive: a file that scrapes many large pages runs out of memory.
    window.close();
  }
}

export function scrapeFixture(name: string): Scraped {
  const { html, url } = readFixture(name);
  return scrape(html, url);
}
