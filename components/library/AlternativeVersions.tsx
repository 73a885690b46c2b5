import { Fragment } from 'preact';
import type { SimlitDB } from '@/lib/db/schema';
import { chooseAlternativeVersion, dismissAlternativeVersion } from '@/lib/db/alternatives';
import { formatDate, formatIssued } from '@/lib/format';
import type { MessageKey } from '@/lib/i18n';
import { keywordList, type AlternativeFields, type AlternativeVersion, type Article } from '@/lib/model/article';
import { displayName } from '@/lib/text/names';
import { normalizeHost } from '@/lib/text/urls';
import { useI18n } from '../i18n-context';
import { ExternalLink } from './ExternalLink';

const LABELS: Record<keyof AlternativeFields, MessageKey> = {
  title: 'securityAltTitle',
  altTitle: 'libAltTitle',
  author: 'libAuthors',
  'container-title': 'libSource',
  'container-title-short': 'libSource',
  issued: 'libIssued',
  volume: 'libVolume',
  issue: 'libIssue',
  page: 'libPages',
  number: 'libNumber',
  ISSN: 'libIssn',
  publisher: 'libPublisher',
  DOI: 'libDoi',
  URL: 'libUrl',
  pdfUrl: 'libPdf',
  abstract: 'libAbstract',
  altAbstract: 'libAltAbstract',
  keyword: 'libKeywords',
  language: 'libLanguage',
  type: 'libType',
  source: 'libSource',
};

/** A field's value as text: names joined, a date as a date; always rendered as text, never markup. */
function shown(fields: AlternativeFields, field: keyof AlternativeFields, tag: string): string {
  if (field === 'author') return (fields.author ?? []).map(displayName).join(', ');
  if (field === 'issued') return formatIssued(fields.issued?.['date-parts']?.[0], tag) ?? fields.issued?.raw ?? '';
  if (field === 'keyword') return keywordList(fields).join('; ');
  return String(fields[field] ?? '');
}

function Source({ version }: { version: AlternativeVersion }) {
  const { t, tag } = useI18n();
  const when = formatDate(version.source.capturedAt, tag);
  if (!version.source.pageUrl) return <p class="muted">{t('securityAltFromFile', when)}</p>;
  const host = normalizeHost(version.source.pageUrl) ?? version.source.pageUrl;
  // The message places the site; the site is a link, so the message is cut where it goes.
  const [before, after] = t('securityAltFrom', '\u0000', when).split('\u0000');
  return (
    <p class="muted">
      {before}
      <ExternalLink href={version.source.pageUrl} text={host} />
      {after}
    </p>
  );
}

/**
 * What other pages (or an imported file) say about this article where they could not change it,
 * newest first; the reader can use a version (its values become theirs) or dismiss it. `onEdited`
 * is told once either is written, so that the search and the similarity index read the article
 * again (a chosen title or abstract is what they rank).
 */
export function AlternativeVersions({ db, article, onEdited }: { db: SimlitDB; article: Article; onEdited(ids: string[]): void }) {
  const { t, tag } = useI18n();
  const versions = (article.alternatives ?? []).map((version, index) => ({ version, index })).reverse();
  if (!versions.length) return null;
  return (
    <section class="detail-section alternatives" aria-labelledby="detail-alternatives">
      <h3 id="detail-alternatives">{t('securityAltHeading', versions.length)}</h3>
      <p class="help">{t('securityAltHelp')}</p>
      <ol class="alternative-list">
        {versions.map(({ version, index }) => (
          <li key={`${index}-${version.source.capturedAt}`} class="alternative">
            <Source version={version} />
            <dl class="detail-fields">
              {(Object.keys(LABELS) as (keyof AlternativeFields)[])
                .filter((field) => version.fields[field] !== undefined)
                .map((field) => (
                  <Fragment key={field}>
                    <dt>{t(LABELS[field])}</dt>
                    <dd>{shown(version.fields, field, tag)}</dd>
                  </Fragment>
                ))}
            </dl>
            <div class="detail-actions">
              <button type="button" onClick={() => void chooseAlternativeVersion(db, article.id, index).then(() => onEdited([article.id]))}>{t('securityAltUse')}</button>
              <button type="button" class="secondary" onClick={() => void dismissAlternativeVersion(db, article.id, index).then(() => onEdited([article.id]))}>
                {t('securityAltDismiss')}
              </button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
