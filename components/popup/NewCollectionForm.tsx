import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n-context';

interface Props {
  onSubmit(name: string): Promise<string | undefined>;
  onCancel(): void;
}

/** Names a new collection in place (a prompt() would close the popup in some browsers). */
export function NewCollectionForm({ onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      class="new-collection"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(await onSubmit(name));
      }}
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    >
      <label>
        {t('popupNewCollectionName')}
        <input ref={input} value={name} onInput={(e) => setName(e.currentTarget.value)} aria-invalid={error !== undefined} />
      </label>
      <button type="submit">{t('libCreate')}</button>
      <button type="button" class="link-button" onClick={onCancel}>
        {t('cancel')}
      </button>
      {error && <p class="error" role="alert">{error}</p>}
    </form>
  );
}
