import { issuedYear, type Article } from '@/lib/model/article';
import { displayName } from '@/lib/text/names';
import { normalizeHost } from '@/lib/text/urls';

/**
 * How an article is named in any list (popup, library, detail): one wording everywhere.
 */

const HEADLINE_CHARS = 90;

/** The title, or the start of the abstract when the page gave no title. */
export function headline(title: string | undefined, abstract: string | undefined, untitled: string): string {
  if (title) return title;
  if (abstract) return abstract.length > HEADLINE_CHARS ? `${abstract.slice(0, HEADLINE_CHARS)}…` : abstract;
  return untitled;
}

/** Authors (three at most), source, year. */
export function byline(authors: readonly string[], source: string | undefined, year: number | undefined): string {
  const shown = authors.length > 3 ? `${authors.slice(0, 3).join(', ')} …` : authors.join(', ');
  return [shown, source, year].filter(Boolean).join(' · ');
}

/** The `lang` attribute for an article's text, so screen readers and fonts pick the right language. */
export function textLang(language: string | undefined): string | undefined {
  return language === 'zh' ? 'zh-CN' : language || undefined;
}

export function articleHeadline(article: Article, untitled: string): string {
  return headline(article.title, article.abstract, untitled);
}

/** A full article's byline: its journal, else the site it came from. */
export function articleByline(article: Article): string {
  return byline((article.author ?? []).map(displayName), article['container-title'] ?? (article.URL ? normalizeHost(article.URL) : undefined), issuedYear(article));
}
