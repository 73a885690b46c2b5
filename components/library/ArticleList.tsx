import type { ArticleSummary } from '@/lib/db/articles-query';
import { formatDate } from '@/lib/format';
import { useI18n } from '../i18n-context';
import { VirtualList } from './VirtualList';

export const ROW_HEIGHT = 64;

/** What the list shows as an article's name: its title, else the start of its abstract. */
export function rowHeadline(row: Pick<ArticleSummary, 'title' | 'abstractStart'>, untitled: string): string {
  if (row.title) return row.title;
  if (row.abstractStart) return row.abstractStart.length > 90 ? `${row.abstractStart.slice(0, 90)}…` : row.abstractStart;
  return untitled;
}

/** The `lang` attribute for an article's text, so screen readers and fonts pick the right language. */
export function textLang(language: string | undefined): string | undefined {
  return language === 'zh' ? 'zh-CN' : language || undefined;
}

function byline(row: ArticleSummary): string {
  const authors = row.authors.length > 3 ? `${row.authors.slice(0, 3).join(', ')} …` : row.authors.join(', ');
  return [authors, row.container, row.year].filter(Boolean).join(' · ');
}

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
        const headline = rowHeadline(row, t('untitled'));
        return (
          <div class={`library-row${row.id === openId ? ' is-open' : ''}${selected.has(row.id) ? ' is-selected' : ''}`} data-article-id={row.id}>
            <input
              type="checkbox"
              checked={selected.has(row.id)}
              aria-label={t('libSelectArticle', headline)}
              onChange={(event) => onToggle(row.id, (event.currentTarget as HTMLInputElement).checked)}
            />
            <button
              type="button"
              class="row-open"
              data-row-focus
              aria-current={row.id === openId ? 'true' : undefined}
              onClick={() => onOpen(row.id)}
            >
              <span class="row-title" lang={textLang(row.language)}>{headline}</span>
              <span class="row-byline">{byline(row)}</span>
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
