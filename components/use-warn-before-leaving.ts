import { useEffect } from 'preact/hooks';

/**
 * While `active`, the browser asks before the page is closed or left: a task that writes a chunk
 * a transaction (an import, a restore, a deletion, a change to many articles) stops where the
 * page goes, its earlier chunks written and nothing left to take them back or undo them.
 */
export function useWarnBeforeLeaving(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium asks only when returnValue is set.
      event.returnValue = '';
    };
    addEventListener('beforeunload', ask);
    return () => removeEventListener('beforeunload', ask);
  }, [active]);
}
