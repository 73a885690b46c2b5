/** Storage failures in words a reader understands (Dexie error names → plain text). */
export function storageErrorMessage(error: unknown): string {
  const name = (error as { name?: string; inner?: { name?: string } })?.inner?.name ?? (error as { name?: string })?.name ?? '';
  if (/QuotaExceeded/i.test(name)) return 'The library could not be saved: the disk or the browser\'s storage quota is full. Nothing was changed.';
  if (/VersionError|Blocked|Upgrade/i.test(name)) return 'The library is open in an older version of Simlit in another tab. Close that tab and try again.';
  if (/Abort|Transaction/i.test(name)) return 'Saving was interrupted; the library was left as it was. Try again.';
  const message = error instanceof Error ? error.message : String(error);
  return `The library could not be updated (${name || 'error'}: ${message.slice(0, 200)}). Nothing was changed.`;
}
