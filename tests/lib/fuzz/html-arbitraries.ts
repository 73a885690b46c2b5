/**
 * Generated pages for fuzzing the extractors: element trees built from the tags, class names,
 * ids and meta names the extractors look for (read from their sources, so new extractors are
 * fuzzed too), filled with hostile text; and real journal pages cut, repeated and spliced.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';

const EXTRACTORS_DIR = resolve(import.meta.dirname, '../../../lib/extractors');
const SHARED_PAGES = [resolve(import.meta.dirname, '../../../../shared/pages'), '/work/shared/pages'];

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : name.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

/** Class names, ids and meta names that appear in the extractors' string literals. */
function selectorVocabulary(): { classes: string[]; ids: string[]; metaNames: string[] } {
  const literals = sourcesUnder(EXTRACTORS_DIR).flatMap((source) => source.match(/'[^'\n]*'|`[^`\n]*`|"[^"\n]*"/g) ?? []);
  const classes = new Set<string>();
  const ids = new Set<string>();
  const metaNames = new Set<string>();
  for (const literal of literals) {
    for (const [, mark, name] of literal.matchAll(/([.#])([a-zA-Z][\w-]*)/g)) (mark === '.' ? classes : ids).add(name);
    for (const [name] of literal.matchAll(/\b(?:citation_[a-z_]+|dc\.[a-z]+|dcterms\.[a-z]+|prism\.[a-zA-Z]+|og:[a-z]+|eprints\.[a-z_]+)/gi)) metaNames.add(name);
  }
  return { classes: [...classes], ids: [...ids], metaNames: [...metaNames] };
}

export const VOCABULARY = selectorVocabulary();

/** Text a hostile or broken page might hold. */
export const HOSTILE_SNIPPETS = [
  '<img src=x onerror="window.__simlitPwned=1">',
  '<script>window.__simlitPwned=1</script>',
  'javascript:window.__simlitPwned=1',
  '"><svg onload=alert(1)>',
  '\ud800 lone high surrogate',
  'lone low \udc00 surrogate',
  '\u0000\u0001\u0008 control \u200b\ufeff',
  '&lt;b&gt;entities&lt;/b&gt; &#0; &#x110000; &#xD800;',
  '摘要：在信息不对称的委托代理格局下，下级政府要为上级政府发射信号。',
  'Abstract: Fatigue is a common and disabling symptom in multiple sclerosis.',
  '关键词：形式主义；避责；留痕',
  'doi:10.1016/j.psyneuen.2015.03.010',
  'https://doi.org/10.13000/j.cnki.sample.2018.04.002',
  '2023, 44(5): 12-19',
  'Vol. 12, pp. 1–20',
  '[J]. 中国行政管理, 2019, 第3卷 第4期',
  'Zhang San, Li Si, 王五',
  'Smith J, Doe JA, van der Berg K',
  '%E4%B8%AD%2F%ZZ',
  ' ',
];

export const PAGE_URLS = [
  'https://kns.cnki.net/kns8s/defaultresult/index',
  'https://d.wanfangdata.com.cn/periodical/abc',
  'http://www.cqvip.com/QK/123/456/789.html',
  'https://pubmed.ncbi.nlm.nih.gov/25817406/',
  'https://pubmed.ncbi.nlm.nih.gov/?term=cortisol',
  'https://arxiv.org/abs/1902.02534',
  'https://arxiv.org/list/cs.CL/recent',
  'https://scholar.google.com/scholar?q=cortisol',
  'http://jnxb.cnjournals.com/ch/reader/view_abstract.aspx?file_no=20230502&flag=1',
  'http://jnxb.cnjournals.com/ch/reader/search_similar.aspx?file_no=20230001',
  'http://www.magtech.com.cn/CN/10.3969/j.issn.1000-0000.2020.01.001',
  'https://www.nature.com/articles/nature13322',
  'https://example.org/some/list?page=2',
  'https://www.google.com/search?q=doi',
];

const TAGS = ['div', 'span', 'p', 'a', 'ul', 'ol', 'li', 'table', 'tbody', 'tr', 'td', 'th', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'section', 'article', 'em', 'b', 'sup', 'label', 'input', 'font', 'strong', 'i'];

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_SNIPPETS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 120 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...HOSTILE_SNIPPETS), { maxLength: 6 }).map((parts) => parts.join(' ')) },
);

const attrValue = fc.oneof(hostileText, fc.constantFrom(...PAGE_URLS), fc.constantFrom('#', '/ch/reader/view_abstract.aspx?file_no=1', 'javascript:void(0)', 'detail?id=2&dbcode=CJFD'));

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** Text as a page would write it: usually escaped, sometimes raw (broken markup is the point). */
const markupText = fc.tuple(hostileText, fc.boolean()).map(([value, raw]) => (raw ? value : value.replace(/&/g, '&amp;').replace(/</g, '&lt;')));

const attribute = fc.oneof(
  fc.constantFrom(...VOCABULARY.classes).map((name) => `class="${name}"`),
  fc.constantFrom(...VOCABULARY.ids).map((name) => `id="${name}"`),
  attrValue.map((value) => `href="${escapeAttr(value)}"`),
  attrValue.map((value) => `title="${escapeAttr(value)}"`),
);

/** An element tree, serialized. */
const element: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    markupText,
    fc
      .tuple(fc.constantFrom(...TAGS), fc.array(attribute, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 5 }))
      .map(([tag, attrs, children]) => `<${tag}${attrs.map((a) => ` ${a}`).join('')}>${children.join('')}</${tag}>`),
  ),
})).node;

