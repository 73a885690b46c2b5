import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { SimlitDB } from '@/lib/db/schema';
import { editArticle } from '@/lib/db/article-edits';
import type { MessageKey } from '@/lib/i18n';
import type { Article } from '@/lib/model/article';
import { CSL_TYPES, draftOf, readDraft, type DraftField, type EditDraft, type FieldProblem, type NameInput } from '@/lib/model/edit-fields';
import { languageName } from '@/lib/format';
import { useI18n } from '../i18n-context';
import { typeName } from './labels';

const PROBLEMS: Record<FieldProblem, MessageKey> = {
  date: 'libraryEditBadDate',
  doi: 'libraryEditBadDoi',
  url: 'libraryEditBadUrl',
  language: 'libraryEditBadLanguage',
  type: 'libraryEditBadType',
};

/** Languages offered first; another code already stored is offered too. */
const LANGUAGES = ['zh', 'en', 'ja', 'ko', 'de', 'fr', 'ru', 'es', 'pt'];

type Problems = Partial<Record<DraftField, FieldProblem>>;

interface Props {
  db: SimlitDB;
  article: Article;
  /** After saving, with the CSL names of the fields that changed (none: nothing was saved). */
  onSaved(changed: string[]): void;
  onCancel(): void;
}

const fieldId = (field: string) => `edit-${field}`;

/** A labelled input of the form, with its problem said beside it. */
function FormField({ field, label, problem, children }: { field: DraftField; label: MessageKey; problem?: FieldProblem; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <div class={`edit-field edit-${field}${problem ? ' has-problem' : ''}`}>
      <label for={fieldId(field)}>{t(label)}</label>
      {children}
      {problem && (
        <p class="field-problem" id={`${fieldId(field)}-problem`}>
          {t(PROBLEMS[problem])}
        </p>
      )}
    </div>
  );
}

/** The inputs of a name typed whole, or as family and given names: part, label, placeholder. */
const NAME_PARTS: Record<'whole' | 'split', [keyof Omit<NameInput, 'whole'>, MessageKey, MessageKey?][]> = {
  whole: [['literal', 'libraryEditAuthorName']],
  split: [
    ['family', 'libraryEditAuthorFamily', 'libraryEditFamily'],
    ['given', 'libraryEditAuthorGiven', 'libraryEditGiven'],
  ],
};

function AuthorRows({ authors, onChange, wholeByDefault }: { authors: NameInput[]; onChange(authors: NameInput[]): void; wholeByDefault: boolean }) {
  const { t } = useI18n();
  const set = (index: number, change: Partial<NameInput>) => onChange(authors.map((name, i) => (i === index ? { ...name, ...change } : name)));
  const move = (index: number, by: number) => {
    const next = [...authors];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    onChange(next);
  };
  return (
    <fieldset class="edit-authors">
      <legend>{t('libAuthors')}</legend>
      {authors.length === 0 && <p class="muted">{t('libraryEditNoAuthors')}</p>}
      <ol>
        {authors.map((name, i) => {
          const n = i + 1;
          return (
            <li key={i} class="edit-author">
              <label class="visually-hidden" for={`edit-author-${i}-form`}>{t('libraryEditAuthorForm', n)}</label>
              <select id={`edit-author-${i}-form`} value={name.whole ? 'whole' : 'split'} onChange={(event) => set(i, { whole: (event.currentTarget as HTMLSelectElement).value === 'whole' })}>
                <option value="whole">{t('libraryEditAuthorWhole')}</option>
                <option value="split">{t('libraryEditAuthorSplit')}</option>
              </select>
              {(name.whole ? NAME_PARTS.whole : NAME_PARTS.split).map(([part, label, placeholder]) => (
                <input
                  key={part}
                  type="text"
                  aria-label={t(label, n)}
                  placeholder={placeholder && t(placeholder)}
                  value={name[part]}
                  onInput={(event) => set(i, { [part]: (event.currentTarget as HTMLInputElement).value })}
                />
              ))}
              <span class="edit-author-actions">
                <button type="button" class="secondary small" disabled={i === 0} aria-label={t('libraryEditAuthorUp', n)} onClick={() => move(i, -1)}>↑</button>
                <button type="button" class="secondary small" disabled={i === authors.length - 1} aria-label={t('libraryEditAuthorDown', n)} onClick={() => move(i, 1)}>↓</button>
                <button type="button" class="secondary small" aria-label={t('libraryEditAuthorRemove', n)} onClick={() => onChange(authors.filter((_, j) => j !== i))}>×</button>
              </span>
            </li>
          );
        })}
      </ol>
      <button type="button" class="secondary small" onClick={() => onChange([...authors, { whole: wholeByDefault, literal: '', family: '', given: '' }])}>
        {t('libraryEditAddAuthor')}
      </button>
    </fieldset>
  );
}

