import type { ArticleSummary } from '@/lib/db/articles-query';
import { formatDate } from '@/lib/format';
import { byline, headline, textLang } from '../article-text';
import { useI18n } from '../i18n-context';
import { VirtualList } from './VirtualList';

export const ROW_HEIGHT = 64;


interface Props {
  rows: readonly ArticleSummary[];
  selected: ReadonlySet<string>;
  openId?: string;
  onToggle(id: string, checked: boolean): void;
  onOpen(id: string): void;
}

/** The library's article list: one fixed-height row per article, only visible rows rendered. */
export function ArticleList({ rows, selected, openId, onToggle, onOpen }: Props) {
  const { t, tag } = useI18n();
  return (
    <VirtualList
      items={rows}
      rowHeight={ROW_HEIGHT}
      keyOf={(row) => row.id}
      label={t('libListLabel')}
      renderRow={(row) => {
        const name = headline(row.title, row.abstractStart, t('untitled'));
        return (
          <div class={`library-row${row.id === openId ? ' is-open' : ''}${selected.has(row.id) ? ' is-selected' : ''}`} data-article-id={row.id}>
            <input
              type="checkbox"
              checked={selected.has(row.id)}
              aria-label={t('libSelectArticle', name)}
              onChange={(event) => onToggle(row.id, (event.currentTarget as HTMLInputElement).checked)}
            />
            <button
              type="button"
              class="row-open"
              data-row-focus
              aria-current={row.id === openId ? 'true' : undefined}
              onClick={() => onOpen(row.id)}
            >
              <span class="row-title" lang={textLang(row.language)}>{name}</span>
              <span class="row-byline">{byline(row.authors, row.container, row.year)}</span>
            </button>
            <span class="row-meta">
              {row.savedAt !== undefined && <span class="badge badge-saved">{t('libSavedBadge')}</span>}
              <span class="row-date">{formatDate(row.capturedAt, tag)}</span>
            </span>
          </div>
        );
      }}
    />
  );
}
