/**
 * Markup and entities in extracted text reduced to plain text. Meta contents and JSON strings
 * often hold HTML (bioRxiv's `citation_abstract` is `<h3>ABSTRACT</h3> <p>An outbreak…`, JATS
 * titles carry `<i>`, `<sub>`), sometimes escaped once more (`&lt;p&gt;`, `&amp;amp;`).
 *
 * The HTML is read by htmlparser2's tokenizer, never by a DOM: no element is created, so nothing
 * in the value can run, load or request anything, and the same code works in the background
 * service worker (where Chrome has no DOMParser), in content scripts and in the CLI.
 */
import { Parser } from 'htmlparser2';

/**
 * Markup worth parsing: a comment, a closing tag, or an opening tag of an element that HTML,
 * JATS or MathML use in titles and abstracts. Text such as "p<0.05" or "n < k > m" stays text:
 * an HTML parser would read "<k" as a tag and lose what follows.
 */
const MARKUP =
  /<(?:!--|\/[a-z][\w:.-]*\s*>|(?:p|br|hr|div|span|h[1-6]|i|b|u|s|em|strong|small|big|sub|sup|a|img|script|style|iframe|object|embed|svg|math|m[a-z]{1,9}|ul|ol|li|dl|dt|dd|table|tbody|thead|tr|td|th|section|article|font|blockquote|pre|code|tt|abbr|label|title|body|html|head|meta|link|input|form|button|video|audio|source|figure|figcaption|caption|center|noscript|template|sc|italic|bold|[a-z][\w-]*:[\w-]+)(?=[\s/>]))/i;

/** An entity (named, decimal or hexadecimal) that a decoder would turn into a character. */
const ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/** Elements whose content is not text of the field: code, styles, MathML's TeX annotations. */
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'annotation', 'annotation-xml', 'head']);

/** Elements that separate words: their boundaries become spaces. */
const BLOCKS = new Set([
  'p', 'br', 'hr', 'div', 'section', 'article', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'title', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'tr', 'td', 'th', 'blockquote', 'pre', 'figure', 'figcaption', 'caption', 'jats:p', 'jats:title', 'jats:sec',
]);

/** Elements that, first in a value and holding only a label ("ABSTRACT", "摘要"), are its heading. */
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'title', 'jats:title', 'b', 'strong']);
const HEADING_LABEL = /^\s*(?:abstract|summary|synopsis|résumé|resumen|摘\s*要|内容摘要|中文摘要|英文摘要|提要)\s*[:：.．]?\s*$/i;

const SUPERSCRIPTS: Record<string, string> = {
  0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹', '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾',
  a: 'ᵃ', b: 'ᵇ', c: 'ᶜ', d: 'ᵈ', e: 'ᵉ', f: 'ᶠ', g: 'ᵍ', h: 'ʰ', i: 'ⁱ', j: 'ʲ', k: 'ᵏ', l: 'ˡ', m: 'ᵐ', n: 'ⁿ', o: 'ᵒ', p: 'ᵖ',
  r: 'ʳ', s: 'ˢ', t: 'ᵗ', u: 'ᵘ', v: 'ᵛ', w: 'ʷ', x: 'ˣ', y: 'ʸ', z: 'ᶻ',
};
const SUBSCRIPTS: Record<string, string> = {
  0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉', '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎',
  a: 'ₐ', e: 'ₑ', h: 'ₕ', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', l: 'ₗ', m: 'ₘ', n: 'ₙ', o: 'ₒ', p: 'ₚ', r: 'ᵣ', s: 'ₛ', t: 'ₜ', u: 'ᵤ', v: 'ᵥ', x: 'ₓ',
};

/**
 * A sub- or superscript run in Unicode's sub/superscript characters when every character has
 * one (H₂O, x², Ca²⁺); otherwise as plain characters (Unicode has no subscript "b" or "q").
 */
export function scriptText(text: string, table: Record<string, string>): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  let out = '';
  for (const char of trimmed) {
    const mapped = table[char];
    if (!mapped) return trimmed;
    out += mapped;
  }
  return out;
}

interface Frame {
  name: string;
  text: string;
}

/** One pass of an HTML parser over `html`: its text, entities decoded, elements reduced as above. */
function reduceHtml(html: string): string {
  const stack: Frame[] = [{ name: '', text: '' }];
  let dropped = 0;
  let sawText = false;
  let heading: Frame | undefined;
  const top = () => stack[stack.length - 1];
  const parser = new Parser(
    {
      onopentag(name) {
        if (DROPPED.has(name)) {
          dropped++;
          return;
        }
        if (dropped) return;
        if (BLOCKS.has(name)) top().text += ' ';
        if (name === 'sub' || name === 'sup') stack.push({ name, text: '' });
        else if (!heading && !sawText && HEADINGS.has(name)) {
          heading = { name, text: '' };
          stack.push(heading);
        }
      },
      ontext(text) {
        if (dropped) return;
        top().text += text;
        if (text.trim()) sawText = true;
      },
      onclosetag(name) {
        if (DROPPED.has(name)) {
          dropped = Math.max(0, dropped - 1);
          return;
        }
        if (dropped) return;
        const frame = top();
        if (stack.length > 1 && frame.name === name) {
          stack.pop();
          let text = frame.text;
          if (name === 'sub') text = scriptText(text, SUBSCRIPTS);
          else if (name === 'sup') text = scriptText(text, SUPERSCRIPTS);
          else if (frame === heading && HEADING_LABEL.test(text)) text = ' ';
          top().text += text;
        }
        if (BLOCKS.has(name)) top().text += ' ';
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  // Unclosed sub/sup or heading frames: their text stays, in order.
  while (stack.length > 1) {
    const frame = stack.pop() as Frame;
    top().text += frame.text;
  }
  return stack[0].text.trim();
}

/** Entities decoded by the same parser, with "<" kept as text ("p<0.05 &amp; n<k"). */
function decodeOnly(text: string): string {
  return reduceHtml(text.replace(/</g, '&lt;'));
}

/** Whether a value holds markup or entities that `markupToText` would change. */
export function hasMarkup(text: string): boolean {
  return (text.includes('<') && MARKUP.test(text)) || (text.includes('&') && ENTITY.test(text));
}

/**
 * A field's plain text: HTML parsed and reduced to its text (headings such as "ABSTRACT" or 摘要
 * before the text dropped, sub/superscripts kept as Unicode characters where there are such,
 * block boundaries as spaces, scripts and styles left out), entities decoded, and again while
 * the result still holds escaped markup or entities (`&amp;lt;p&amp;gt;`), at most four times.
 * Values without "<" or "&" are returned as they are, at no cost.
 */
export function markupToText(value: string): string {
  let text = value;
  for (let pass = 0; pass < 4; pass++) {
    if (!text.includes('<') && !text.includes('&')) return text;
    if (text.includes('<') && MARKUP.test(text)) text = reduceHtml(text);
    else if (text.includes('&') && ENTITY.test(text)) text = decodeOnly(text);
    else return text;
  }
  // Markup escaped more than four times over is not text worth keeping: its tags are removed.
  return MARKUP.test(text) ? text.replace(/<\/?[a-z][^<>]*>/gi, ' ') : text;
}
