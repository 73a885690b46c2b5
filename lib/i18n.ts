/**
 * UI strings come from the extension's own locale files (public/_locales/<locale>/messages.json),
 * so the store listing and the UI share one source, and the reader can switch language at run
 * time (chrome.i18n only follows the browser's language).
 */
import en from '../public/_locales/en/messages.json';
import zhCN from '../public/_locales/zh_CN/messages.json';

export type Locale = 'en' | 'zh_CN';
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const CATALOGS: Record<Locale, Messages> = { en, zh_CN: zhCN };
export type MessageKey = keyof typeof en;

/** The UI locale for a browser language tag: Chinese variants → zh_CN, everything else → en. */
export function localeFor(language: string | undefined): Locale {
  return language && /^zh\b/i.test(language) ? 'zh_CN' : 'en';
}

export interface Translator {
  locale: Locale;
  t(key: MessageKey, ...substitutions: (string | number)[]): string;
  /** BCP 47 tag for Intl formatting. */
  tag: string;
}

/**
 * Singular and plural in a message: "{$1:article|articles}" reads "article" when substitution 1
 * is one, else "articles". Chrome's message format has no plurals, and only English needs them
 * here (Chinese does not inflect).
 */
const PLURAL_FORMS = /\{\$(\d):([^|{}]*)\|([^{}]*)\}/g;

/** Counts arrive as numbers or already formatted ("1,202"). */
function isOne(value: string | number | undefined): boolean {
  if (value === undefined) return false;
  const count = typeof value === 'number' ? value : Number(String(value).replace(/[^\d.-]/g, ''));
  return count === 1;
}

export function translator(locale: Locale): Translator {
  const catalog = CATALOGS[locale];
  return {
    locale,
    tag: locale === 'zh_CN' ? 'zh-CN' : 'en',
    t(key, ...substitutions) {
      const entry = catalog[key] ?? CATALOGS.en[key];
      if (!entry) return key;
      // Chrome's format: $name$ placeholders map to $1, $2 ... in the placeholder table.
      let text = entry.message;
      for (const [name, placeholder] of Object.entries(entry.placeholders ?? {})) {
        text = text.replaceAll(`$${name}$`, placeholder.content);
      }
      text = text.replace(PLURAL_FORMS, (_, n: string, one: string, other: string) => (isOne(substitutions[Number(n) - 1]) ? one : other));
      return text.replace(/\$(\d)/g, (match, n: string) => {
        const value = substitutions[Number(n) - 1];
        return value === undefined ? match : String(value);
      });
    },
  };
}
