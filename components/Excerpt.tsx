import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useI18n } from './i18n-context';

/** Text wider than this many ems (a Han character is one, a Latin letter about half) may not fit the lines shown. */
const EM_PER_LINE = 24;

function widthInEm(text: string): number {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) > 0x2e80 ? 1 : 0.55;
  return width;
}

interface Props {
  /** The whole text, for its length and the toggle's name. */
  text: string;
  lines: 1 | 2;
  class?: string;
  lang?: string;
  /** How to render the text (marked words); the text itself when absent. */
  children?: ComponentChildren;
}

/** A text shown on one or two lines, and whole on demand. */
export function Excerpt({ text, lines, class: className = '', lang, children }: Props) {
  const { t } = useI18n();
  const [whole, setWhole] = useState(false);
  const long = widthInEm(text) > EM_PER_LINE * lines;
  return (
    <div class={`excerpt ${className}`}>
      <span class={whole ? 'excerpt-text' : `excerpt-text clamp-${lines}`} lang={lang} title={whole || !long ? undefined : text}>
        {children ?? text}
      </span>
      {long && (
        <button type="button" class="link-button excerpt-toggle" aria-expanded={whole} aria-label={whole ? undefined : t('popupShowFullText', text.slice(0, 40))} onClick={() => setWhole(!whole)}>
          {whole ? t('popupLess') : t('popupMore')}
        </button>
      )}
    </div>
  );
}
