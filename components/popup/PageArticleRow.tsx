import type { Article } from '@/lib/model/article';
import type { CaptureEntry } from '@/lib/db/schema';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../i18n-context';
import { articleByline, articleHeadline, textLang } from '../article-text';
import { CollectionPicker, type CollectionChoice } from './CollectionPicker';

const STATUS_LABEL: Record<CaptureEntry['status'], MessageKey> = { new: 'statusNew', known: 'statusKnown', merged: 'statusMerged' };

interface Props {
  article: Article;
  status?: CaptureEntry['status'];
  collections: CollectionChoice[];
  onSave(article: Article): void;
  onAddToCollection(article: Article, collection: CollectionChoice): void;
  onCreateCollection(): Promise<CollectionChoice | undefined>;
}

/** One article captured from the current page. Scraped text is rendered as text only. */
export function PageArticleRow({ article, status, collections, onSave, onAddToCollection, onCreateCollection }: Props) {
  const { t } = useI18n();
  const title = articleHeadline(article, t('untitled'));
  const saved = article.savedAt !== undefined;
  return (
    <li class="article-row" data-article-id={article.id}>
      <div class="article-main">
        <div class="article-title" lang={textLang(article.language)}>
          {title}
        </div>
        <div class="article-byline">{articleByline(article)}</div>
      </div>
      <div class="article-actions">
        {status && <span class={`badge badge-${status}`}>{t(STATUS_LABEL[status])}</span>}
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
