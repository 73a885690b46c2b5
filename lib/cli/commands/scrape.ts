import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { pageArticles } from '../../capture/page-articles';
import { extractPage } from '../../extractors/registry';
import { toCsl, type CslItem } from '../../model/article';
import { type ParsedArgs, UsageError, requireFlag } from '../args';

export const usage = 'scrape PAGE.html --url URL    print the page\'s unique articles as a CSL-JSON array';

/** Parses saved HTML the way a browser would (no scripts run) and extracts its articles. */
export function scrapeHtml(html: string, url: string, now = Date.now()): CslItem[] {
  const { window } = new JSDOM(html, { url });
  try {
    const extraction = extractPage(window.document, url);
    for (const error of extraction.errors) process.stderr.write(`simlit: extractor ${error.extractor} failed: ${error.message}\n`);
    return pageArticles(extraction, url, now).map(toCsl);
  } finally {
    window.close();
  }
}

export function run(args: ParsedArgs): void {
  const file = args.positional[0];
  if (!file) throw new UsageError('scrape needs a PAGE.html');
  const url = requireFlag(args, 'url');
  const items = scrapeHtml(readFileSync(file, 'utf8'), url);
  process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
}
