import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo } from 'preact/hooks';
import { localeFor, translator, type Locale } from '@/lib/i18n';
import type { SimlitDB } from '@/lib/db/schema';
import { readSettings, type UiLanguage } from '@/lib/db/settings';
import { I18nContext } from './i18n-context';
import { useLiveQuery } from './use-live-query';

/** The UI locale: the reader's choice, or the browser's language when the choice is 'auto'. */
export function resolveLocale(choice: UiLanguage | undefined, browserLanguage: string | undefined): Locale {
  return choice && choice !== 'auto' ? choice : localeFor(browserLanguage);
}

interface Props {
  db: SimlitDB;
  browserLanguage?: string;
  children: ComponentChildren;
}

/**
 * Provides the translator for the language chosen in the settings (live: switching in one page
 * switches every open page) and marks the document with that language.
 */
export function LocaleProvider({ db, browserLanguage = globalThis.navigator?.language, children }: Props) {
  const { value: settings } = useLiveQuery(() => readSettings(db), [db]);
  const locale = resolveLocale(settings?.uiLanguage, browserLanguage);
  const i18n = useMemo(() => translator(locale), [locale]);
  useLayoutEffect(() => {
    document.documentElement.lang = i18n.tag;
  }, [i18n.tag]);
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}
