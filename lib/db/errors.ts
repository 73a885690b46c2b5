import { translator, type Translator } from '../i18n';

/**
 * Storage failures in words a reader understands (Dexie error names → plain text), in the
 * reader's language when a translator is given.
 */
export function storageErrorMessage(error: unknown, { t }: Pick<Translator, 't'> = translator('en')): string {
  const name = (error as { name?: string; inner?: { name?: string } })?.inner?.name ?? (error as { name?: string })?.name ?? '';
  if (/QuotaExceeded/i.test(name)) return t('storageQuotaFull');
  if (/VersionError|Blocked|Upgrade/i.test(name)) return t('storageBlocked');
  if (/Abort|Transaction/i.test(name)) return t('storageInterrupted');
  const message = error instanceof Error ? error.message : String(error);
  return t('storageFailed', name || 'error', message.slice(0, 200));
}
