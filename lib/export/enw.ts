import { keywordList, type CslItem, type CslName } from '../model/article';
import { articleNumber, oneLine } from './csl-items';

/** EndNote reference types by CSL type; anything else is "Generic". */
const ENW_TYPES: Record<string, string> = {
  'article-journal': 'Journal Article',
  'article-magazine': 'Magazine Article',
  'article-newspaper': 'Newspaper Article',
  book: 'Book',
  chapter: 'Book Section',
  'paper-conference': 'Conference Paper',
  thesis: 'Thesis',
  report: 'Report',
  patent: 'Patent',
  webpage: 'Web Page',
  dataset: 'Dataset',
  standard: 'Standard',
  // A preprint: EndNote has no preprint type; "Unpublished Work" is its name for RIS UNPB (see ris.ts).
  article: 'Unpublished Work',
};

function enwName(name: CslName): string {
  if (name.literal) return name.literal;
  return [name.family, name.given].filter(Boolean).join(', ');
}

function tag(code: string, value: string | undefined): string[] {
  const text = oneLine(value ?? '');
  return text ? [`%${code} ${text}`] : [];
}

function dateText(item: CslItem): string | undefined {
  const parts = item.issued?.['date-parts']?.[0];
  return parts?.[0] ? String(parts[0]) : item.issued?.raw;
}

/**
 * EndNote tagged format (.enw), which EndNote, NoteExpress and Zotero import: one `%X value` line
 * per field, one `%A` per author, one `%K` per keyword, a blank line between records. Written
 * here because citation-js 0.8 has no EndNote output; values are folded onto one line because a
 * line that does not start with a tag is read as part of nothing.
 */
export function formatEnw(items: CslItem[]): string {
  const records = items.map((item) =>
    [
      `%0 ${ENW_TYPES[item.type] ?? 'Generic'}`,
      ...tag('T', item.title),
      ...(item.author ?? []).flatMap((name) => tag('A', enwName(name))),
      ...tag('J', item['container-title']),
      ...tag('D', dateText(item)),
      ...tag('V', item.volume),
      ...tag('N', item.issue),
      // EndNote, Zotero and NoteExpress read %P as the pages; an article number has no tag that
      // they all read (EndNote's own is a custom field), so it stands where pages go when there
      // are none, as journals print it ("e0000001"), never beside a page range.
      ...tag('P', item.page || articleNumber(item)),
      ...tag('I', item.publisher),
      ...tag('@', item.ISSN),
      ...tag('R', item.DOI),
      ...tag('U', item.URL),
      ...keywordList(item).flatMap((keyword) => tag('K', keyword)),
      ...tag('G', item.language),
      ...tag('X', item.abstract),
    ].join('\r\n'),
  );
  return records.length ? `${records.join('\r\n\r\n')}\r\n` : '';
}