const meta = fc
  .tuple(fc.constantFrom(...VOCABULARY.metaNames), attrValue, fc.boolean())
  .map(([name, value, property]) => `<meta ${property ? 'property' : 'name'}="${name}" content="${escapeAttr(value)}">`);

const jsonLd = fc
  .oneof(
    fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
    fc
      .record({
        '@type': fc.constantFrom('ScholarlyArticle', 'Article', ['Article', 'MedicalScholarlyArticle'], 'ItemList'),
        headline: hostileText,
        abstract: hostileText,
        author: fc.array(fc.oneof(hostileText, fc.record({ name: hostileText })), { maxLength: 3 }),
        identifier: fc.constantFrom('10.1000/xyz', { value: 'doi:10.1/2' }, 42),
        isPartOf: fc.constantFrom({ '@type': 'Periodical', name: 'J' }, [{}], null),
      }, { requiredKeys: [] })
      .map((value) => JSON.stringify(value)),
    hostileText,
  )
  .map((source) => `<script type="application/ld+json">${source.replace(/<\//g, '<\\/')}</script>`);

/** A whole generated page. */
export const generatedPage: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.oneof(meta, jsonLd), { maxLength: 8 }), hostileText, fc.array(element, { maxLength: 8 }))
  .map(([head, title, body]) => `<!doctype html><html><head><meta charset="utf-8"><title>${title.replace(/</g, '&lt;')}</title>${head.join('')}</head><body>${body.join('')}</body></html>`);

/** The shared journal pages with the URL each was served at. */
export function realPages(): { html: string; url: string }[] {
  const dir = SHARED_PAGES.find((path) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  });
  if (!dir) throw new Error(`no shared journal pages at ${SHARED_PAGES.join(' or ')}`);
  const manifest = JSON.parse(readFileSync(join(dir, 'MANIFEST.json'), 'utf8')) as { pages: { file: string; url: string }[] };
  return manifest.pages.map((page) => ({ html: readFileSync(join(dir, page.file), 'utf8'), url: page.url }));
}

/** A real page cut, with a slice repeated and hostile markup spliced in at random places. */
export function mutatedPage(pages: { html: string; url: string }[]): fc.Arbitrary<{ html: string; url: string }> {
  const edit = fc.oneof(
    fc.tuple(fc.constant('delete' as const), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 4000 }), fc.constant('')),
    fc.tuple(fc.constant('repeat' as const), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 3000 }), fc.constant('')),
    fc.tuple(fc.constant('insert' as const), fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(0), fc.oneof(element, hostileText, fc.constantFrom('</div>', '<div>', '<!--', '<table>', '<script>', '</body>'))),
  );
  return fc.tuple(fc.constantFrom(...pages), fc.array(edit, { minLength: 1, maxLength: 6 })).map(([page, edits]) => {
    let html = page.html;
    for (const [kind, where, length, text] of edits) {
      const at = Math.floor(where * html.length);
      if (kind === 'delete') html = html.slice(0, at) + html.slice(at + length);
      else if (kind === 'repeat') html = html.slice(0, at + length) + html.slice(at, at + length).repeat(3) + html.slice(at + length);
      else html = html.slice(0, at) + text + html.slice(at);
    }
    return { html, url: page.url };
  });
}
