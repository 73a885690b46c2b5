import { useI18n } from '../i18n-context';
import { formatNumber } from '@/lib/format';

/** What the bar says: a deletion or a restore under way, done, or failed (with the storage's reason). */
export type UndoMessage =
  | { kind: 'deleting' | 'deleted' | 'restoring' | 'restored'; count: number }
  | { kind: 'deleteFailed' | 'restoreFailed'; reason: string };

const TEXTS = {
  deleting: 'libDeleting',
  deleted: 'libDeleted',
  restoring: 'libRestoring',
  restored: 'libRestored',
  deleteFailed: 'libDeleteFailed',
  restoreFailed: 'libRestoreFailed',
} as const;

interface Props {
  message: UndoMessage | undefined;
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
          <span class={'reason' in message ? 'error' : undefined}>{t(TEXTS[message.kind], 'reason' in message ? message.reason : formatNumber(message.count, tag))}</span>
          {(message.kind === 'deleted' || message.kind === 'restoreFailed') && <button type="button" onClick={onUndo}>{t('libUndo')}</button>}
          {message.kind !== 'deleting' && message.kind !== 'restoring' && (
            <button type="button" class="secondary small" onClick={onDismiss}>{t('libDismiss')}</button>
          )}
        </>
      )}
    </div>
  );
}
