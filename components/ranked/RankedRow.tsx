import { useState } from 'preact/hooks';
import type { Article } from '@/lib/model/article';
import type { MessageKey } from '@/lib/i18n';
import type { SimilarityLevel } from '@/lib/ranking/calibration';
import { doiUrl, httpUrl } from '@/lib/text/urls';
import { useI18n } from '../i18n-context';
import { articleByline, articleHeadline, textLang } from '../article-text';
import { Highlighted } from './Highlighted';
import { useSharedWords } from './use-shared-words';

/** How a similar article matches: its score read on the calibrated scale, and what it shares. */
export interface RowMatch {
  score: number;
  level: SimilarityLevel;
  /** Bar length, 0..1. */
  bar: number;
  terms: string[];
  /** The query articles' texts: a word counts as shared only where they hold it too. */
  queryTexts: readonly string[];
}

type Props = { article: Article; onPivot?(article: Article): void } & ({ match: RowMatch } | { searchTerms: string[] });

const NO_TERMS: readonly string[] = [];

const LEVEL_LABEL: Record<SimilarityLevel, MessageKey> = { close: 'similarLevelClose', similar: 'similarLevelSimilar', weak: 'similarLevelWeak' };

/** The texts of an article that words are shared in. */
export function articleTexts(article: Article): string[] {
  return [article.title ?? '', article.keyword ?? '', article.abstract ?? ''];
}

/** A similar article (score bar, shared words marked) or a search hit (search terms marked); abstract on demand. */
export function RankedRow(props: Props) {
  const { article, onPivot } = props;
  const match = 'match' in props ? props.match : undefined;
  const { t } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const found = useSharedWords(match?.terms ?? NO_TERMS, articleTexts(article), match?.queryTexts ?? NO_TERMS);
  const words = (match && found) || [];
  const marks = match ? { words } : { terms: 'searchTerms' in props ? props.searchTerms : [] };
  const title = articleHeadline(article, t('untitled'));
  const url = httpUrl(article.URL ?? (article.DOI ? doiUrl(article.DOI) : undefined));
  const pdf = httpUrl(article.pdfUrl);
  const abstractId = `abstract-${article.id}`;
  const lang = textLang(article.language);
  const level = match && t(LEVEL_LABEL[match.level]);
  return (
    <li class={`ranked-row${match ? ` level-${match.level}` : ''}`} data-article-id={article.id} data-shared-words={match && (found ? 'found' : 'finding')}>
      {match && (
        <div class="row-score">
          <div class="score" role="img" aria-label={t('similarScore', level!, match.score.toFixed(2))} title={t('similarScore', level!, match.score.toFixed(2))}>
            <span class="score-fill" style={{ width: `${Math.round(match.bar * 100)}%` }} />
          </div>
          <span class="level">{level}</span>
        </div>
      )}
      <div class="article-title clamp-2" lang={lang}>
        <Highlighted text={title} {...marks} />
      </div>
      <div class="article-byline">
        {articleByline(article)}
        {article.savedAt !== undefined && <span class="badge badge-saved">{t('saved')}</span>}
        {article.collections.length > 0 && <span class="badge">{t('popupInCollections', article.collections.length)}</span>}
      </div>
      {words.length > 0 && (
        <div class="shared-terms">{t('popupSharedTerms', words.map((word) => word.text).join(' · '))}</div>
      )}
      {expanded && article.abstract && (
        <p id={abstractId} class="abstract" lang={lang}>
          <Highlighted text={article.abstract} {...marks} />
        </p>
      )}
      <div class="row-actions">
        {article.abstract && (
          <button type="button" class="link-button" aria-expanded={expanded} aria-controls={abstractId} aria-label={t('popupShowAbstractOf', title)} onClick={() => setExpanded(!expanded)}>
            {t('popupShowAbstract')}
          </button>
        )}
        {url && (
          <a href={url} target="_blank" rel="noopener noreferrer" aria-label={t('popupOpenSourceOf', title)}>
            {t('popupOpenSource')}
          </a>
        )}
        {pdf && (
          <a href={pdf} target="_blank" rel="noopener noreferrer" aria-label={t('popupOpenPdfOf', title)}>
            PDF
          </a>
        )}
        {onPivot && (
          <button type="button" class="link-button" aria-label={t('popupMoreLikeThisOf', title)} onClick={() => onPivot(article)}>
            {t('popupMoreLikeThis')}
          </button>
        )}
      </div>
    </li>
  );
}
