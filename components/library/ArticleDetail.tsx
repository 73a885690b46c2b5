import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { SimlitDB } from '@/lib/db/schema';
import { addToCollection, removeFromCollection, type CollectionWithCount } from '@/lib/db/collections';
import { addTags, removeTag, setNote, setSaved } from '@/lib/db/article-edits';
import { keywordList, type Article } from '@/lib/model/article';
import { displayName } from '@/lib/text/names';
import { doiUrl } from '@/lib/text/urls';
import { formatDate, formatDateTime, formatIssued } from '@/lib/format';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../i18n-context';
import { useLiveQuery } from '../use-live-query';
import { textLang } from '../article-text';
import { AlternativeVersions } from './AlternativeVersions';
import { CopyCitation } from './CopyCitation';
import { DetailSimilar, type SimilarQuery } from './DetailSimilar';
import { ExternalLink } from './ExternalLink';
import { inPageFormatter, type Formatter } from './formatter';
import { languageName } from './LibraryFilters';
import { TagAddForm } from './TagAddForm';

interface Props {
  db: SimlitDB;
  id: string;
  collections: CollectionWithCount[];
  formatter?: Formatter;
  onClose(): void;
  onDelete(ids: string[]): void;
  /** Similar articles from the background's index; the section is left out without it. */
  similar?: SimilarQuery;
  onOpen?(id: string): void;
}

