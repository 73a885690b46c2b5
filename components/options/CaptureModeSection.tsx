import { useEffect, useState } from 'preact/hooks';
import type { SimlitDB } from '@/lib/db/schema';
import { writeSetting, type CaptureMode } from '@/lib/db/settings';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../i18n-context';

/** The optional `<all_urls>` host permission, as the options page sees it. */
export interface AllSitesPermission {
  request(): Promise<boolean>;
  remove(): Promise<boolean>;
  granted(): Promise<boolean>;
}

const MODES: [CaptureMode, MessageKey, MessageKey][] = [
  ['known-sites', 'optModeKnown', 'optModeKnownHelp'],
  ['all-sites', 'optModeAll', 'optModeAllHelp'],
  ['on-click', 'optModeClick', 'optModeClickHelp'],
];

interface Props {
  db: SimlitDB;
  mode: CaptureMode;
  permission: AllSitesPermission;
}

/** Where capture runs. Choosing all sites asks the browser for the permission first. */
export function CaptureModeSection({ db, mode, permission }: Props) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<MessageKey>();

  // The reader can withdraw the permission in the browser's own settings at any time.
  useEffect(() => {
    if (mode !== 'all-sites') return;
    let current = true;
    void permission.granted().then((granted) => current && !granted && setNotice('optPermissionMissing'));
    return () => {
      current = false;
    };
  }, [mode, permission]);

  async function choose(next: CaptureMode) {
    setNotice(undefined);
    if (next === 'all-sites') {
      // The request must be the first thing the click does (user-gesture requirement).
      const granted = await permission.request().catch(() => false);
      if (!granted) {
        setNotice('optPermissionDenied');
        return;
      }
    } else if (mode === 'all-sites') {
      // Hold no more access than the chosen mode needs.
      await permission.remove().catch(() => false);
    }
    await writeSetting(db, 'captureMode', next);
  }

  return (
    <section class="options-section" aria-labelledby="capture-heading">
      <h2 id="capture-heading">{t('optCaptureHeading')}</h2>
      <fieldset>
        <legend class="visually-hidden">{t('optCaptureHeading')}</legend>
        {MODES.map(([value, label, help]) => (
          <label key={value} class="radio">
            <input
              type="radio"
              name="capture-mode"
              value={value}
              checked={mode === value}
              aria-describedby={`mode-help-${value}`}
              onClick={(event) => {
                // Keep the old choice checked until the new one is confirmed (permission, storage).
                event.preventDefault();
                if (value !== mode || notice === 'optPermissionMissing') void choose(value);
              }}
            />
            <span>
              <span class="radio-label">{t(label)}</span>
              <span class="help" id={`mode-help-${value}`}>{t(help)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {notice && <p class="notice" role="alert">{t(notice)}</p>}
    </section>
  );
}
