import { useState } from 'preact/hooks';
import type { SimlitDB } from '@/lib/db/schema';
import { CollectionNameError, createCollection, deleteCollection, renameCollection, type CollectionWithCount } from '@/lib/db/collections';
import type { MessageKey } from '@/lib/i18n';
import { formatNumber } from '@/lib/format';
import { storageErrorMessage } from '@/lib/db/errors';
import { ConfirmButton } from '../ConfirmButton';
import { ErrorMessage } from '../ErrorMessage';
import { useI18n } from '../i18n-context';

const NAME_ERRORS: Record<CollectionNameError['reason'], MessageKey> = {
  empty: 'libNameEmpty',
  'too-long': 'libNameTooLong',
  duplicate: 'libNameDuplicate',
};

/** The message key for a refused name, or rethrows anything else. */
function nameError(error: unknown): MessageKey {
  if (error instanceof CollectionNameError) return NAME_ERRORS[error.reason];
  throw error;
}

interface NameFormProps {
  label: string;
  submitLabel: string;
  initial?: string;
  onSubmit(name: string): Promise<void>;
  onCancel?: () => void;
}

/** A name input with its submit button; shows why a name was refused. */
function NameForm({ label, submitLabel, initial = '', onSubmit, onCancel }: NameFormProps) {
  const { t } = useI18n();
  const [name, setName] = useState(initial);
  const [error, setError] = useState<MessageKey>();
  return (
    <form
      class="name-form"
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          await onSubmit(name);
          setName('');
          setError(undefined);
        } catch (caught) {
          setError(nameError(caught));
        }
      }}
    >
      <label>
        <span class="visually-hidden">{label}</span>
        <input
          type="text"
          value={name}
          placeholder={label}
          autoFocus={Boolean(onCancel)}
          aria-invalid={error ? true : undefined}
          onInput={(event) => setName((event.currentTarget as HTMLInputElement).value)}
          onKeyDown={(event) => event.key === 'Escape' && onCancel?.()}
        />
      </label>
      <button type="submit">{submitLabel}</button>
      {onCancel && <button type="button" class="secondary" onClick={onCancel}>{t('cancel')}</button>}
      {error && <p class="error" role="alert">{t(error)}</p>}
    </form>
  );
}

interface Props {
  db: SimlitDB;
  collections: CollectionWithCount[];
  /** Articles in the library; undefined until counted (then no number is shown). */
  total: number | undefined;
  current?: string;
  onSelect(id: string | undefined): void;
  /** Told when a collection's deletion starts and ends: its members are taken out a chunk at a time. */
  onBusy?(busy: boolean): void;
}

/** A collection being deleted (how many of its members are taken out so far), or whose deletion failed. */
type Removal = { id: string; name: string; done: number; total: number } | { id: string; name: string; failed: string };

/** The collections: choose one to show its articles; create, rename and delete them. */
export function CollectionsPanel({ db, collections, total, current, onSelect, onBusy }: Props) {
  const { t, tag } = useI18n();
  const n = (count: number) => formatNumber(count, tag);
  const [renaming, setRenaming] = useState<string>();
  const [removal, setRemoval] = useState<Removal>();
  const remove = async ({ id, name, count }: CollectionWithCount) => {
    if (current === id) onSelect(undefined);
    setRemoval({ id, name, done: 0, total: count });
    onBusy?.(true);
    try {
      // Its progress stays shown until the list, read again when the deletion ends, drops it.
      await deleteCollection(db, id, Date.now(), { onProgress: (done, all) => setRemoval({ id, name, done, total: all }) });
    } catch (error) {
      setRemoval({ id, name, failed: storageErrorMessage(error, { t }) });
    } finally {
      onBusy?.(false);
    }
  };
  return (
    <section class="collections" aria-labelledby="collections-heading">
      <h2 id="collections-heading">{t('libCollectionsHeading')}</h2>
      <ul>
        <li>
          <button type="button" class="collection-choice" aria-current={current === undefined ? 'true' : undefined} onClick={() => onSelect(undefined)}>
            {total === undefined ? t('libAllArticles') : t('libFacetOption', t('libAllArticles'), n(total))}
          </button>
        </li>
        {collections.map((collection) => (
          <li key={collection.id} data-collection-id={collection.id}>
            {renaming === collection.id ? (
              <NameForm
                label={t('libRenameCollection', collection.name)}
                submitLabel={t('libRename')}
                initial={collection.name}
                onSubmit={async (name) => {
                  await renameCollection(db, collection.id, name);
                  setRenaming(undefined);
                }}
                onCancel={() => setRenaming(undefined)}
              />
            ) : (
              <>
                <button
                  type="button"
                  class="collection-choice"
                  aria-current={current === collection.id ? 'true' : undefined}
                  onClick={() => onSelect(collection.id)}
                >
                  {t('libFacetOption', collection.name, n(collection.count))}
                </button>
                {removal?.id === collection.id && 'done' in removal ? (
                  <span class="collection-status" role="status">{t('libCollectionDeleting', collection.name, n(removal.done), n(removal.total))}</span>
                ) : (
                  <span class="collection-actions">
                    <button type="button" class="secondary small" aria-label={t('libRenameCollection', collection.name)} onClick={() => setRenaming(collection.id)}>
                      {t('libRename')}
                    </button>
                    <ConfirmButton
                      class="secondary small"
                      label={t('libDelete')}
                      ariaLabel={t('libDeleteCollection', collection.name)}
                      question={t('libDeleteCollectionConfirm', collection.name)}
                      onConfirm={() => remove(collection)}
                    />
                  </span>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {removal && 'failed' in removal && <ErrorMessage message={t('libCollectionDeleteFailed', removal.name)} detail={removal.failed} />}
      {collections.length === 0 && <p class="muted">{t('libNoCollections')}</p>}
      <NameForm label={t('libNewCollection')} submitLabel={t('libCreate')} onSubmit={async (name) => void (await createCollection(db, name))} />
    </section>
  );
}
