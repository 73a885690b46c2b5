/**
 * A small selector matcher that walks the DOM itself. Browsers match selectors natively and
 * fast, but jsdom (the CLI, the tests, the benchmark) resolves every querySelector, closest and
 * matches call through a general engine that costs around a millisecond each; a list page of
 * thousands of entries asks it tens of thousands of times. This covers what the extractors use
 * (tags, classes, ids, attribute tests, descendant and child combinators); other selectors fall
 * back to the engine.
 */
type Test = (element: Element) => boolean;

/**
 * What matching reads from an element, read once per extraction: every jsdom property access
 * goes through a wrapper, and one element is tested by many selectors and ancestor walks.
 */
interface Facts {
  tag: string;
  id: string;
  classes: string[];
  classAttribute: string;
}

let facts = new WeakMap<Element, Facts>();

/**
 * A document's elements by tag, class and id, made by one walk the first time a selector is
 * matched against the whole document, and kept for the rest of the extraction: every extractor's
 * `canExtract` asks the whole page for its own marks, and without it each of those questions
 * walked every element again (a dozen walks of a large page before the extractor that fits).
 */
interface PageIndex {
  byTag: Map<string, Element[]>;
  byClass: Map<string, Element[]>;
  byId: Map<string, Element>;
}

let pageIndexes = new WeakMap<Document, PageIndex>();

/**
 * For each compound of a descendant combinator ("X" of "X Y"), the nearest element at or above
 * each element that matches it, found once per extraction: every "Y" under a deep nest (a page
 * spliced into itself) would otherwise walk to the root again, the depth times the candidates.
 */
let nearestMatches = new WeakMap<Test, WeakMap<Element, Element | null>>();

/** Forgets what was read: call before extracting from a page that may have changed. */
export function resetSelectorCache(): void {
  facts = new WeakMap();
  pageIndexes = new WeakMap();
  nearestMatches = new WeakMap();
}

/** The element itself or its nearest ancestor that passes `test`; null when none does. */
function selfOrAncestorMatching(start: Element | null, test: Test): Element | null {
  let known = nearestMatches.get(test);
  if (!known) nearestMatches.set(test, (known = new WeakMap()));
  const path: Element[] = [];
  let found: Element | null = null;
  for (let current = start; current; current = current.parentElement) {
    const answer = known.get(current);
    if (answer !== undefined) {
      found = answer;
      break;
    }
    path.push(current);
    if (test(current)) {
      found = current;
      break;
    }
  }
  for (const element of path) known.set(element, found);
  return found;
}

function factsOf(element: Element): Facts {
  let known = facts.get(element);
  if (!known) {
    const classAttribute = element.getAttribute('class') ?? '';
    known = {
      tag: element.localName,
      id: element.getAttribute('id') ?? '',
      classes: classAttribute ? classAttribute.split(/\s+/).filter(Boolean) : [],
      classAttribute,
    };
    facts.set(element, known);
  }
  return known;
}

interface Compound {
  test: Test;
  /** What the compound requires, so that candidates can come from jsdom's own indexes. */
  id?: string;
  className?: string;
  tag?: string;
  /** How this compound relates to the one on its right: ancestor (" ") or parent (">"). */
  combinator: ' ' | '>';
}

/** Right-to-left list of compounds for one selector of a selector list. */
type Chain = Compound[];

const cache = new Map<string, Chain[] | null>();

const ATTRIBUTE = /^\[\s*([\w:-]+)\s*(?:([*^$|~]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]+))\s*(i)?\s*)?\]/;
const NAME = /^[\w-]+/;

function attributeTest(name: string, operator: string | undefined, raw: string | undefined, caseless: boolean): Test {
  if (!operator) return (element) => element.hasAttribute(name);
  const wanted = caseless ? (raw ?? '').toLowerCase() : (raw ?? '');
  const lower = name.toLowerCase();
  const read =
    lower === 'class'
      ? (element: Element) => factsOf(element).classAttribute
      : lower === 'id'
        ? (element: Element) => factsOf(element).id
        : (element: Element) => element.getAttribute(name);
  return (element) => {
    const actual = read(element);
    if (actual === null) return false;
    const value = caseless ? actual.toLowerCase() : actual;
    switch (operator) {
      case '=':
        return value === wanted;
      case '*=':
        return wanted !== '' && value.includes(wanted);
      case '^=':
        return wanted !== '' && value.startsWith(wanted);
      case '$=':
        return wanted !== '' && value.endsWith(wanted);
      case '~=':
        return value.split(/\s+/).includes(wanted);
      case '|=':
        return value === wanted || value.startsWith(`${wanted}-`);
      default:
        return false;
    }
  };
}

