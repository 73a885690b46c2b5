import type { CslItem } from '../model/article';
import { displayName } from '../text/names';
import { percentEncodeChar } from '../text/urls';
import { articleNumber, oneLine } from './csl-items';

/**
 * Escapes the characters Markdown would read as markup inside a line (emphasis, code, links,
 * HTML, tables, strikethrough), so titles print as they are. Line-start markers (#, -, +) need
 * no escape: every value follows a list marker or other text.
 */
export function markdownEscape(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|~]/g, '\\$&');
}

function source(item: CslItem): string {
  const year = item.issued?.['date-parts']?.[0]?.[0];
  const volume = [item.volume, item.issue ? `(${item.issue})` : ''].join('');
  const parts = [
    item['container-title'] ? `*${markdownEscape(item['container-title'])}*` : '',
    year ? String(year) : '',
    volume ? markdownEscape(volume) : '',
  ].filter(Boolean);
  const text = parts.join(', ');
  // An article number stands where pages go, as journals print it ("2021, 12: 781").
  const locator = item.page || articleNumber(item);
  return locator ? `${text}: ${markdownEscape(locator)}` : text;
}

/** A DOI as a URL path: percent-encoded, parentheses too (they would end a Markdown link). */
function doiPath(doi: string): string {
  return doi
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/\(/g, '%28').replace(/\)/g, '%29'))
    .join('/');
}

function link(item: CslItem): string {
  if (item.DOI) return `[doi:${markdownEscape(item.DOI)}](https://doi.org/${doiPath(item.DOI)})`;
  // Brackets and parentheses too: lenient renderers read "](" inside an autolink as a link.
  if (item.URL) return `<${item.URL.replace(/[<>\s[\]()]/g, percentEncodeChar)}>`;
  return '';
}

/** A numbered Markdown list: title in bold, authors, source, DOI or URL link, abstract quoted. */
export function formatMarkdown(items: CslItem[]): string {
  return items
    .map((item, index) => {
      const head = [
        `**${markdownEscape(item.title ?? '(untitled)')}**`,
        item.author?.length ? markdownEscape(item.author.map(displayName).join(', ')) : '',
        source(item),
        link(item),
      ].filter(Boolean);
      const lines = [`${index + 1}. ${head.join('. ')}`];
      if (item.abstract) lines.push('', `   > ${markdownEscape(item.abstract)}`);
      return lines.join('\n');
    })
    .join('\n\n')
    .concat(items.length ? '\n' : '');
}
