import type { SimlitDB } from '@/lib/db/schema';
import { readSettings, writeSetting, type UiLanguage } from '@/lib/db/settings';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from './i18n-context';
import { useLiveQuery } from './use-live-query';

const CHOICES: [UiLanguage, MessageKey][] = [
  ['auto', 'languageAuto'],
  ['zh_CN', 'languageChinese'],
  ['en', 'languageEnglish'],
];

/** The UI language choice, stored in the settings (the LocaleProvider follows it). */
export function LanguageSwitch({ db }: { db: SimlitDB }) {
  const { t } = useI18n();
  const { value: settings } = useLiveQuery(() => readSettings(db), [db]);
  return (
    <label class="language-switch">
      <span>{t('languageLabel')}</span>
      <select
        value={settings?.uiLanguage ?? 'auto'}
        onChange={(event) => void writeSetting(db, 'uiLanguage', (event.currentTarget as HTMLSelectElement).value as UiLanguage)}
      >
        {CHOICES.map(([value, key]) => (
          <option key={value} value={value} lang={value === 'zh_CN' ? 'zh-CN' : value === 'en' ? 'en' : undefined}>
            {t(key)}
          </option>
        ))}
      </select>
    </label>
  );
}
