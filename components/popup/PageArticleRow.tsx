import type { Article } from '@/lib/model/article';
import type { ShownStatus } from '@/lib/capture/page-status';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../i18n-context';
import { Excerpt } from '../Excerpt';
import { articleByline, articleHeadline, textLang } from '../article-text';
import { CollectionPicker, type CollectionChoice } from './CollectionPicker';

const STATUS_LABEL: Record<NonNullable<ShownStatus>, MessageKey> = { new: 'statusNew', known: 'statusKnown', merged: 'statusMerged' };

interface Props {
  article: Article;
  status?: ShownStatus;
  collections: CollectionChoice[];
  /** Lines of the title (or abstract, for an untitled article) shown before "more". */
  lines?: 1 | 2;
  onSave(article: Article): void;
  onAddToCollection(article: Article, collection: CollectionChoice): void;
  onCreateCollection(): Promise<CollectionChoice | undefined>;
}

/** One article captured from the current page. Scraped text is rendered as text only. */
export function PageArticleRow({ article, status, collections, lines = 2, onSave, onAddToCollection, onCreateCollection }: Props) {
  const { t } = useI18n();
  // Untitled (a list without titles): the abstract stands in, its start shown, all of it on demand.
  const text = article.title || article.abstract || t('untitled');
  const saved = article.savedAt !== undefined;
  return (
    <li class="article-row" data-article-id={article.id}>
      <div class="article-main">
        <Excerpt text={text} lines={lines} class="article-title" lang={textLang(article.language)} />
        <div class="article-byline">{articleByline(article)}</div>
      </div>
      <div class="article-actions">
        {status && <span class={`badge badge-${status}`}>{t(STATUS_LABEL[status])}</span>}
        <button
          type="button"
          class="save-button"
          disabled={saved}
          aria-pressed={saved}
          aria-label={saved ? t('saved') : t('saveArticle', articleHeadline(article, t('untitled')))}
          onClick={() => onSave(article)}
        >
          {saved ? t('saved') : t('save')}
        </button>
        <CollectionPicker
          label={t('popupAddToCollection')}
          collections={collections.filter((collection) => !article.collections.includes(collection.id))}
          onPick={(collection) => onAddToCollection(article, collection)}
          onCreate={onCreateCollection}
        />
      </div>
    </li>
  );
}
