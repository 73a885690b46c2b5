import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { squish } from '@/lib/extractors/dom';
import { isSpaceUnit, TextMeasure } from '@/lib/extractors/shared/text-measure';
import { generatedPage, hostileText } from '../../fuzz/html-arbitraries';
import { parse } from '../fixtures';

/** What each size should be, read the slow way: every element's own text. */
function expectedSize(element: Element) {
  const text = element.textContent ?? '';
  return {
    squished: squish(text).length,
    raw: text.length,
    words: text.split(/\s+/).filter(Boolean).length,
    linkText: [...element.querySelectorAll('a')].reduce((sum, a) => sum + (a.textContent?.length ?? 0), 0),
    elements: 1 + element.querySelectorAll('*').length,
  };
}

const SPACES = ' \t\n\u00a0\u2003\u3000\ufeff';
/** Texts made mostly of white space and short words, so runs meet at element boundaries. */
const spacedText = fc.oneof(
  hostileText,
  fc.array(fc.constantFrom(...SPACES.split(''), 'a', '文', 'bc', '10.1/x'), { maxLength: 8 }).map((parts) => parts.join('')),
);
const tree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    spacedText.map((value) => value.replace(/[<&]/g, ' ')),
    fc
      .tuple(fc.constantFrom('div', 'span', 'a', 'p', 'td'), fc.array(tie('node'), { maxLength: 4 }))
      .map(([tag, children]) => (tag === 'td' ? `<table><tr><td>${children.join('')}</td></tr></table>` : `<${tag}>${children.join('')}</${tag}>`)),
  ),
})).node;

function checkEveryElement(html: string): void {
  const doc = parse(html, 'https://example.org/');
  const measure = new TextMeasure();
  // The outermost first, so that inner elements are answered from what it measured.
  for (const element of [doc.body, ...doc.body.querySelectorAll('*')]) {
    expect(measure.of(element), element.outerHTML.slice(0, 200)).toEqual(expectedSize(element));
  }
}

describe('text measure', () => {
  it('counts as white space exactly what \\s matches', () => {
    for (let code = 0; code <= 0xffff; code++) {
      expect(isSpaceUnit(code), code.toString(16)).toBe(/\s/.test(String.fromCharCode(code)));
    }
  });

  it('gives every element the sizes its own text has, on generated trees of spaced text', () => {
    fc.assert(fc.property(tree, (html) => checkEveryElement(`<body>${html}</body>`)), { numRuns: 300 });
  });

  it('gives every element the sizes its own text has, on generated pages', () => {
    fc.assert(fc.property(generatedPage, checkEveryElement), { numRuns: 100 });
  });

  it('joins words that element boundaries cut, and folds spaces across them', () => {
    const doc = parse('<div id="d"> <b>ab</b><i>cd</i>\u3000<span> e </span>\n</div><a id="a" href="x"> <a>inner</a></a>', 'https://example.org/');
    const measure = new TextMeasure();
    expect(measure.of(doc.getElementById('d')!)).toMatchObject({ squished: 'abcd e'.length, words: 2 });
    expect(measure.of(doc.body).linkText).toBe(expectedSize(doc.body).linkText);
  });

  it('measures nesting deeper than the call stack', () => {
    // jsdom's own tree takes the square of the depth to build, so the nest is made of plain
    // objects with the links the measure follows: each level holds the text "x " and the next.
    const depth = 100_000;
    type Fake = { nodeType: number; localName?: string; nodeValue?: string; firstChild?: Fake; nextSibling?: Fake; lastElementChild?: Fake; previousElementSibling?: Fake };
    let element: Fake = { nodeType: 1, localName: 'span' };
    element.firstChild = { nodeType: 3, nodeValue: 'x' };
    for (let level = 1; level < depth; level++) {
      element = { nodeType: 1, localName: 'span', firstChild: { nodeType: 3, nodeValue: 'x ', nextSibling: element }, lastElementChild: element };
    }
    expect(new TextMeasure().of(element as unknown as Element)).toMatchObject({ squished: 2 * depth - 1, words: depth, elements: depth });
  });
});
