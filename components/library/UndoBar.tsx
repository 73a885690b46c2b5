import { useI18n } from '../i18n-context';
import { formatNumber } from '@/lib/format';
import type { Translator } from '@/lib/i18n';

/**
 * What the bar says: a deletion or a restore under way (how many of how many are done, once a
 * chunk is), done, stopped part-way (what was deleted can be undone), or failed (with the
 * storage's reason).
 */
export type UndoMessage =
  | { kind: 'deleting' | 'restoring'; count: number; done?: number }
  | { kind: 'deleted' | 'restored'; count: number }
  | { kind: 'deletedPartly'; count: number; reason: string }
  | { kind: 'deleteFailed' | 'restoreFailed'; reason: string };

function undoText(message: UndoMessage, t: Translator['t'], n: (count: number) => string): string {
  switch (message.kind) {
    case 'deleting':
      return message.done === undefined ? t('libDeleting', n(message.count)) : t('libDeletingProgress', n(message.done), n(message.count));
    case 'restoring':
      return message.done === undefined ? t('libRestoring', n(message.count)) : t('libRestoringProgress', n(message.done), n(message.count));
    case 'deleted':
      return t('libDeleted', n(message.count));
    case 'restored':
      return t('libRestored', n(message.count));
    case 'deletedPartly':
      return t('libDeletedPartly', n(message.count), message.reason);
    case 'deleteFailed':
      return t('libDeleteFailed', message.reason);
    case 'restoreFailed':
      return t('libRestoreFailed', message.reason);
  }
}

interface Props {
  message: UndoMessage | undefined;
  onUndo(): void;
  onDismiss(): void;
}

/** Tells what was deleted (or restored) and offers to undo the deletion. */
export function UndoBar({ message, onUndo, onDismiss }: Props) {
  const { t, tag } = useI18n();
  const n = (count: number) => formatNumber(count, tag);
  const working = message?.kind === 'deleting' || message?.kind === 'restoring';
  return (
    <div class="undo-bar" role="status" aria-live="polite">
      {message && (
        <>
          <span class={'reason' in message ? 'error' : undefined}>{undoText(message, t, n)}</span>
          {(message.kind === 'deleted' || message.kind === 'deletedPartly' || message.kind === 'restoreFailed') && (
            <button type="button" onClick={onUndo}>{t('libUndo')}</button>
          )}
          {!working && <button type="button" class="secondary small" onClick={onDismiss}>{t('libDismiss')}</button>}
        </>
      )}
    </div>
  );
}
