import type { ExtractedItem } from '../../model/article';
import { splitAuthorLine } from '../../text/names';
import { absoluteUrl, attr, find, findAll, squish, text, textWithout } from '../dom';
import { readEmbeddedArticle } from '../platforms/embedded-metadata';
import { typeFromLabel } from './item-types';
import { itemsOfRows } from './list-items';
import { outermost } from './list-rows';
import { fillMissing } from './merge';

/**
 * Springer Nature's page design ("Elements"), shared by SpringerLink and nature.com: article pages
 * with Highwire tags and a visible keyword list and abstract; result lists and tables of contents
 * as cards ("app-card-open" on SpringerLink, "c-card" on nature.com).
 */

/** Author keywords, as the page lists them: the citation_keywords tag holds subject headings. */
function visibleKeywords(doc: Document): string[] {
  const current = findAll(doc, '.c-article-subject-list a[data-track-action="view keyword"]');
  const older = current.length ? current : findAll(doc, '.KeywordGroup .Keyword');
  return older.map((node) => squish(text(node))).filter(Boolean);
}

function visibleAbstract(doc: Document): string | undefined {
  const node = find(doc, '#Abs1-content, section#Abs1, section.Abstract');
  const value = squish(textWithout(node, 'h2, h3, .Heading'));
  return value || undefined;
}

export function readSpringerNatureArticle(doc: Document, url: URL, idOf: (url: string) => string | undefined): ExtractedItem | undefined {
  const embedded = readEmbeddedArticle(doc, url);
  if (!embedded) return undefined;
  const keywords = visibleKeywords(doc);
  const item: ExtractedItem = { ...embedded, keywords: keywords.length ? keywords : embedded.keywords };
  return fillMissing(item, { abstract: visibleAbstract(doc), platformId: idOf(item.url ?? url.href) });
}

export interface CardLayout {
  rows: string;
  title: string;
  authors: string;
  container: string;
  date: string;
  snippet: string;
  type: string;
  /** The DOI an article link names. */
  doiOf(href: string): string | undefined;
  idOf(href: string): string | undefined;
}

function typeOf(label: string): string | undefined {
  if (/chapter|reference work entry/i.test(label)) return 'chapter';
  if (/protocol/i.test(label)) return 'article-journal';
  return typeFromLabel(label) ?? (/\barticle\b|review|letter/i.test(label) ? 'article-journal' : undefined);
}

function cardItem(row: Element, layout: CardLayout, base: URL, position: number): ExtractedItem | undefined {
  const link = find(row, layout.title);
  const href = absoluteUrl(attr(link, 'href'), base);
  const title = squish(text(link));
  if (!link || !href || !title) return undefined;
  // The first form of author markup the card uses: the forms overlap (a name inside a list item).
  const authorNodes = layout.authors.split(/\s*,\s*/).map((selector) => findAll(row, selector)).find((nodes) => nodes.length > 0) ?? [];
  const authors =
    authorNodes.length > 1
      ? authorNodes.map((node) => squish(text(node)).replace(/[,;&]+$/, '').trim()).filter(Boolean)
      : splitAuthorLine(squish(text(authorNodes[0])).replace(/\s*(?:&|\band\b)\s*/g, ', '));
  const dateNode = find(row, layout.date);
  const dateText = attr(dateNode, 'datetime') ?? squish(text(dateNode));
  const snippet = squish(text(find(row, layout.snippet)));
  return {
    title,
    authors: authors.filter((name) => !/^(?:\d+ more|et al\.?|…)$/i.test(name)),
    containerTitle: squish(text(find(row, layout.container))) || undefined,
    date: /\b((?:19|20)\d{2})\b/.exec(dateText)?.[0] ? dateText : undefined,
    abstract: snippet || undefined,
    type: typeOf(squish(text(find(row, layout.type)))),
    doi: layout.doiOf(href),
    platformId: layout.idOf(href),
    url: href,
    position,
  };
}

export function readCards(doc: Document, base: URL, layout: CardLayout): ExtractedItem[] {
  return itemsOfRows(outermost(findAll(doc, layout.rows)), (row, position) => cardItem(row, layout, base, position));
}