function Field({ label, children }: { label: MessageKey; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <>
      <dt>{t(label)}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The bibliographic fields that are present, each as a labelled value. */
function Fields({ article }: { article: Article }) {
  const { tag } = useI18n();
  const lang = textLang(article.language);
  const issued = formatIssued(article.issued?.['date-parts']?.[0], tag) ?? article.issued?.raw;
  const keywords = keywordList(article);
  return (
    <dl class="detail-fields">
      {article.author?.length ? (
        <Field label="libAuthors">
          <span lang={lang}>{article.author.map(displayName).join(', ')}</span>
        </Field>
      ) : null}
      {article['container-title'] && (
        <Field label="libSource">
          <span lang={lang}>{article['container-title']}</span>
        </Field>
      )}
      {issued && <Field label="libIssued">{issued}</Field>}
      {article.volume && <Field label="libVolume">{article.volume}</Field>}
      {article.issue && <Field label="libIssue">{article.issue}</Field>}
      {article.page && <Field label="libPages">{article.page}</Field>}
      {article.publisher && <Field label="libPublisher">{article.publisher}</Field>}
      {article.ISSN && <Field label="libIssn">{article.ISSN}</Field>}
      {article.DOI && (
        <Field label="libDoi">
          <ExternalLink href={doiUrl(article.DOI)} text={article.DOI} />
        </Field>
      )}
      {article.URL && (
        <Field label="libUrl">
          <ExternalLink href={article.URL} />
        </Field>
      )}
      {article.pdfUrl && (
        <Field label="libPdf">
          <ExternalLink href={article.pdfUrl} />
        </Field>
      )}
      {article.language && <Field label="libLanguage">{languageName(article.language, tag)}</Field>}
      <Field label="libType">{article.type}</Field>
      <Field label="libPlatform">{article.platform}</Field>
      {keywords.length > 0 && (
        <Field label="libKeywords">
          <span lang={lang}>{keywords.join('; ')}</span>
        </Field>
      )}
    </dl>
  );
}

function TagEditor({ db, article }: { db: SimlitDB; article: Article }) {
  const { t } = useI18n();
  return (
    <section class="detail-section" aria-labelledby="detail-tags">
      <h3 id="detail-tags">{t('libTags')}</h3>
      {article.tags.length === 0 ? (
        <p class="muted">{t('libNoTags')}</p>
      ) : (
        <ul class="chips">
          {article.tags.map((tagName) => (
            <li key={tagName} class="chip">
              <span>{tagName}</span>
              <button type="button" class="chip-remove" aria-label={t('libRemoveTag', tagName)} onClick={() => void removeTag(db, [article.id], tagName)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <TagAddForm class="inline-form" onAdd={(tags) => addTags(db, [article.id], tags)} />
    </section>
  );
}

function CollectionPicker({ db, article, collections }: { db: SimlitDB; article: Article; collections: CollectionWithCount[] }) {
  const { t } = useI18n();
  return (
    <fieldset class="detail-section">
      <legend>{t('libCollectionsHeading')}</legend>
      {collections.length === 0 && <p class="muted">{t('libNoCollections')}</p>}
      {collections.map((collection) => (
        <label key={collection.id} class="check">
          <input
            type="checkbox"
            checked={article.collections.includes(collection.id)}
            onChange={(event) => {
              const change = (event.currentTarget as HTMLInputElement).checked ? addToCollection : removeFromCollection;
              void change(db, collection.id, [article.id]);
            }}
          />
          <span>{collection.name}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Keyed by article: another article starts a new draft; a live update of this one keeps what is typed. */
function NoteEditor({ db, article }: { db: SimlitDB; article: Article }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(article.note ?? '');
  const [saved, setSavedMessage] = useState(false);
  return (
    <form
      class="detail-section"
      onSubmit={async (event) => {
        event.preventDefault();
        await setNote(db, article.id, draft);
        setSavedMessage(true);
      }}
    >
      <label class="stacked">
        <span class="section-label">{t('libNote')}</span>
        <textarea rows={4} value={draft} onInput={(event) => {
          setDraft((event.currentTarget as HTMLTextAreaElement).value);
          setSavedMessage(false);
        }} />
      </label>
      <button type="submit" disabled={draft === (article.note ?? '')}>{t('libSaveNote')}</button>
      <span role="status" class="muted">{saved ? t('libNoteSaved') : ''}</span>
    </form>
  );
}

function CaptureHistory({ article }: { article: Article }) {
  const { t, tag } = useI18n();
  return (
    <section class="detail-section" aria-labelledby="detail-history">
      <h3 id="detail-history">{t('libCaptureHistory')}</h3>
      <p>{t('libFirstCaptured', formatDate(article.capturedAt, tag))}</p>
      <ul class="sightings">
        {[...article.sightings].reverse().map((sighting) => (
          <li key={`${sighting.pageUrl} ${sighting.capturedAt}`}>
            <ExternalLink href={sighting.pageUrl} />
            <span class="muted">
              {' · '}
              {[sighting.platform, sighting.position !== undefined ? t('libPosition', sighting.position) : undefined, formatDateTime(sighting.capturedAt, tag)]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Everything about one article, with the reader's edits: save, tags, collections, note, delete. */
export function ArticleDetail({ db, id, collections, formatter = inPageFormatter, onClose, onDelete, similar, onOpen }: Props) {
  const { t } = useI18n();
  const { value: article } = useLiveQuery(async () => (await db.articles.get(id)) ?? null, [db, id]);
  if (article === undefined) return <aside class="detail" aria-label={t('libDetailHeading')} />;
  if (article === null) {
    return (
      <aside class="detail" aria-label={t('libDetailHeading')}>
        <p class="muted">{t('libDetailEmpty')}</p>
      </aside>
    );
  }
  const lang = textLang(article.language);
  const saved = article.savedAt !== undefined;
  return (
    <aside class="detail" aria-labelledby="detail-title" data-article-id={article.id}>
      <div class="detail-head">
        <h2 id="detail-title" lang={lang}>{article.title || t('untitled')}</h2>
        <button type="button" class="secondary small" onClick={onClose}>{t('libClose')}</button>
      </div>
      {article.altTitle && (
        <p class="alt-title">
          <span class="visually-hidden">{t('libAltTitle')}: </span>
          <span lang="en">{article.altTitle}</span>
        </p>
      )}
      <div class="detail-actions">
        <button type="button" aria-pressed={saved} onClick={() => void setSaved(db, [article.id], !saved)}>
          {saved ? t('libUnsave') : t('save')}
        </button>
        <button type="button" class="danger" onClick={() => onDelete([article.id])}>{t('libDeleteArticle')}</button>
      </div>
      <CopyCitation key={article.id} db={db} formatter={formatter} label={t('libCopyCitation')} load={async () => [article]} />
      <Fields article={article} />
      <AlternativeVersions db={db} article={article} />
      {article.abstract && (
        <section class="detail-section" aria-labelledby="detail-abstract">
          <h3 id="detail-abstract">{t('libAbstract')}</h3>
          <p class="abstract" lang={lang}>{article.abstract}</p>
        </section>
      )}
      {article.altAbstract && (
        <section class="detail-section" aria-labelledby="detail-alt-abstract">
          <h3 id="detail-alt-abstract">{t('libAltAbstract')}</h3>
          <p class="abstract" lang="en">{article.altAbstract}</p>
        </section>
      )}
      <NoteEditor key={article.id} db={db} article={article} />
      <TagEditor db={db} article={article} />
      <CollectionPicker db={db} article={article} collections={collections} />
      <CaptureHistory article={article} />
      {similar && onOpen && <DetailSimilar db={db} id={article.id} similar={similar} onOpen={onOpen} />}
    </aside>
  );
}
