import type { ExtractedItem } from '../../model/article';
import { recordNameOrder } from '../../text/names';
import { find, firstText, hostIs, textWithout } from '../dom';
import { readList } from '../shared/list-items';
import { fillMissing, hasSubstance } from '../shared/merge';
import type { Extractor, PageType } from '../types';
import { readEmbeddedArticle } from './embedded-metadata';

/**
 * MagTech (玛格泰克) journal systems: hundreds of Chinese journals on their own domains, with
 * paths such as /CN/10.xxxx/..., /CN/abstract/abstract123.shtml, /CN/Y2023/V44/I5/123 for
 * articles and /CN/Y2023/V44/I5 or /CN/volumn/volumn_123.shtml for issue tables of contents.
 * Article pages carry citation_* tags (often in both languages); the TOC lists each article
 * with its authors, issue line and a folded abstract.
 */
const HOSTS = ['magtechjournal.com', 'magtech.com.cn'];
const ARTICLE_PATH = /\/(?:CN|EN)\/(?:10\.\d{4,9}\/|abstract\/abstract\d+\.shtml|Y\d{4}\/V[\w.]+\/I[\w.]+\/\d+)/i;
const LIST_PATH = /\/(?:CN|EN)\/(?:volumn\/|Y\d{4}\/V[\w.]+\/I[\w.]+\/?$|article\/showTenYearVolumnDetail|article\/searchTopic)/i;
const ARTICLE_LINKS = [
  'a[href*="/CN/10." i]',
  'a[href*="/EN/10." i]',
  'a[href*="/abstract/abstract" i]',
  'a[href*="/CN/Y" i]',
  'a[href*="/EN/Y" i]',
].join(', ');

function hasMarker(doc: Document): boolean {
  if (find(doc, 'a[href*="magtech.com.cn" i], a[href*="magtechjournal" i], script[src*="magtech" i], link[href*="magtech" i]')) {
    return true;
  }
  const footer = find(doc, '.footer, #footer, .foot, footer');
  return /玛格泰克|magtech/i.test(footer?.textContent ?? '');
}

/** Which article a link names: the DOI, or the abstract number, or the Y/V/I/page path. */
function articleKey(href: string, base: URL): string | undefined {
  try {
    const path = decodeURIComponent(new URL(href, base).pathname);
    if (!ARTICLE_PATH.test(path)) return undefined;
    return path.replace(/^.*?\/(?:CN|EN)\//i, '').toLowerCase();
  } catch {
    return undefined;
  }
}

function articleItem(doc: Document, url: URL): ExtractedItem {
  const dom: ExtractedItem = {
    title: firstText(doc, '.abs-tit', 'h3.abs-tit', '.title h3'),
    abstract: textWithout(find(doc, '#abstract_cn, .abstract_cn, .abs-con .abstract'), 'b, strong, .label') || undefined,
    altAbstract: textWithout(find(doc, '#abstract_en, .abstract_en'), 'b, strong, .label') || undefined,
    platformId: articleKey(url.href, url),
    url: url.href,
  };
  const item = fillMissing(readEmbeddedArticle(doc, url) ?? {}, dom);
  return { ...item, nameOrder: recordNameOrder(item.title, 'unknown') };
}

function tocItems(doc: Document, url: URL): ExtractedItem[] {
  const items = readList(doc, url, {
    links: ARTICLE_LINKS,
    row: '.noselectrow, .wenzhang, li, dl, tr',
    idOf: articleKey,
    abstract: '[id^="abstract" i], [class*="abstract" i], .zhaiyao',
    authors: '.zuozhe, .j-author, [class*="author" i]',
    maxFollowingRows: 3,
  });
  // Links that matched a selector but not an article path (a "/CN/Y2023" archive link) are dropped.
  return items.filter((item) => item.platformId !== undefined).map((item) => ({ ...item, nameOrder: recordNameOrder(item.title, 'unknown') }));
}

/** Article pages and issue tables of contents by their paths, on pages that carry a MagTech mark. */
export function pageType(doc: Document, url: URL): PageType | undefined {
  const type = ARTICLE_PATH.test(url.pathname) ? 'article' : LIST_PATH.test(url.pathname) ? 'toc' : undefined;
  return type && (hostIs(url, ...HOSTS) || hasMarker(doc)) ? type : undefined;
}

export const magtech: Extractor = {
  id: 'magtech',
  hosts: HOSTS,
  seenOn: ['http://journal.example.org.cn/CN/10.13000/j.sample.2023.05.001', 'http://journal.example.org.cn/CN/Y2023/V44/I5'],

  canExtract(doc, url) {
    return pageType(doc, url) !== undefined;
  },

  kind(doc, url) {
    return pageType(doc, url) === 'article' ? 'article' : 'list';
  },

  extract(doc, url) {
    switch (pageType(doc, url)) {
      case 'article': {
        const item = articleItem(doc, url);
        return hasSubstance(item) ? [item] : [];
      }
      case 'toc':
        return tocItems(doc, url);
      default:
        return [];
    }
  },
};
