import { useState } from 'preact/hooks';
import { parseTags } from '@/lib/db/article-edits';
import { useI18n } from '../i18n-context';

/** An input for one or more tags (comma-separated) and its Add button. */
export function TagAddForm({ class: className, onAdd }: { class?: string; onAdd(tags: string[]): Promise<void> }) {
  const { t } = useI18n();
  const [input, setInput] = useState('');
  return (
    <form
      class={className}
      onSubmit={async (event) => {
        event.preventDefault();
        const tags = parseTags(input);
        if (!tags.length) return;
        await onAdd(tags);
        setInput('');
      }}
    >
      <label>
        <span class="visually-hidden">{t('libTagToAdd')}</span>
        <input type="text" value={input} placeholder={t('libTagToAdd')} onInput={(event) => setInput((event.currentTarget as HTMLInputElement).value)} />
      </label>
      <button type="submit">{t('libAddTag')}</button>
    </form>
  );
}
