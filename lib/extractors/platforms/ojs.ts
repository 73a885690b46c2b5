import type { ExtractedItem } from '../../model/article';
import { splitAuthorLine } from '../../text/names';
import { absoluteUrl, attr, find, findAll, metaValue, squish, text } from '../dom';
import { itemsOfRows, articleOrList } from '../shared/list-items';
import { fillMissing } from '../shared/merge';
import type { Extractor } from '../types';
import { readEmbeddedArticle } from './embedded-metadata';
import { innermost } from '../shared/list-rows';

/**
 * Open Journal Systems (PKP), the software of thousands of self-hosted journals: recognised by
 * its generator tag, its page classes and its addresses (/index.php/<journal>/article/view/<id>,
 * /issue/view/<id>). Article pages carry Dublin Core and Highwire tags; issue tables of contents
 * list "obj_article_summary" blocks (OJS 3) or "tocArticle" tables (OJS 2).
 */
const OJS_PATH = /\/(?:index\.php\/)?[^/]+\/(?:article|issue)\/view\/\d+/i;

export function ojsArticleId(href: string, base: URL): string | undefined {
  try {
    return /\/article\/view\/(\d+)/.exec(new URL(href, base).pathname)?.[1];
  } catch {
    return undefined;
  }
}

/** "Vol. 25 No. 10 (2020)", "Vol 12, No 3 (2019)", "Volume 7, Issue 2, 2021". */
export function parseIssueHeading(value: string): ExtractedItem {
  const volume = /\bvol(?:ume)?\.?\s*(\d+)/i.exec(value)?.[1];
  const issue = /\b(?:no|issue|núm|nr)\.?\s*(\d+)/i.exec(value)?.[1];
  const year = /\b((?:19|20)\d{2})\b/.exec(value)?.[1];
  return { volume, issue, date: year };
}

function journalName(doc: Document): string | undefined {
  const named = metaValue(doc, 'og:site_name') ?? squish(text(find(doc, '.pkp_site_name .is_text, .pkp_site_name a, #headerTitle h1')));
  if (named) return named;
  // "<title>Vol. 25 No. 10 (2020) | First Monday</title>"
  const parts = squish(doc.title).split(/\s+\|\s+/);
  return parts.length > 1 ? parts[parts.length - 1] : undefined;
}

function summaryItem(row: Element, base: URL, issue: ExtractedItem, position: number): ExtractedItem | undefined {
  const link = find(row, '.title a, h3 a, h4 a, .tocTitle a, a.title');
  const href = attr(link, 'href');
  const title = squish(text(link));
  if (!link || !href || !title || !/\/article\/view\//.test(href)) return undefined;
  const authorLine = squish(text(find(row, '.authors, .tocAuthors, .meta .authors')));
  const pages = squish(text(find(row, '.pages, .tocPages')));
  const doiLink = attr(find(row, 'a[href*="doi.org/10."], .doi a'), 'href');
  return {
    ...issue,
    title,
    authors: splitAuthorLine(authorLine),
    pages: /^\d+\s*[-–]\s*\d+$|^\d+$/.test(pages) ? pages : undefined,
    doi: doiLink ? /10\.\d{4,9}\/\S+/.exec(doiLink)?.[0] : undefined,
    platformId: ojsArticleId(href, base),
    url: absoluteUrl(href, base),
    position,
  };
}

function issueItems(doc: Document, url: URL): ExtractedItem[] {
  const heading = squish(text(find(doc, '.obj_issue_toc .heading .title, .page_issue h1, .current_issue_title, #issueTitle, h2.issueTitle, h1'))) || squish(doc.title);
  const issue: ExtractedItem = { ...parseIssueHeading(heading), containerTitle: journalName(doc) };
  const rows = innermost(findAll(doc, '.obj_article_summary, table.tocArticle'));
  return itemsOfRows(rows, (row, position) => summaryItem(row, url, issue, position));
}

export const ojs: Extractor = {
  id: 'ojs',
  hosts: [],
  seenOn: ['https://firstmonday.org/ojs/index.php/fm/article/view/10274', 'https://firstmonday.org/ojs/index.php/fm/issue/view/678'],

  canExtract(doc, url) {
    return (
      find(doc, 'meta[name="generator"][content^="Open Journal Systems" i], .pkp_structure_page, .obj_article_summary, table.tocArticle') !== null ||
      (OJS_PATH.test(url.pathname) && find(doc, 'meta[name^="DC." i], .obj_issue_toc') !== null)
    );
  },

  kind: articleOrList,

  extract(doc, url) {
    if (/\/article\/view\//.test(url.pathname) || find(doc, 'meta[name="citation_title"]')) {
      const article = readEmbeddedArticle(doc, url);
      if (article) return [fillMissing(article, { platformId: ojsArticleId(url.href, url) })];
    }
    return issueItems(doc, url);
  },
};
