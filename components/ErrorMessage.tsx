import { useI18n } from './i18n-context';

/**
 * An error in the reader's language; what the library or the browser said is kept below it as a
 * detail (folded away), for a bug report, never as the message itself.
 */
export function ErrorMessage({ message, detail }: { message: string; detail?: string }) {
  const { t } = useI18n();
  return (
    <div class="error error-message" role="alert">
      <p>{message}</p>
      {detail && detail !== message && (
        <details class="error-detail">
          <summary>{t('libraryErrorDetail')}</summary>
          <code>{detail}</code>
        </details>
      )}
    </div>
  );
}
