import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ArticleSummary } from '@/lib/db/articles-query';
import type { SimlitDB } from '@/lib/db/schema';
import { formatDate } from '@/lib/format';
import type { MessageKey } from '@/lib/i18n';
import type { SearchHit } from '@/lib/search/library-search';
import { matchContext, type ContextField, type MatchContext } from '@/lib/search/match-context';
import { headline, textLang } from '../article-text';
import { useI18n } from '../i18n-context';
import { IncompleteBadge } from './IncompleteBadge';
import { Marked } from './Marked';
import { VirtualList } from './VirtualList';

export const ROW_HEIGHT = 64;
/** Rows of search results have a third line: where the article matched, when the row does not show it. */
export const SEARCH_ROW_HEIGHT = 86;

const CONTEXT_LABELS: Record<ContextField, MessageKey> = {
  authors: 'libAuthors',
  keywords: 'libKeywords',
  tags: 'libTags',
  doi: 'libDoi',
  note: 'libNote',
  abstract: 'libAbstract',
  altTitle: 'libAltTitle',
  altAbstract: 'libAltAbstract',
};

interface Props {
  db: SimlitDB;
  rows: readonly ArticleSummary[];
  selected: ReadonlySet<string>;
  openId?: string;
  /** While searching: what the search matched in each article, to mark. */
  matches?: Map<string, SearchHit>;
  onToggle(id: string, checked: boolean): void;
  onOpen(id: string): void;
  /** True while the rows are only the view's first (read through the indexes), the whole list being read. */
  busy?: boolean;
}

/** The matched stretch of the abstract, note, keywords... of a row in view; read when it comes into view. */
function RowContext({ db, id, terms, headline }: { db: SimlitDB; id: string; terms: string[]; headline: string }) {
  const { t } = useI18n();
  const [context, setContext] = useState<MatchContext>();
  const key = terms.join('\n');
  useEffect(() => {
    let current = true;
    void db.articles.get(id).then((article) => current && setContext(article && matchContext(article, terms, headline)));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, id, key, headline]);
  if (!context) return null;
  return (
    <span class="row-context">
      <span class="row-context-label">{t(CONTEXT_LABELS[context.field])}: </span>
      <Marked pieces={context.pieces} />
    </span>
  );
}

/** First author, year and journal: each in its own box, so that a long journal name never hides the year. */
function Byline({ row, terms }: { row: ArticleSummary; terms: string[] }) {
  const { t } = useI18n();
  const first = row.authors[0];
  const parts = [
    first && (
      <span class="row-author" key="author">
        <Marked text={first} terms={terms} />
        {row.authors.length > 1 ? ` ${t('libraryEtAl')}` : ''}
      </span>
    ),
    row.year !== undefined && <span class="row-year" key="year">{row.year}</span>,
    row.container && (
      <span class="row-journal" key="journal">
        <Marked text={row.container} terms={terms} />
      </span>
    ),
  ].filter(Boolean);
  return (
    <span class="row-byline">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <span class="row-sep"> · </span>}
          {part}
        </Fragment>
      ))}
    </span>
  );
}

/** The library's article list: one fixed-height row per article, only visible rows rendered. */
export function ArticleList({ db, rows, selected, openId, matches, onToggle, onOpen, busy }: Props) {
  const { t, tag } = useI18n();
  return (
    <VirtualList
      items={rows}
      rowHeight={matches ? SEARCH_ROW_HEIGHT : ROW_HEIGHT}
      keyOf={(row) => row.id}
      label={t('libListLabel')}
      busy={busy}
      renderRow={(row) => {
        const name = headline(row.title, row.abstractStart, t('untitled'));
        const terms = matches?.get(row.id)?.terms ?? [];
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
              <span class={`row-title${row.title ? '' : ' is-untitled'}`} lang={textLang(row.language)}>
                <Marked text={name} terms={terms} />
              </span>
              <Byline row={row} terms={terms} />
              {matches && terms.length > 0 && <RowContext db={db} id={row.id} terms={terms} headline={name} />}
            </button>
            <span class="row-meta">
              {row.missing.length > 0 && <IncompleteBadge missing={row.missing} />}
              {row.savedAt !== undefined && <span class="badge badge-saved">{t('libSavedBadge')}</span>}
              <span class="row-date">{formatDate(row.capturedAt, tag)}</span>
            </span>
          </div>
        );
      }}
    />
  );
}
