import type { CslItem } from '../model/article';
import { cite } from './citation-js';
import { citationKeys, mapStrings, oneLine } from './csl-items';

const TEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In LaTeX's default OT1 encoding "<" and ">" print as "¡" and "¿"; parsers read them so too.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/** Escapes the characters LaTeX gives a meaning to; everything else (CJK too) stays UTF-8. */
export function texEscape(text: string): string {
  return text.replace(/[\\{}&%$#_~^<>]/g, (char) => TEX_SPECIALS[char]);
}

/** Fields citation-js writes verbatim (no escaping is wanted there). */
const VERBATIM = new Set(['id', 'type', 'DOI', 'URL', 'citation-key']);

function prepare(item: CslItem, key: string): CslItem {
  const escaped = mapStrings(item, (value, field) => (VERBATIM.has(field) ? oneLine(value) : texEscape(oneLine(value))));
  return { ...escaped, 'citation-key': key } as CslItem;
}

/** Adds a field after an entry's header line; citation-js's BibTeX output leaves abstracts and keywords out. */
function addField(text: string, key: string, field: string, value: string | undefined): string {
  if (!value) return text;
  const header = new RegExp(`^(@\\w+\\{${key},)$`, 'm');
  return text.replace(header, `$1\n\t${field} = {${texEscape(oneLine(value))}},`);
}

/**
 * BibTeX or BibLaTeX through citation-js, with these corrections (see citation-js.ts): values are
 * escaped by `texEscape` (citation-js escapes nothing once ASCII-only output is off); line breaks
 * are folded (BibTeX values are one paragraph); keys are Simlit's stable keys; plain BibTeX gets
 * `abstract` and `keywords`, which citation-js writes only for BibLaTeX; the `howpublished` copy of
 * the URL that citation-js writes unescaped is escaped.
 */
export function formatBibtex(items: CslItem[], dialect: 'bibtex' | 'biblatex'): string {
  if (!items.length) return '';
  const keys = citationKeys(items);
  // citation-js replaces keys holding punctuation ("Smith:2020-x") with its own: it is given
  // placeholders, and the real keys are put in their place afterwards.
  const placeholders = items.map((_, i) => `simlitkey${i}x`);
  let text = cite(items.map((item, i) => prepare(item, placeholders[i]))).format(dialect, { format: 'text' });
  text = text.replace(/^(\thowpublished = \{)(.*)(\},)$/gm, (_m, open: string, value: string, close: string) => `${open}${texEscape(value)}${close}`);
  if (dialect === 'bibtex') {
    items.forEach((item, i) => {
      text = addField(text, placeholders[i], 'keywords', item.keyword?.split(/\s*[;；]\s*/).filter(Boolean).join(', '));
      text = addField(text, placeholders[i], 'abstract', item.abstract);
    });
  }
  text = text.replace(/^(@\w+\{)simlitkey(\d+)x,$/gm, (_m, head: string, i: string) => `${head}${keys[Number(i)]},`);
  // One blank line between entries, as BibTeX files are usually laid out.
  return `${text.trim().replace(/\n\}\n+@/g, '\n}\n\n@')}\n`;
}
