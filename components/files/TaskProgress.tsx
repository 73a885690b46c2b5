import type { FileProgress } from '@/lib/files/progress';
import { formatBytes, formatNumber } from '@/lib/format';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../i18n-context';

const STAGE_TEXT: Record<FileProgress['stage'], MessageKey> = {
  reading: 'securityProgressReading',
  parsing: 'securityProgressParsing',
  writing: 'securityProgressWriting',
  takingBack: 'securityProgressTakingBack',
};

interface Props {
  progress?: FileProgress;
  cancelling: boolean;
  onCancel(): void;
}

/** How far an import or a restore has come, with a button to cancel it (nothing is then written). */
export function TaskProgress({ progress, cancelling, onCancel }: Props) {
  const { t, tag } = useI18n();
  const amount = (value: number) => (progress?.stage === 'reading' ? formatBytes(value, tag) : formatNumber(value, tag));
  const label = progress ? t(STAGE_TEXT[progress.stage], amount(progress.done), amount(progress.total)) : t('securityProgressReading', '…', '…');
  return (
    <div class="task-progress" role="status">
      <label>
        <span>{label}</span>
        <progress max={progress?.total || 1} value={progress?.done ?? 0} />
      </label>
      <button type="button" class="secondary small" disabled={cancelling} onClick={onCancel}>
        {cancelling ? t('securityCancelling') : t('securityCancel')}
      </button>
    </div>
  );
}

/** The message for a file over the size limit, or undefined when it may be read. */
export function tooLargeMessage(file: File, t: ReturnType<typeof useI18n>['t'], maxBytes: number): string | undefined {
  if (file.size <= maxBytes) return undefined;
  const megabytes = (bytes: number) => String(Math.ceil(bytes / (1024 * 1024)));
  return t('securityFileTooLarge', file.name, megabytes(file.size), megabytes(maxBytes));
}
