import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { SimlitDB } from '@/lib/db/schema';
import { addToCollection, removeFromCollection, type CollectionWithCount } from '@/lib/db/collections';
import { addTags, removeTag, setNote, setSaved } from '@/lib/db/article-edits';
import { givenCitationKey } from '@/lib/db/citation-keys';
import { keywordList, type Article } from '@/lib/model/article';
import { displayName } from '@/lib/text/names';
import { doiUrl } from '@/lib/text/urls';
import { formatDate, formatDateTime, formatIssued, languageName } from '@/lib/format';
import type { MessageKey } from '@/lib/i18n';
import { missingFields } from '@/lib/model/completeness';
import { httpUrl } from '@/lib/text/urls';
import { unicodeHost } from '@/lib/text/unicode-host';
import { useI18n } from '../i18n-context';
import { useLiveQuery } from '../use-live-query';
import { articleHeadline, textLang } from '../article-text';
import { AlternativeVersions } from './AlternativeVersions';
import { ArticleEditor } from './ArticleEditor';
import { CopyCitation } from './CopyCitation';
import { DetailSimilar, type SimilarQuery } from './DetailSimilar';
import { ExternalLink } from './ExternalLink';
import { inPageFormatter, type Formatter } from './formatter';
import { useMissingList } from './IncompleteBadge';
import { platformName, typeName } from './labels';
import { TagAddForm } from './TagAddForm';

interface Props {
  db: SimlitDB;
  id: string;
  collections: CollectionWithCount[];
  formatter?: Formatter;
  onClose(): void;
  onDelete(ids: string[]): void;
  /** The reader changed these articles here (fields, tags, note): the search and the ranking index read them again. */
  onEdited?(ids: string[]): void;
  /** Similar articles from the background's index; the section is left out without it. */
  similar?: SimilarQuery;
  onOpen?(id: string): void;
}

/** A labelled value; a field the reader edited says so. */
function Field({ label, edited, children }: { label: MessageKey; edited?: boolean; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <>
      <dt>{t(label)}</dt>
      <dd>
        {children}
        {edited && <span class="edited-mark">{t('libraryEditedByYou')}</span>}
      </dd>
    </>
  );
}

/** Where the article was read: the platform, or for the generic readers the site and how. */
function sourceName(article: Article, t: ReturnType<typeof useI18n>['t']): string {
  const name = platformName(article.platform, t);
  const page = httpUrl(article.sightings.at(-1)?.pageUrl ?? article.URL);
  const generic = ['meta', 'doi', 'list', ''].includes(article.platform);
  return generic && page ? `${unicodeHost(new URL(page).hostname)} · ${name}` : name;
}

/** The bibliographic fields that are present, each as a labelled value. */
function Fields({ article }: { article: Article }) {
  const { t, tag } = useI18n();
  const edited = (field: string) => article.readerFields?.includes(field);
  const lang = textLang(article.language);
  const issued = formatIssued(article.issued?.['date-parts']?.[0], tag) ?? article.issued?.raw;
  const keywords = keywordList(article);
  return (
    <dl class="detail-fields">
      {article.author?.length ? (
        <Field label="libAuthors" edited={edited('author')}>
          <span lang={lang}>{article.author.map(displayName).join(', ')}</span>
        </Field>
      ) : null}
      {article['container-title'] && (
        <Field label="libSource" edited={edited('container-title')}>
          <span lang={lang}>{article['container-title']}</span>
        </Field>
      )}
      {issued && <Field label="libIssued" edited={edited('issued')}>{issued}</Field>}
      {article.volume && <Field label="libVolume" edited={edited('volume')}>{article.volume}</Field>}
      {article.issue && <Field label="libIssue" edited={edited('issue')}>{article.issue}</Field>}
      {article.page && <Field label="libPages" edited={edited('page')}>{article.page}</Field>}
      {article.number && <Field label="libNumber" edited={edited('number')}>{article.number}</Field>}
      {article.publisher && <Field label="libPublisher">{article.publisher}</Field>}
      {article.ISSN && <Field label="libIssn">{article.ISSN}</Field>}
      {article.DOI && (
        <Field label="libDoi" edited={edited('DOI')}>
          <ExternalLink href={doiUrl(article.DOI)} text={article.DOI} />
        </Field>
      )}
      {article.URL && (
        <Field label="libUrl" edited={edited('URL')}>
          <ExternalLink href={article.URL} />
        </Field>
      )}
      {article.pdfUrl && (
        <Field label="libPdf">
          <ExternalLink href={article.pdfUrl} />
        </Field>
      )}
      {article.citationKey && <Field label="libraryCitationKey"><code>{article.citationKey}</code></Field>}
      {article.language && <Field label="libLanguage" edited={edited('language')}>{languageName(article.language, tag)}</Field>}
      <Field label="libType" edited={edited('type')}>{typeName(article.type, t)}</Field>
      <Field label="libPlatform">{sourceName(article, t)}</Field>
      {keywords.length > 0 && (
        <Field label="libKeywords" edited={edited('keyword')}>
          <span lang={lang}>{keywords.join('; ')}</span>
        </Field>
      )}
    </dl>
  );
}

