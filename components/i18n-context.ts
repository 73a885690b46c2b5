import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { localeFor, translator, type Translator } from '@/lib/i18n';

export const I18nContext = createContext<Translator>(translator(localeFor(globalThis.navigator?.language)));

export function useI18n(): Translator {
  return useContext(I18nContext);
}
