/** Small DOM helpers shared by extractors. Text is read with textContent: never as markup. */
import { httpUrl } from '../text/urls';
import { find, findAll } from './selector';

export { closest, find, findAll, matchesSelector } from './selector';

export function text(node: Element | null | undefined): string {
  return node?.textContent ?? '';
}

/** Text with runs of whitespace folded to one space: for tests on what a node says. */
export function squish(value: string | null | undefined): string {
  return (value ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

export function textOf(root: ParentNode, selector: string): string {
  return text(find(root, selector));
}

export function textsOf(root: ParentNode, selector: string): string[] {
  return findAll(root, selector).map((node) => text(node)).filter((value) => value.trim());
}

/** Text of the first node matching any of the selectors (tried in order) that has text. */
export function firstText(root: ParentNode, ...selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const value = text(find(root, selector));
    if (value.trim()) return value;
  }
  return undefined;
}

/**
 * Text of a node without the children matching `skip` (labels such as "Abstract:", superscript
 * affiliation marks, "△ Less" toggles). Walks text nodes once, so it stays linear.
 */
export function textWithout(node: Element | null | undefined, skip: string): string {
  if (!node) return '';
  const skipped = new Set(findAll(node, skip));
  if (skipped.size === 0) return node.textContent ?? '';
  const parts: string[] = [];
  const walk = (current: Node): void => {
    for (let child = current.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1 && !skipped.has(child as Element)) walk(child);
    }
  };
  walk(node);
  return parts.join('');
}

/** All `<meta>` values by lower-cased name/property, in page order, read in one pass. */
export type MetaIndex = Map<string, string[]>;

export function metaIndex(doc: Document): MetaIndex {
  const index: MetaIndex = new Map();
  for (const meta of findAll(doc, 'meta[content]')) {
    const name = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? '').trim().toLowerCase();
    const content = meta.getAttribute('content')?.trim();
    if (!name || !content) continue;
    const values = index.get(name);
    if (values) values.push(content);
    else index.set(name, [content]);
  }
  return index;
}

/** Values of `<meta name|property="...">` tags, in page order, matching the name case-insensitively. */
export function metaValues(doc: Document, ...names: string[]): string[] {
  const index = metaIndex(doc);
  return names.flatMap((name) => index.get(name.toLowerCase()) ?? []);
}

export function metaValue(doc: Document, ...names: string[]): string | undefined {
  const index = metaIndex(doc);
  for (const name of names) {
    const value = index.get(name.toLowerCase())?.[0];
    if (value) return value;
  }
  return undefined;
}

/**
 * The element children of a node, by sibling links: jsdom's live `children` collection is
 * re-walked on every step, which makes a loop over a long list quadratic.
 */
export function childElements(node: Element | null | undefined): Element[] {
  const children: Element[] = [];
  for (let child = node?.firstElementChild ?? null; child; child = child.nextElementSibling) children.push(child);
  return children;
}

/** The rows of a table, through its thead/tbody/tfoot, by sibling links. */
export function tableRows(table: Element): Element[] {
  return childElements(table).flatMap((part) => (part.localName === 'tr' ? [part] : childElements(part)));
}

export function attr(node: Element | null | undefined, name: string): string | undefined {
  return node?.getAttribute(name)?.trim() || undefined;
}

/** An absolute http(s) URL for an href found on the page, or undefined. */
export function absoluteUrl(href: string | undefined, base: URL): string | undefined {
  return httpUrl(href, base);
}

/** A query parameter of a (possibly relative) href, or undefined. */
export function queryParam(href: string | undefined, name: string, base: URL): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base).searchParams.get(name)?.trim() || undefined;
  } catch {
    return undefined;
  }
}

export function hostIs(url: URL, ...domains: string[]): boolean {
  const host = url.hostname.toLowerCase();
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