interface CompiledCompound {
  test: Test;
  id?: string;
  className?: string;
  tag?: string;
}

/** One compound selector ("a.fz14[href]") as a test, or null when it uses anything else. */
function compileCompound(source: string): CompiledCompound | null {
  let rest = source;
  const tests: Test[] = [];
  const info: Omit<CompiledCompound, 'test'> = {};
  const tag = NAME.exec(rest)?.[0] ?? (rest.startsWith('*') ? '*' : '');
  if (tag && tag !== '*') info.tag = tag.toLowerCase();
  if (tag) {
    rest = rest.slice(tag.length);
    if (tag !== '*') {
      const lower = tag.toLowerCase();
      tests.push((element) => factsOf(element).tag === lower);
    }
  }
  while (rest) {
    if (rest[0] === '.' || rest[0] === '#') {
      const name = NAME.exec(rest.slice(1))?.[0];
      if (!name) return null;
      if (rest[0] === '.') info.className ??= name;
      else info.id ??= name;
      tests.push(rest[0] === '.' ? (element) => factsOf(element).classes.includes(name) : (element) => factsOf(element).id === name);
      rest = rest.slice(1 + name.length);
    } else if (rest[0] === '[') {
      const match = ATTRIBUTE.exec(rest);
      if (!match) return null;
      tests.push(attributeTest(match[1], match[2], match[3] ?? match[4] ?? match[5], match[6] === 'i'));
      rest = rest.slice(match[0].length);
    } else {
      return null;
    }
  }
  const test: Test = tests.length === 0 ? () => true : tests.length === 1 ? tests[0] : (element) => tests.every((t) => t(element));
  return { test, ...info };
}

