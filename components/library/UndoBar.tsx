import { useI18n } from '../i18n-context';
import { formatNumber } from '@/lib/format';

interface Props {
  message: { kind: 'deleted' | 'restored'; count: number } | undefined;
  onUndo(): void;
  onDismiss(): void;
}

/** Tells what was deleted (or restored) and offers to undo the deletion. */
export function UndoBar({ message, onUndo, onDismiss }: Props) {
  const { t, tag } = useI18n();
  return (
    <div class="undo-bar" role="status" aria-live="polite">
      {message && (
        <>
          <span>{t(message.kind === 'deleted' ? 'libDeleted' : 'libRestored', formatNumber(message.count, tag))}</span>
          {message.kind === 'deleted' && <button type="button" onClick={onUndo}>{t('libUndo')}</button>}
          <button type="button" class="secondary small" onClick={onDismiss}>{t('libDismiss')}</button>
        </>
      )}
    </div>
  );
}
