/**
 * How long an element's text is, measured once for the whole subtree: the length `squish(text())`
 * would have, the raw length, the text inside its links and how many elements it holds. Heuristics
 * that compare many nested elements (which holds the longest text, which says only a DOI) ask this
 * instead of reading every element's text, which costs the square of the nesting on a page that
 * nests its blocks (a broken or hostile page spliced into itself).
 */
export interface TextSize {
  /** The length of the text with runs of white space folded to one space and trimmed (`squish`). */
  squished: number;
  /** The length of `textContent`. */
  raw: number;
  /** Runs of non-space characters. */
  words: number;
  /** The summed `textContent` length of the links inside (not the element itself). */
  linkText: number;
  /** Elements inside, the element itself included. */
  elements: number;
}

/** What joining two texts needs to know of each: enough to fold the space between them. */
interface Runs {
  raw: number;
  nonSpace: number;
  words: number;
  startsInWord: boolean;
  endsInWord: boolean;
}

const NO_TEXT: Runs = { raw: 0, nonSpace: 0, words: 0, startsInWord: false, endsInWord: false };

/** The characters `\s` matches in a JavaScript regular expression (and `trim` removes). */
export function isSpaceUnit(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function runsOf(value: string): Runs {
  if (!value) return NO_TEXT;
  let nonSpace = 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < value.length; i++) {
    const space = isSpaceUnit(value.charCodeAt(i));
    if (!space) {
      nonSpace++;
      if (!inWord) words++;
    }
    inWord = !space;
  }
  return { raw: value.length, nonSpace, words, startsInWord: !isSpaceUnit(value.charCodeAt(0)), endsInWord: inWord };
}

function join(a: Runs, b: Runs): Runs {
  if (a.raw === 0) return b;
  if (b.raw === 0) return a;
  return {
    raw: a.raw + b.raw,
    nonSpace: a.nonSpace + b.nonSpace,
    // A word cut by the boundary is one word.
    words: a.words + b.words - (a.endsInWord && b.startsInWord ? 1 : 0),
    startsInWord: a.startsInWord,
    endsInWord: b.endsInWord,
  };
}

interface Measured extends Runs {
  linkText: number;
  elements: number;
}

/** Sizes of elements' texts, each subtree walked once however many elements are asked about. */
export class TextMeasure {
  private readonly sizes = new WeakMap<Element, Measured>();

  of(element: Element): TextSize {
    const size = this.sizes.get(element) ?? this.measure(element);
    return {
      squished: size.nonSpace + Math.max(size.words - 1, 0),
      raw: size.raw,
      words: size.words,
      linkText: size.linkText,
      elements: size.elements,
    };
  }

  /** Children before parents, without recursion: hostile pages nest deeper than the stack. */
  private measure(root: Element): Measured {
    const pending: { element: Element; expanded: boolean }[] = [{ element: root, expanded: false }];
    while (pending.length > 0) {
      const top = pending[pending.length - 1];
      if (this.sizes.has(top.element)) {
        pending.pop();
        continue;
      }
      if (!top.expanded) {
        top.expanded = true;
        for (let child = top.element.lastElementChild; child; child = child.previousElementSibling) {
          if (!this.sizes.has(child)) pending.push({ element: child, expanded: false });
        }
        continue;
      }
      pending.pop();
      this.sizes.set(top.element, this.combineChildren(top.element));
    }
    return this.sizes.get(root)!;
  }

  private combineChildren(element: Element): Measured {
    let runs = NO_TEXT;
    let linkText = 0;
    let elements = 1;
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3 || child.nodeType === 4) {
        runs = join(runs, runsOf(child.nodeValue ?? ''));
      } else if (child.nodeType === 1) {
        const size = this.sizes.get(child as Element)!;
        runs = join(runs, size);
        linkText += size.linkText + ((child as Element).localName === 'a' ? size.raw : 0);
        elements += size.elements;
      }
    }
    return { ...runs, linkText, elements };
  }
}