/**
 * Every bibliographic field of an article, editable: checked as a whole before saving (a date, DOI
 * or address that cannot be read is said beside its field), saved through editArticle, which
 * marks the changed fields as the reader's.
 */
export function ArticleEditor({ db, article, onSaved, onCancel }: Props) {
  const { t, tag } = useI18n();
  const [draft, setDraft] = useState<EditDraft>(() => draftOf(article));
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const update = (field: DraftField) => (event: Event) => {
    setDraft({ ...draft, [field]: (event.currentTarget as HTMLInputElement).value });
    if (problems[field]) setProblems({ ...problems, [field]: undefined });
  };
  const inputProps = (field: DraftField) => ({
    id: fieldId(field),
    value: draft[field],
    onInput: update(field),
    // Selects report a choice by "change" (and by "input" only in some browsers).
    onChange: update(field),
    'aria-invalid': problems[field] ? true : undefined,
    'aria-describedby': problems[field] ? `${fieldId(field)}-problem` : undefined,
  });

  async function save() {
    const { patch, problems: found } = readDraft(draft, article);
    const wrong = Object.keys(found) as DraftField[];
    setProblems(found);
    if (wrong.length) {
      form.current?.querySelector<HTMLElement>(`#${fieldId(wrong[0])}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      onSaved(await editArticle(db, article.id, patch));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      setBusy(false);
    }
  }

  const problemCount = Object.values(problems).filter(Boolean).length;
  const languages = draft.language && !LANGUAGES.includes(draft.language) ? [...LANGUAGES, draft.language] : LANGUAGES;
  return (
    <form
      ref={form}
      class="article-editor"
      aria-label={t('libraryEditHeading')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) void save();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onCancel();
      }}
    >
      {problemCount > 0 && (
        <p class="error" role="alert">
          {t('libraryEditProblems', problemCount)}
        </p>
      )}
      <FormField field="title" label="libraryEditTitle">
        <textarea rows={2} {...inputProps('title')} />
      </FormField>
      <AuthorRows
        authors={draft.authors}
        onChange={(authors) => setDraft({ ...draft, authors })}
        wholeByDefault={article.language === 'zh' || tag.startsWith('zh')}
      />
      <div class="edit-grid">
        <FormField field="type" label="libType" problem={problems.type}>
          <select {...inputProps('type')}>
            {(CSL_TYPES as readonly string[]).includes(draft.type) ? null : <option value={draft.type}>{draft.type}</option>}
            {CSL_TYPES.map((type) => (
              <option key={type} value={type}>{typeName(type, t)}</option>
            ))}
          </select>
        </FormField>
        <FormField field="issued" label="libIssued" problem={problems.issued}>
          <input type="text" inputMode="numeric" placeholder="2021-05-03" {...inputProps('issued')} />
        </FormField>
        <FormField field="container" label="libraryEditContainer">
          <input type="text" {...inputProps('container')} />
        </FormField>
        <FormField field="volume" label="libVolume">
          <input type="text" {...inputProps('volume')} />
        </FormField>
        <FormField field="issue" label="libIssue">
          <input type="text" {...inputProps('issue')} />
        </FormField>
        <FormField field="page" label="libPages">
          <input type="text" placeholder="33-47" {...inputProps('page')} />
        </FormField>
        <FormField field="number" label="libNumber">
          <input type="text" placeholder="e0123456" {...inputProps('number')} />
        </FormField>
        <FormField field="DOI" label="libDoi" problem={problems.DOI}>
          <input type="text" spellcheck={false} placeholder="10.1000/xyz123" {...inputProps('DOI')} />
        </FormField>
        <FormField field="URL" label="libUrl" problem={problems.URL}>
          <input type="url" spellcheck={false} placeholder="https://" {...inputProps('URL')} />
        </FormField>
        <FormField field="language" label="libLanguage" problem={problems.language}>
          <select {...inputProps('language')}>
            <option value="">{t('libraryEditLanguageNone')}</option>
            {languages.map((code) => (
              <option key={code} value={code}>{languageName(code, tag)}</option>
            ))}
          </select>
        </FormField>
      </div>
      <FormField field="keyword" label="libKeywords">
        <input type="text" {...inputProps('keyword')} aria-describedby="edit-keyword-help" />
        <span class="help" id="edit-keyword-help">{t('libraryEditKeywordsHelp')}</span>
      </FormField>
      <FormField field="abstract" label="libAbstract">
        <textarea rows={8} {...inputProps('abstract')} />
      </FormField>
      {failure && <p class="error" role="alert">{t('libraryEditFailed', failure)}</p>}
      <div class="edit-actions">
        <button type="submit" disabled={busy}>{t('libraryEditSave')}</button>
        <button type="button" class="secondary" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