/** Splits on commas outside brackets and quotes. */
function splitList(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(selector.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** Tokens of one complex selector: compounds and the combinators between them. */
function compileChain(selector: string): Chain | null {
  const tokens = selector.replace(/\s*>\s*/g, ' > ').match(/(?:[^\s"'[\]]+|\[[^\]]*\]|"[^"]*"|'[^']*')+|>/g);
  if (!tokens) return null;
  const chain: Chain = [];
  let combinator: ' ' | '>' = ' ';
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token === '>') {
      combinator = '>';
      continue;
    }
    if (/[+~:]/.test(token.replace(/\[[^\]]*\]/g, ''))) return null;
    const compound = compileCompound(token);
    if (!compound) return null;
    if (chain.length) chain[chain.length - 1].combinator = combinator;
    chain.push({ ...compound, combinator: ' ' });
    combinator = ' ';
  }
  return chain;
}

function compile(selector: string): Chain[] | null {
  let chains = cache.get(selector);
  if (chains !== undefined) return chains;
  const compiled = splitList(selector).map(compileChain);
  chains = compiled.every((chain) => chain !== null) ? (compiled as Chain[]) : null;
  if (cache.size > 500) cache.clear();
  cache.set(selector, chains);
  return chains;
}

function matchesChain(element: Element, chain: Chain): boolean {
  if (!chain[0].test(element)) return false;
  let current: Element | null = element;
  for (let i = 1; i < chain.length; i++) {
    const { test } = chain[i];
    const combinator = chain[i - 1].combinator;
    current = current.parentElement;
    if (combinator === '>') {
      if (!current || !test(current)) return false;
    } else {
      current = selfOrAncestorMatching(current, test);
      if (!current) return false;
    }
  }
  return true;
}

function matchesCompiled(element: Element, chains: Chain[]): boolean {
  for (const chain of chains) if (matchesChain(element, chain)) return true;
  return false;
}

export function matchesSelector(element: Element, selector: string): boolean {
  const chains = compile(selector);
  return chains ? matchesCompiled(element, chains) : element.matches(selector);
}

/**
 * Calls `visit` on the elements under `root` in document order until it returns true; a plain
 * loop over element links, since generators and recursion cost more than the matching itself.
 */
function walk(root: ParentNode, visit: (element: Element) => boolean | void): void {
  let node: Element | null = root.firstElementChild;
  while (node) {
    if (visit(node) === true) return;
    const child: Element | null = node.firstElementChild;
    if (child) {
      node = child;
      continue;
    }
    let next: Element | null = node.nextElementSibling;
    while (!next) {
      const parent: Element | null = node.parentElement;
      if (!parent || parent === root) return;
      node = parent;
      next = node.nextElementSibling;
    }
    node = next;
  }
}

/**
 * Where the candidates of a selector list can come from without visiting every element: all
 * of its selectors end in the same id, class or tag. Undefined when they do not agree.
 */
type Source = { kind: 'id' | 'class' | 'tag'; name: string };

function ownSource(chain: Chain): Source | undefined {
  const last = chain[0];
  if (last.id) return { kind: 'id', name: last.id };
  if (last.className) return { kind: 'class', name: last.className };
  if (last.tag) return { kind: 'tag', name: last.tag };
  return undefined;
}

function sourceOf(chains: Chain[]): Source | undefined {
  let source: Source | undefined;
  for (const chain of chains) {
    const own = ownSource(chain);
    if (!own) return undefined;
    if (source && (source.kind !== own.kind || source.name !== own.name)) return undefined;
    source = own;
  }
  return source;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

function documentOrder(a: Element, b: Element): number {
  if (a === b) return 0;
  return a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1;
}

/**
 * A selector list whose selectors end in different ids, classes or tags ("#footer, .foot"):
 * each selector's candidates from the indexes, merged back into document order.
 */
function searchEach(root: ParentNode, chains: Chain[], visit: (element: Element) => boolean | void): boolean {
  const found = new Set<Element>();
  for (const chain of chains) {
    const source = ownSource(chain);
    const list = source ? candidates(root, source) : undefined;
    if (!list) return false;
    for (const element of list) if (matchesChain(element, chain)) found.add(element);
  }
  for (const element of [...found].sort(documentOrder)) if (visit(element) === true) break;
  return true;
}

function add<K>(map: Map<K, Element[]>, key: K, element: Element): void {
  const list = map.get(key);
  if (list) list.push(element);
  else map.set(key, [element]);
}

function pageIndex(doc: Document): PageIndex {
  let index = pageIndexes.get(doc);
  if (!index) {
    const built: PageIndex = { byTag: new Map(), byClass: new Map(), byId: new Map() };
    walk(doc, (element) => {
      const { tag, id, classes } = factsOf(element);
      add(built.byTag, tag, element);
      for (const name of classes) add(built.byClass, name, element);
      if (id && !built.byId.has(id)) built.byId.set(id, element);
    });
    pageIndexes.set(doc, built);
    index = built;
  }
  return index;
}

/**
 * Candidates for a whole document, in document order: an id from the document, a class from one
 * native query (or the index, once made), a tag from the index (which the first such question
 * makes: tags are what the extractors' page marks end in, `meta[...]` above all). For a subtree
 * (a row, a block), walking it is cheaper.
 */
function candidates(root: ParentNode, source: Source): Iterable<Element> | undefined {
  if ((root as Node).nodeType !== 9) return undefined;
  const doc = root as Document;
  if (source.kind === 'id') {
    const element = doc.getElementById(source.name);
    return element ? [element] : [];
  }
  if (source.kind === 'tag') return pageIndex(doc).byTag.get(source.name) ?? [];
  const index = pageIndexes.get(doc);
  if (index) return index.byClass.get(source.name) ?? [];
  // A static list from one simple selector: jsdom walks live collections again on every step.
  const found: Element[] = [];
  doc.querySelectorAll(`.${cssEscape(source.name)}`).forEach((element) => found.push(element));
  return found;
}

function cssEscape(name: string): string {
  return name.replace(/[^\w-]/g, (c) => `\\${c}`);
}

function search(root: ParentNode, chains: Chain[], visit: (element: Element) => boolean | void): void {
  const source = sourceOf(chains);
  const list = source ? candidates(root, source) : undefined;
  if (!list) {
    if (chains.length > 1 && searchEach(root, chains, visit)) return;
    walk(root, (element) => (matchesCompiled(element, chains) ? visit(element) : false));
    return;
  }
  // Iterating, not indexing: jsdom's collection proxy makes every index a named-property lookup.
  for (const element of list) {
    if (matchesCompiled(element, chains) && visit(element) === true) return;
  }
}

export function find(root: ParentNode | null | undefined, selector: string): Element | null {
  if (!root) return null;
  const chains = compile(selector);
  if (!chains) return root.querySelector(selector);
  let found: Element | null = null;
  search(root, chains, (element) => {
    found = element;
    return true;
  });
  return found;
}

export function findAll(root: ParentNode | null | undefined, selector: string): Element[] {
  if (!root) return [];
  const chains = compile(selector);
  if (!chains) return [...root.querySelectorAll(selector)];
  const found: Element[] = [];
  search(root, chains, (element) => {
    found.push(element);
  });
  return found;
}

export function closest(element: Element | null | undefined, selector: string): Element | null {
  if (!element) return null;
  const chains = compile(selector);
  if (!chains) return element.closest(selector);
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (matchesCompiled(current, chains)) return current;
  }
  return null;
}
