import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * Counts the DOM work an extraction does, instead of timing it: every node a selector query
 * returns, every step from node to node, every character of text read. A linear extractor's count grows with the page;
 * a quadratic one's grows with its square, which a scaling test can see without a clock.
 */
export interface WorkMeter {
  /** Units of DOM work since the last reset. */
  readonly count: number;
  reset(): void;
}

type Patched = { proto: object; name: string; original: PropertyDescriptor };

/** Parses `html` like a browser (no scripts) and counts the DOM work done on that window. */
export function meteredDocument(html: string, url: string): { document: Document; meter: WorkMeter; close(): void } {
  // A cut or spliced page's stylesheet is often broken: jsdom saying so is noise, its other errors are not.
  const virtualConsole = new VirtualConsole().forwardTo(console, { jsdomErrors: ['not-implemented', 'resource-loading', 'unhandled-exception'] });
  const { window } = new JSDOM(html, { url, virtualConsole });
  let count = 0;
  const patched: Patched[] = [];
  const wrap = (proto: object, name: string, cost: (result: unknown) => number) => {
    const original = Object.getOwnPropertyDescriptor(proto, name);
    if (!original) return;
    patched.push({ proto, name, original });
    if (typeof original.value === 'function') {
      const fn = original.value as (...args: unknown[]) => unknown;
      Object.defineProperty(proto, name, {
        ...original,
        value: function (this: unknown, ...args: unknown[]) {
          const result = fn.apply(this, args);
          count += 1 + cost(result);
          return result;
        },
      });
    } else if (original.get) {
      const get = original.get;
      Object.defineProperty(proto, name, {
        ...original,
        get(this: unknown) {
          const result = get.call(this);
          count += 1 + cost(result);
          return result;
        },
      });
    }
  };
  const listLength = (result: unknown) => (result as { length?: number } | null)?.length ?? 0;
  const stringLength = (result: unknown) => (typeof result === 'string' ? result.length : 0);
  for (const proto of [window.Element.prototype, window.Document.prototype, window.DocumentFragment.prototype]) {
    wrap(proto, 'querySelectorAll', listLength);
    wrap(proto, 'getElementsByTagName', listLength);
  }
  const one = () => 0;
  // Extractors walk the tree themselves too: every step between nodes is a unit of work.
  for (const name of ['firstChild', 'lastChild', 'nextSibling', 'previousSibling', 'parentNode', 'parentElement', 'childNodes', 'nodeValue', 'contains']) {
    wrap(window.Node.prototype, name, name === 'nodeValue' ? stringLength : one);
  }
  for (const name of ['firstElementChild', 'lastElementChild', 'nextElementSibling', 'previousElementSibling', 'children', 'closest', 'matches', 'hasAttribute', 'tagName', 'localName']) {
    wrap(window.Element.prototype, name, one);
  }
  wrap(window.Node.prototype, 'textContent', stringLength);
  wrap(window.HTMLElement.prototype, 'innerText', stringLength);
  wrap(window.Element.prototype, 'innerHTML', stringLength);
  wrap(window.Element.prototype, 'getAttribute', stringLength);
  return {
    document: window.document,
    meter: {
      get count() {
        return count;
      },
      reset() {
        count = 0;
      },
    },
    close() {
      for (const { proto, name, original } of patched) Object.defineProperty(proto, name, original);
      window.close();
    },
  };
}
