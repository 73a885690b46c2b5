import type { Article } from '@/lib/model/article';
import type { Capture } from '@/lib/db/schema';
import { useI18n } from '../i18n-context';
import { CollectionPicker, type CollectionChoice } from './CollectionPicker';
import { PageArticleRow } from './PageArticleRow';

interface Props {
  capture: Capture;
  articles: Article[];
  collections: CollectionChoice[];
  onSave(articles: Article[]): void;
  onAddToCollection(articles: Article[], collection: CollectionChoice): void;
  onCreateCollection(): Promise<CollectionChoice | undefined>;
}

/** The articles captured from the current tab: new, already known, or merged into a known one. */
export function ThisPageSection({ capture, articles, collections, onSave, onAddToCollection, onCreateCollection }: Props) {
  const { t } = useI18n();
  const statusOf = new Map(capture.items.map((item) => [item.articleId, item.status]));
  const newCount = capture.items.filter((item) => item.status === 'new').length;
  const unsaved = articles.filter((article) => article.savedAt === undefined);
  return (
    <section class="this-page" aria-labelledby="this-page-heading">
      <h2 id="this-page-heading">{t('popupThisPage')}</h2>
      <p class="summary">{t('popupCount', articles.length, newCount)}</p>
      {articles.length > 1 && (
        <div class="bulk">
          <button type="button" disabled={unsaved.length === 0} onClick={() => onSave(unsaved)}>
            {t('popupSaveAll')}
          </button>
          <CollectionPicker
            label={t('popupAddAllToCollection')}
            collections={collections}
            onPick={(collection) => onAddToCollection(articles, collection)}
            onCreate={onCreateCollection}
          />
        </div>
      )}
      <ul class="article-list" aria-label={t('popupThisPage')}>
        {articles.map((article) => (
          <PageArticleRow
            key={article.id}
            article={article}
            status={statusOf.get(article.id)}
            collections={collections}
            onSave={(one) => onSave([one])}
            onAddToCollection={(one, collection) => onAddToCollection([one], collection)}
            onCreateCollection={onCreateCollection}
          />
        ))}
      </ul>
    </section>
  );
}
