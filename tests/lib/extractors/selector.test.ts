import { describe, expect, it } from 'vitest';
import { closest, find, findAll, matchesSelector, resetSelectorCache } from '@/lib/extractors/selector';
import { parse } from './fixtures';

const doc = parse(
  `<div id="main" class="list wide"><table class="result-table-list"><tr><td class="name"><a class="fz14" href="/a?x=1">One</a></td>
   <td class="author"><a href="/p">P</a><sup>1</sup></td></tr><tr><td class="name"><a href="/b" data-id="B">Two</a></td></tr></table>
   <ul><li class="item"><span class="Abstract-Text">abs</span></li></ul><p><span class="keyword">kw</span> + <em>x</em></p></div>`,
  'https://example.org/',
);

/** The native engine's answer, which the walker must reproduce. */
function same(selector: string, root: ParentNode = doc): void {
  expect(findAll(root, selector)).toEqual([...root.querySelectorAll(selector)]);
  expect(find(root, selector)).toBe(root.querySelector(selector));
}

describe('selector walker', () => {
  it('matches like querySelectorAll for tags, classes, ids, attributes and combinators', () => {
    for (const selector of [
      'a',
      'td.name a.fz14',
      'td.name a.fz14, td.name a[href]',
      '#main .result-table-list > tbody > tr',
      'table.result-table-list tr',
      'a[href*="x=1"]',
      'a[href^="/b"]',
      'a[data-id="B"]',
      '[class*="abstract" i]',
      'li.item span, p .keyword',
      'div.list.wide',
      '*',
    ]) {
      same(selector);
    }
  });

  it('compares attribute values case-sensitively unless told otherwise', () => {
    // (jsdom's own querySelector disagrees with its querySelectorAll here; the spec says none.)
    expect(findAll(doc, '[class*="abstract"]')).toEqual([]);
    expect(find(doc, '[class*="abstract"]')).toBeNull();
    expect(findAll(doc, '[class*="abstract" i]')).toHaveLength(1);
  });

  it('searches inside an element, not around it', () => {
    const row = doc.querySelector('tr') as Element;
    same('a', row);
    same('td.name a', row);
    expect(findAll(row, 'tr')).toEqual([]);
  });

  it('falls back to the engine for selectors it does not handle', () => {
    same('p > span + em');
    same('td:first-child a');
  });

  it('answers closest and matches like the DOM', () => {
    const link = doc.querySelector('a.fz14') as Element;
    expect(closest(link, 'tr, li')).toBe(link.closest('tr, li'));
    expect(closest(link, '#main')).toBe(doc.getElementById('main'));
    expect(closest(link, 'section')).toBeNull();
    expect(matchesSelector(link, 'td.name > a')).toBe(true);
    expect(matchesSelector(link, 'li a')).toBe(false);
  });

  it('answers whole-document questions whose selectors end in different tags, classes and ids, in document order, once the page is indexed', () => {
    resetSelectorCache();
    for (const selector of ['meta[name="x"], li.item span, td.author sup', 'sup, .keyword, #main', 'em, a.fz14, tr', 'span, a']) same(selector);
    // Classes asked after the index was made come from it too, still as the engine finds them.
    for (const selector of ['.keyword', '.name a', '.Abstract-Text, .fz14']) same(selector);
  });

  it('sees a changed page again after the cache is reset (extractPage resets it for every run)', () => {
    const page = parse('<ul><li class="row">one</li></ul>', 'https://example.org/');
    resetSelectorCache();
    expect(findAll(page, 'li, p')).toHaveLength(1);
    page.querySelector('ul')!.insertAdjacentHTML('beforeend', '<li class="row">two</li><p>three</p>');
    resetSelectorCache();
    same('li, p', page);
    expect(findAll(page, 'li, p')).toHaveLength(3);
  });

  it('matches descendant combinators under a deep nest like the DOM, with work that grows with the nest, not its square', () => {
    // Every level holds a link; only the innermost levels sit in an author list. Each link looks
    // for an author list above it: walking to the root for each would cost depth × links.
    const nest = (depth: number) => `${'<div><a href="#">x</a>'.repeat(depth)}<ul class="authors"><li><a href="#">A</a></li></ul>${'</div>'.repeat(depth)}`;
    const stepsFor = (depth: number) => {
      const page = parse(nest(depth), 'https://example.org/');
      resetSelectorCache();
      same('.authors a, div > a', page);
      let steps = 0;
      const parent = Object.getOwnPropertyDescriptor(page.defaultView!.Node.prototype, 'parentElement')!;
      Object.defineProperty(page.defaultView!.Node.prototype, 'parentElement', { ...parent, get() { steps++; return parent.get!.call(this); } });
      resetSelectorCache();
      expect(findAll(page, '.authors a')).toHaveLength(1);
      Object.defineProperty(page.defaultView!.Node.prototype, 'parentElement', parent);
      return steps;
    };
    const [small, large] = [stepsFor(200), stepsFor(800)];
    expect(large, `${small} parent steps at depth 200, ${large} at 800`).toBeLessThanOrEqual(6 * small + 1_000);
  });
});
