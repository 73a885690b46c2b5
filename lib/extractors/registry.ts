import type { PageExtraction } from '../model/article';
import { embeddedMetadata } from './platforms/embedded-metadata';
import { qinyun } from './platforms/qinyun';
import type { Extractor } from './types';

/**
 * Extractors in the order they are tried: most specific first, the generic embedded-metadata
 * reader behind them. The first that yields items wins; one that throws is skipped.
 */
export const EXTRACTORS: readonly Extractor[] = [qinyun, embeddedMetadata];

/** At most this many items are taken from one page, against hostile or runaway lists. */
export const MAX_ITEMS_PER_PAGE = 300;

export interface ExtractionResult extends PageExtraction {
  /** Extractors that threw, with their message: reported, never fatal. */
  errors: { extractor: string; message: string }[];
}

export function extractPage(doc: Document, pageUrl: string, extractors: readonly Extractor[] = EXTRACTORS): ExtractionResult {
  const errors: ExtractionResult['errors'] = [];
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return { platform: '', kind: 'article', items: [], errors: [{ extractor: 'registry', message: `not a URL: ${pageUrl.slice(0, 200)}` }] };
  }
  for (const extractor of extractors) {
    try {
      if (!extractor.canExtract(doc, url)) continue;
      const items = extractor.extract(doc, url).slice(0, MAX_ITEMS_PER_PAGE);
      if (items.length > 0) return { platform: extractor.id, kind: extractor.kind(doc, url), items, errors };
    } catch (error) {
      errors.push({ extractor: extractor.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { platform: '', kind: 'article', items: [], errors };
}
