import type { ExtractedItem } from '../../model/article';
import { absoluteUrl, attr, find, metaIndex } from '../dom';
import { readCoins } from '../metadata/coins';
import { readJsonLd } from '../metadata/json-ld';
import { readPageMarkup, type MarkupField } from '../metadata/page-markup';
import { isScholarly, readMetaTags, readPageTags } from '../metadata/meta-tags';
import { isPreprintServer } from '../shared/item-types';
import { fillMissing, hasSubstance, isEmpty } from '../shared/merge';
import { articleOrList } from '../shared/list-items';
import type { Extractor } from '../types';

const MARKUP_FIELDS: MarkupField[] = ['authors', 'abstract', 'keywords', 'doi', 'date'];

/**
 * The article a page describes in its embedded metadata (Highwire, eprints, Dublin Core, PRISM,
 * JSON-LD; Open Graph only to fill gaps), or undefined when the page is not a scholarly one.
 * Site extractors use it as their base and add what the page shows. `shownBySite` is what a site
 * extractor has read from the page itself (it wins over the tags): the markup fallback does not
 * look for those fields again.
 */
export function readEmbeddedArticle(doc: Document, url: URL, shownBySite?: ExtractedItem): ExtractedItem | undefined {
  const meta = metaIndex(doc);
  const jsonLd = readJsonLd(doc);
  const scholarly = isScholarly(meta);
  if (!scholarly && jsonLd.length !== 1) return undefined;
  const base = scholarly ? readMetaTags(meta) : jsonLd[0];
  const canonical = absoluteUrl(attr(find(doc, 'link[rel="canonical"]'), 'href'), url);
  const tagged = fillMissing(base, scholarly ? jsonLd[0] : undefined, { url: canonical });
  // What the tags leave out, the page's markup and data blocks fill; it never overrides a tag.
  // Read only when an identifying field (authors, abstract, DOI) is missing: keywords and date
  // alone are missing on most pages, and walking a large page for them would slow every capture.
  const missing = MARKUP_FIELDS.filter((field) => isEmpty(tagged[field]) && isEmpty(shownBySite?.[field]));
  const needed = missing.some((field) => field === 'authors' || field === 'abstract' || field === 'doi');
  const shown = needed ? readPageMarkup(doc, new Set(missing)) : undefined;
  const item = fillMissing(tagged, shown, readPageTags(meta), { url: url.href });
  item.url = absoluteUrl(item.url, url) ?? url.href;
  // A preprint server's page is a preprint even where its tags name no type.
  if (!item.type && isPreprintServer([item.containerTitle, item.publisher], url.hostname)) item.type = 'article';
  return hasSubstance(item) ? item : undefined;
}

/** A site extractor's reading of the page, its empty fields filled from the embedded metadata. */
export function withEmbeddedMetadata(doc: Document, url: URL, shownBySite: ExtractedItem): ExtractedItem {
  return fillMissing(shownBySite, readEmbeddedArticle(doc, url, shownBySite));
}

/**
 * The fallback behind every site-specific extractor, for the thousands of journals that embed
 * metadata for Google Scholar and reference managers. Several JSON-LD articles or COinS spans
 * make a list; COinS count only without article tags, because article pages use them for their
 * reference lists.
 */
export const embeddedMetadata: Extractor = {
  id: 'meta',
  hosts: [],
  seenOn: [
    'https://www.nature.com/articles/nature13322',
    'http://www.biomedcentral.com/1746-6148/10/144',
    'https://arxiv.org/abs/1902.02534',
    'https://eprints.whiterose.ac.uk/',
  ],

  canExtract(doc) {
    return (
      find(doc, 
        'meta[name^="citation_" i], meta[name^="dc." i], meta[name^="dcterms." i], meta[name^="eprints." i], meta[name^="prism." i], meta[name^="bepress_" i], script[type="application/ld+json"], span.Z3988',
      ) !== null
    );
  },

  kind: articleOrList,

  extract(doc, url) {
    const article = readEmbeddedArticle(doc, url);
    if (article) return [article];
    const jsonLd = readJsonLd(doc);
    if (jsonLd.length > 1) return jsonLd.map((item, index) => ({ ...item, position: index + 1 })).filter(hasSubstance);
    return readCoins(doc, url);
  },
};
