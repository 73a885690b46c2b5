import { resolveProxy } from '../urls/proxy';

/**
 * What extractors read on a page that came through a campus proxy: a copy of the page whose
 * links are the publisher's again. Proxies rewrite the links on the pages they serve (a WebVPN
 * gateway writes `/https/<encrypted host>/abs/2405.01234`, EZproxy `https://arxiv-org.ezproxy…`),
 * and extractors that read ids or hosts from links were written for the publisher's pages. The
 * live page is never touched: the copy is inert (no scripts run, nothing loads), and it is made
 * only for proxied pages.
 */

const LINKED = 'a[href], area[href], link[href], form[action], iframe[src], meta[content]';

function attributeOf(element: Element): string {
  switch (element.localName) {
    case 'form':
      return 'action';
    case 'iframe':
      return 'src';
    case 'meta':
      return 'content';
    default:
      return 'href';
  }
}

/** The publisher's address for a link on the proxied page, or undefined when it points nowhere proxied. */
function publisherLink(value: string, pageUrl: string): string | undefined {
  if (!/^(?:https?:)?\/\//i.test(value) && !value.startsWith('/')) return undefined;
  try {
    const { proper, via } = resolveProxy(new URL(value, pageUrl));
    return via ? proper : undefined;
  } catch {
    return undefined;
  }
}

export function publisherView(doc: Document, pageUrl: string): Document {
  const copy = doc.cloneNode(true) as Document;
  // One selector pass over a fresh copy: the browser's own engine is the fast one here.
  for (const element of copy.querySelectorAll(LINKED)) {
    const attribute = attributeOf(element);
    const value = element.getAttribute(attribute)?.trim();
    const proper = value && publisherLink(value, pageUrl);
    if (proper) element.setAttribute(attribute, proper);
  }
  return copy;
}
