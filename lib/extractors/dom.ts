/** Small DOM helpers shared by extractors. Text is read with textContent: never as markup. */

export function text(node: Element | null | undefined): string {
  return node?.textContent ?? '';
}

export function textOf(root: ParentNode, selector: string): string {
  return text(root.querySelector(selector));
}

export function textsOf(root: ParentNode, selector: string): string[] {
  return [...root.querySelectorAll(selector)].map((node) => text(node)).filter((value) => value.trim());
}

/** Values of `<meta name|property="...">` tags, in page order, matching the name case-insensitively. */
export function metaValues(doc: Document, ...names: string[]): string[] {
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  const values: string[] = [];
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const name = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? '').toLowerCase();
    if (wanted.has(name)) {
      const content = meta.getAttribute('content')?.trim();
      if (content) values.push(content);
    }
  }
  return values;
}

export function metaValue(doc: Document, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = metaValues(doc, name)[0];
    if (value) return value;
  }
  return undefined;
}

export function attr(node: Element | null | undefined, name: string): string | undefined {
  return node?.getAttribute(name)?.trim() || undefined;
}

/** An absolute http(s) URL for an href found on the page, or undefined. */
export function absoluteUrl(href: string | undefined, base: URL): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
