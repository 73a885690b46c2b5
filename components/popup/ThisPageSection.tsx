import type { Article } from '@/lib/model/article';
import type { PageStatus } from '@/lib/capture/page-status';
import type { Translator } from '@/lib/i18n';
import { useI18n } from '../i18n-context';
import { CollectionPicker, type CollectionChoice } from './CollectionPicker';
import { PageArticleRow } from './PageArticleRow';

interface Props {
  status: PageStatus;
  articles: Article[];
  collections: CollectionChoice[];
  onSave(articles: Article[]): void;
  onAddToCollection(articles: Article[], collection: CollectionChoice): void;
  onCreateCollection(): Promise<CollectionChoice | undefined>;
}

/** "20 articles on this page: 3 new", as things stand now (saving changes it). */
export function pageSummary(t: Translator['t'], { total, fresh, saved }: PageStatus): string {
  if (total > 0 && saved === total) return t('popupCountAllSaved', total);
  if (saved === 0) return t('popupCount', total, fresh);
  return fresh > 0 ? t('popupCountSaved', total, fresh, saved) : t('popupCountOnlySaved', total, saved);
}

/** The articles captured from the current tab: new, already known, or merged into a known one. */
export function ThisPageSection({ status, articles, collections, onSave, onAddToCollection, onCreateCollection }: Props) {
  const { t } = useI18n();
  const unsaved = articles.filter((article) => article.savedAt === undefined);
  return (
    <section class="this-page" aria-labelledby="this-page-heading">
      <h2 id="this-page-heading" class="visually-hidden">{t('popupThisPage')}</h2>
      <div class="bulk">
        <p class="summary">{pageSummary(t, status)}</p>
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
      <ul class="article-list" aria-label={t('popupThisPage')}>
        {articles.map((article) => (
          <PageArticleRow
            key={article.id}
            article={article}
            status={status.statusOf(article.id)}
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
