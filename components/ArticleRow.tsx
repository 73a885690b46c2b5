import type { Article } from '@/lib/model/article';
import { issuedYear } from '@/lib/model/article';
import { displayName } from '@/lib/text/names';
import type { CaptureEntry } from '@/lib/db/schema';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from './i18n-context';

const STATUS_LABEL: Record<CaptureEntry['status'], MessageKey> = { new: 'statusNew', known: 'statusKnown', merged: 'statusMerged' };

/** The title, or the start of the abstract when the page gave no title. */
export function headline(article: Article, untitled: string): string {
  if (article.title) return article.title;
  if (article.abstract) return article.abstract.length > 90 ? `${article.abstract.slice(0, 90)}…` : article.abstract;
  return untitled;
}

function byline(article: Article): string {
  const names = (article.author ?? []).map(displayName);
  const authors = names.length > 3 ? `${names.slice(0, 3).join(', ')} …` : names.join(', ');
  const year = issuedYear(article);
  return [authors, article['container-title'], year].filter(Boolean).join(' · ');
}

interface Props {
  article: Article;
  status?: CaptureEntry['status'];
  onSave?: (article: Article) => void;
}

/** One article in a list. Scraped text is rendered as text only (JSX escapes it). */
export function ArticleRow({ article, status, onSave }: Props) {
  const { t } = useI18n();
  const title = headline(article, t('untitled'));
  const saved = article.savedAt !== undefined;
  return (
    <li class="article-row" data-article-id={article.id}>
      <div class="article-main">
        <div class="article-title" lang={article.language === 'zh' ? 'zh-CN' : article.language}>
          {title}
        </div>
        <div class="article-byline">{byline(article)}</div>
      </div>
      <div class="article-actions">
        {status && <span class={`badge badge-${status}`}>{t(STATUS_LABEL[status])}</span>}
        {onSave && (
          <button
            type="button"
            class="save-button"
            disabled={saved}
            aria-pressed={saved}
            aria-label={saved ? t('saved') : t('saveArticle', title)}
            onClick={() => onSave(article)}
          >
            {saved ? t('saved') : t('save')}
          </button>
        )}
      </div>
    </li>
  );
}
