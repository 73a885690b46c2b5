import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { pageArticles } from '../../capture/page-articles';
import { extractPage } from '../../extractors/registry';
import { toCsl, type CslItem } from '../../model/article';
import { decodePage, UnknownEncodingError } from '../../text/decode-page';
import { type ParsedArgs, UsageError, requireFlag } from '../args';

export const usage =
  'scrape PAGE.html --url URL [--encoding gbk]    print the page\'s unique articles as a CSL-JSON array; the page is decoded by its BOM, --encoding or <meta charset>';

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
  const encoding = args.flags.has('encoding') ? requireFlag(args, 'encoding') : undefined;
  let html: string;
  try {
    html = decodePage(readFileSync(file), encoding).text;
  } catch (error) {
    if (error instanceof UnknownEncodingError) throw new UsageError(error.message);
    throw error;
  }
  const items = scrapeHtml(html, url);
  process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
}
