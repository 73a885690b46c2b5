import { issuedYear, type Article } from '@/lib/model/article';
import { displayName } from '@/lib/text/names';

/** The title, or the start of the abstract when the page gave no title. */
export function headline(article: Article, untitled: string): string {
  if (article.title) return article.title;
  if (article.abstract) return article.abstract.length > 90 ? `${article.abstract.slice(0, 90)}…` : article.abstract;
  return untitled;
}

function siteOf(article: Article): string | undefined {
  try {
    return article.URL ? new URL(article.URL).hostname.replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
}

/** Authors (three at most), source (the journal, else the site), year. */
export function byline(article: Article): string {
  const names = (article.author ?? []).map(displayName);
  const authors = names.length > 3 ? `${names.slice(0, 3).join(', ')} …` : names.join(', ');
  return [authors, article['container-title'] ?? siteOf(article), issuedYear(article)].filter(Boolean).join(' · ');
}
