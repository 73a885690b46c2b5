import { useState } from 'preact/hooks';
import type { Article } from '@/lib/model/article';
import { useI18n } from '../i18n-context';
import { sharedPhrases } from '@/lib/text/highlight';
import { doiUrl, httpUrl } from '@/lib/text/urls';
import { articleByline, articleHeadline, textLang } from '../article-text';
import { Highlighted } from './Highlighted';

interface Props {
  article: Article;
  score: number;
  /** Score of the best result: bars are relative to it. */
  topScore: number;
  terms: string[];
  onPivot?(article: Article): void;
}

/** A similar article or search hit: score bar, shared terms marked, abstract on demand. */
export function RankedRow({ article, score, topScore, terms, onPivot }: Props) {
  const { t } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const title = articleHeadline(article, t('untitled'));
  const share = topScore > 0 ? Math.max(0.04, Math.min(1, score / topScore)) : 0;
  const percent = Math.round(share * 100);
  const url = httpUrl(article.URL ?? (article.DOI ? doiUrl(article.DOI) : undefined));
  const pdf = httpUrl(article.pdfUrl);
  const abstractId = `abstract-${article.id}`;
  const lang = textLang(article.language);
  const shared = sharedPhrases([article.title ?? '', article.keyword ?? '', article.abstract ?? ''], terms);
  return (
    <li class="ranked-row" data-article-id={article.id}>
      <div class="score" role="img" aria-label={t('popupScore', percent)} title={t('popupScore', percent)}>
        <span class="score-fill" style={{ width: `${percent}%` }} />
      </div>
      <div class="article-title" lang={lang}>
        <Highlighted text={title} terms={terms} />
      </div>
      <div class="article-byline">
        {articleByline(article)}
        {article.savedAt !== undefined && <span class="badge badge-saved">{t('saved')}</span>}
        {article.collections.length > 0 && <span class="badge">{t('popupInCollections', article.collections.length)}</span>}
      </div>
      {shared.length > 0 && <div class="shared-terms">{t('popupSharedTerms', shared.join(' · '))}</div>}
      {expanded && article.abstract && (
        <p id={abstractId} class="abstract" lang={lang}>
          <Highlighted text={article.abstract} terms={terms} />
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
