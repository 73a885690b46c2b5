/**
 * Records made to break exports: every field (verbatim ones, names and the type included) is
 * built from what BibTeX, RIS, EndNote, CSV and Markdown read as syntax, plus ordinary and
 * Chinese text. Both kinds of record an export meets are generated: library articles as capture
 * stores them (through normalizeItem, from hostile page text), and CSL-JSON items as the command
 * line reads them (nothing cleaned).
 */
import fc from 'fast-check';
import { normalizeItem } from '@/lib/capture/normalize-item';
import type { Article, CslItem, ExtractedItem } from '@/lib/model/article';

/** Pieces that are syntax somewhere: entry and field openers, line structure, formulas, links. */
const SYNTAX_PIECES = [
  '{', '}', '\\', '@', '%', '#', '&', '$', '_', '^', '~', '<', '>', '[', ']', '(', ')', '*', '`', '|', '"', "'", '=', '+', '-', ',',
  '\n', '\r', '\r\n', '\t', '\u2028', '\u2029', '\u0085', '\u001c', '\u001e', '\u000b', '\u000c', '\u0000', '\u001b', '\u007f', '\u200b', '\ufeff',
  '}}@misc{injected,title={INJECTED},note={', '}\n@article{evil,', '\nER  - \nTY  - JOUR\nTI  - injected',
  '\r\n%0 Journal Article\r\n%T injected', '\n\n%0 Generic', '=HYPERLINK("http://evil.example")', '@SUM(1+1)',
  '](javascript:alert(1))', '<javascript:alert(1)>', 'javascript:alert(1)', 'data:text/html,x', '\\url{x}', '\\input{/etc/passwd}',
  'ER  - ', 'TY  - ', '%X ', ' and ', 'others',
];

const WORD_PIECES = ['deep', 'learning', 'Müller', 'O\'Brien', '深度学习', '影像', ' ', '  ', '2021', '10.1000/x'];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SYNTAX_PIECES) },
  { weight: 3, arbitrary: fc.constantFrom(...WORD_PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

/** Text of up to a few dozen pieces. */
export const hostileText = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** Links no export may write; none of them can arise from joining the text pieces above. */
export const UNSAFE_URLS = [
  'javascript:alert(document.cookie)',
  ' JavaScript:void(simlit)',
  'data:text/html;base64,c2ltbGl0',
  'vbscript:simlit',
  'file:///etc/simlit',
];

/** A URL from a page or a file: http(s) with syntax in its path and query, or another scheme. */
export const hostileUrl = fc.oneof(
  fc.tuple(fc.constantFrom('http://', 'https://'), fc.constantFrom('example.org', 'evil.example'), hostileText).map(([scheme, host, rest]) => `${scheme}${host}/${rest}`),
  fc.constantFrom(...UNSAFE_URLS),
);

/** A CSL-JSON item with hostile text everywhere, as the command line may be given. */
export const hostileCslItem: fc.Arbitrary<CslItem> = fc
  .record({
    id: hostileText,
    type: fc.oneof(fc.constantFrom('article-journal', 'book', 'chapter', 'paper-conference', 'thesis', 'webpage'), hostileText),
    title: maybe(hostileText),
    author: maybe(
      fc.array(
        fc.oneof(
          fc.record({ literal: hostileText }),
          fc.record({ family: hostileText, given: hostileText }),
        ),
        { maxLength: 4 },
      ),
    ),
    'container-title': maybe(hostileText),
    issued: maybe(fc.record({ 'date-parts': fc.tuple(fc.tuple(fc.integer({ min: 1000, max: 2100 }))) as fc.Arbitrary<[number][]> })),
    volume: maybe(hostileText),
    issue: maybe(hostileText),
    page: maybe(hostileText),
    DOI: maybe(fc.oneof(hostileText, hostileText.map((suffix) => `10.1234/${suffix}`))),
    URL: maybe(hostileUrl),
    ISSN: maybe(hostileText),
    abstract: maybe(hostileText),
    keyword: maybe(hostileText),
    language: maybe(hostileText),
    publisher: maybe(hostileText),
  })
  .map((item) => Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined)) as unknown as CslItem);

/** What a hostile page's extractor run may yield for one article. */
const hostileExtractedItem: fc.Arbitrary<ExtractedItem> = fc.record(
  {
    title: hostileText,
    authors: fc.array(hostileText, { maxLength: 4 }),
    containerTitle: hostileText,
    date: fc.constantFrom('2021-06-15', '2019', 'Mar 2020', 'garbage'),
    volume: hostileText,
    issue: hostileText,
    pages: hostileText,
    doi: fc.oneof(hostileText, hostileText.map((suffix) => `10.1234/${suffix}`)),
    url: hostileUrl,
    pdfUrl: hostileUrl,
    issn: hostileText,
    abstract: hostileText,
    keywords: fc.array(hostileText, { maxLength: 4 }),
    publisher: hostileText,
    platformId: hostileText,
  },
  { requiredKeys: [] },
);

/** A library article as capture stores it from a hostile page. */
export const capturedArticle: fc.Arbitrary<Article> = fc
  .tuple(hostileExtractedItem, hostileText)
  .map(([item, fallbackTitle]) =>
    normalizeItem({ ...item, title: item.title || fallbackTitle || 'untitled' }, {
      pageUrl: 'https://evil.cnjournals.com/list',
      platform: 'qinyun',
      capturedAt: 1_700_000_000_000,
    }),
  )
  .filter((article): article is Article => article !== undefined);
