import type { CslItem } from '../model/article';
import { cite } from './citation-js';
import { percentEncodeChar } from '../text/urls';
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

/** Fields citation-js writes verbatim (no TeX escaping: `\_` would become part of a DOI). */
const VERBATIM = new Set(['id', 'type', 'DOI', 'URL', 'citation-key']);

/**
 * A verbatim value (DOI, URL) that cannot end its field or open another: what BibTeX parsers
 * read as syntax even in verbatim fields (braces, backslash, "$" for math, spaces) is
 * percent-encoded, as it would be in the link the value stands for.
 */
function verbatimValue(text: string): string {
  return oneLine(text).replace(/[{}\\$\s]/g, percentEncodeChar);
}

/**
 * A family or given name that BibTeX's name syntax would split (a comma, the word "and", the
 * lone word "others") is one brace group, so that it stays one name part.
 */
function namePart(escaped: string): string {
  return /,|\band\b|^others$/i.test(escaped) ? `{${escaped}}` : escaped;
}

function prepare(item: CslItem, key: string): CslItem {
  const escaped = mapStrings(item, (value, field) => {
    if (VERBATIM.has(field)) return verbatimValue(value);
    const text = texEscape(oneLine(value));
    return field === 'family' || field === 'given' ? namePart(text) : text;
  });
  return { ...escaped, 'citation-key': key } as CslItem;
}

/** Adds a field after an entry's header line; citation-js's BibTeX output leaves abstracts and keywords out. */
function addField(entry: string, field: string, value: string | undefined): string {
  if (!value) return entry;
  const headerEnd = entry.indexOf('\n');
  return `${entry.slice(0, headerEnd)}\n\t${field} = {${texEscape(oneLine(value))}},${entry.slice(headerEnd)}`;
}

/** An arXiv identifier from the item's DOI (10.48550/arXiv.…) or its arxiv.org link. */
function arxivId(item: CslItem): string | undefined {
  const fromDoi = /^10\.48550\/arxiv\.(.+)$/i.exec(item.DOI ?? '')?.[1];
  const fromUrl = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/([^?#\s]+?)(?:v\d+)?(?:\.pdf)?$/i.exec(item.URL ?? '')?.[1];
  const id = fromDoi ?? fromUrl;
  return id && /^[\w./-]+$/.test(id) ? id : undefined;
}

/**
 * Entry types where citation-js's choice is not what reference managers read (Zotero's BibTeX
 * and BibLaTeX translators are the reference):
 * - a book chapter (CSL chapter) is `@incollection` (a chapter in an edited book), not `@inbook`;
 * - a preprint (CSL article) is `@misc` in BibTeX, with its server as `howpublished`, and
 *   `@online` in BibLaTeX; an arXiv preprint carries `eprint` with `archivePrefix = {arXiv}`
 *   (BibTeX) or `eprinttype = {arxiv}` (BibLaTeX), which both read;
 * - a patent is `@patent` in BibTeX too (Zotero writes and reads it; styles without it fall back
 *   to misc).
 * Theses stay `@phdthesis` (BibTeX) / `@thesis` (BibLaTeX): the library does not keep the
 * degree, and Zotero, too, writes @phdthesis when it does not know it.
 */
function retype(entry: string, item: CslItem, dialect: 'bibtex' | 'biblatex'): string {
  const header = (type: string) => entry.replace(/^@\w+\{/, `@${type}{`);
  switch (item.type) {
    case 'thesis':
      return dialect === 'bibtex' ? header('phdthesis') : entry;
    case 'standard':
      // The standard's number (GB/T 7714-2015) is how it is cited; citation-js leaves it out.
      return /^\tnumber = /m.test(entry) ? entry : addField(entry, 'number', item.number);
    case 'chapter':
      return header('incollection');
    case 'patent':
      return header('patent');
    case 'article': {
      // BibTeX: the server as howpublished (citation-js's copy of the URL there goes: url has it).
      let out =
        dialect === 'bibtex'
          ? header('misc').replace(/^\thowpublished = \{.*\},\n/m, '').replace(/^\tjournal = \{/m, '\thowpublished = {')
          : header('online');
      const id = arxivId(item);
      if (id) {
        out = addField(out, dialect === 'bibtex' ? 'archiveprefix' : 'eprinttype', dialect === 'bibtex' ? 'arXiv' : 'arxiv');
        out = addField(out, 'eprint', id);
      }
      return out;
    }
    default:
      return entry;
  }
}

/** One entry of citation-js's output, with the number of the item it was made from (its placeholder key). */
const ENTRY = /^@\w+\{simlitkey(\d+)x,\n[\s\S]*?^\}$/gm;

/**
 * BibTeX or BibLaTeX through citation-js, with these corrections (see citation-js.ts): values are
 * escaped by `texEscape` (citation-js escapes nothing once ASCII-only output is off); line breaks
 * are folded (BibTeX values are one paragraph); keys are Simlit's stable keys; plain BibTeX gets
 * `abstract` and `keywords`, which citation-js writes only for BibLaTeX; the `howpublished` copy of
 * the URL that citation-js writes unescaped is escaped. Entries are corrected one by one: each
 * correction made over the whole text cost a pass over it per entry (8,000 articles took 89 s).
 */
export function formatBibtex(items: CslItem[], dialect: 'bibtex' | 'biblatex'): string {
  if (!items.length) return '';
  const keys = citationKeys(items);
  // citation-js replaces keys holding punctuation ("Smith:2020-x") with its own: it is given
  // placeholders, and the real keys are put in their place afterwards.
  const text = cite(items.map((item, i) => prepare(item, `simlitkey${i}x`)))
    .format(dialect, { format: 'text' })
    .replace(ENTRY, (entry, i: string) => corrected(entry, items[Number(i)], keys[Number(i)], dialect));
  // One blank line between entries, as BibTeX files are usually laid out.
  return `${text.trim().replace(/\n\}\n+@/g, '\n}\n\n@')}\n`;
}

function corrected(entry: string, item: CslItem, key: string, dialect: 'bibtex' | 'biblatex'): string {
  let out = entry.replace(/^(\thowpublished = \{)(.*)(\},)$/gm, (_m, open: string, value: string, close: string) => `${open}${texEscape(value)}${close}`);
  if (dialect === 'bibtex') {
    out = addField(out, 'keywords', item.keyword?.split(/\s*[;；]\s*/).filter(Boolean).join(', '));
    out = addField(out, 'abstract', item.abstract);
  }
  return retype(out, item, dialect).replace(/^(@\w+\{)simlitkey\d+x,$/m, (_m, head: string) => `${head}${key},`);
}