type Edited = { onEdited(ids: string[]): void };

function TagEditor({ db, article, onEdited }: { db: SimlitDB; article: Article } & Edited) {
  const { t } = useI18n();
  const ids = [article.id];
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
              <button type="button" class="chip-remove" aria-label={t('libRemoveTag', tagName)} onClick={() => void removeTag(db, ids, tagName).then(() => onEdited(ids))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <TagAddForm class="inline-form" onAdd={(tags) => addTags(db, ids, tags).then(() => onEdited(ids))} />
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
function NoteEditor({ db, article, onEdited }: { db: SimlitDB; article: Article } & Edited) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(article.note ?? '');
  const [saved, setSavedMessage] = useState(false);
  return (
    <form
      class="detail-section"
      onSubmit={async (event) => {
        event.preventDefault();
        await setNote(db, article.id, draft);
        onEdited([article.id]);
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
              {[platformName(sighting.platform, t), sighting.position !== undefined ? t('libPosition', sighting.position) : undefined, formatDateTime(sighting.capturedAt, tag)]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the record lacks, and how it gets completed: its own page, or the editor. */
function IncompleteNotice({ article }: { article: Article }) {
  const { t } = useI18n();
  const missing = missingFields(article);
  const list = useMissingList()(missing);
  if (!missing.length) return null;
  const page = httpUrl(article.URL) ?? httpUrl(article.sightings.at(-1)?.pageUrl);
  return (
    <div class="incomplete-notice" role="note">
      <p>{t('libraryIncompleteNotice', list)}</p>
      <p>
        {t('libraryIncompleteHowTo')}
        {page && (
          <>
            {' '}
            <ExternalLink href={page} text={t('libraryOpenArticlePage')} />
          </>
        )}
      </p>
    </div>
  );
}

type EditState = 'viewing' | 'editing' | 'saved' | 'unchanged';

/**
 * Everything about one article, with the reader's edits: its fields, save, tags, collections,
 * note, delete. Keyed by article in the library: opening another one starts afresh (statuses
 * such as "copied" or "saved" do not follow the reader to the next article).
 */
export function ArticleDetail({ db, id, collections, formatter = inPageFormatter, onClose, onDelete, onEdited = () => undefined, similar, onOpen }: Props) {
  const { t } = useI18n();
  const [edit, setEdit] = useState<EditState>('viewing');
  const { value: article } = useLiveQuery(async () => {
    const [stored, given] = await Promise.all([db.articles.get(id), givenCitationKey(db, id)]);
    if (!stored) return null;
    return given === undefined ? stored : { ...stored, citationKey: given };
  }, [db, id]);
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
  const editing = edit === 'editing';
  return (
    <aside class="detail" aria-labelledby="detail-title" data-article-id={article.id}>
      <div class="detail-head">
        <h2 id="detail-title" lang={lang} class={article.title ? undefined : 'is-untitled'}>{articleHeadline(article, t('untitled'))}</h2>
        <button type="button" class="secondary small" onClick={onClose}>{t('libClose')}</button>
      </div>
      {article.altTitle && (
        <p class="alt-title">
          <span class="visually-hidden">{t('libAltTitle')}: </span>
          <span lang="en">{article.altTitle}</span>
        </p>
      )}
      <IncompleteNotice article={article} />
      <div class="detail-actions">
        <button type="button" aria-pressed={saved} onClick={() => void setSaved(db, [article.id], !saved)}>
          {saved ? t('libUnsave') : t('save')}
        </button>
        <button type="button" class="secondary" aria-expanded={editing} onClick={() => setEdit(editing ? 'viewing' : 'editing')}>
          {t('libraryEdit')}
        </button>
        <button type="button" class="danger" onClick={() => onDelete([article.id])}>{t('libDeleteArticle')}</button>
      </div>
      <p class="muted" role="status">
        {edit === 'saved' ? t('libraryEditSaved') : edit === 'unchanged' ? t('libraryEditUnchanged') : ''}
      </p>
      <CopyCitation key={article.id} db={db} formatter={formatter} label={t('libCopyCitation')} load={async () => [article]} />
      {editing ? (
        <ArticleEditor
          db={db}
          article={article}
          onCancel={() => setEdit('viewing')}
          onSaved={(changed) => {
            setEdit(changed.length ? 'saved' : 'unchanged');
            if (changed.length) onEdited([article.id]);
          }}
        />
      ) : (
        <>
          <Fields article={article} />
          <AlternativeVersions db={db} article={article} onEdited={onEdited} />
        </>
      )}
      {article.abstract && !editing && (
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
      <NoteEditor db={db} article={article} onEdited={onEdited} />
      <TagEditor db={db} article={article} onEdited={onEdited} />
      <CollectionPicker db={db} article={article} collections={collections} />
      <CaptureHistory article={article} />
      {similar && onOpen && <DetailSimilar db={db} id={article.id} similar={similar} onOpen={onOpen} />}
    </aside>
  );
}
