import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from './i18n-context';

/** Without layout (no browser): text wider than this many ems (a Han character is one, a Latin letter about half) is taken not to fit a line. */
const EM_PER_LINE = 24;

function widthInEm(text: string): number {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) > 0x2e80 ? 1 : 0.55;
  return width;
}

interface Props {
  /** The whole text, for the toggle's name and the tooltip. */
  text: string;
  lines: 1 | 2;
  class?: string;
  lang?: string;
  /** How to render the text (marked words); the text itself when absent. */
  children?: ComponentChildren;
}

/** A text shown on one or two lines, and whole on demand when it does not fit them. */
export function Excerpt({ text, lines, class: className = '', lang, children }: Props) {
  const { t } = useI18n();
  const [whole, setWhole] = useState(false);
  const [cut, setCut] = useState(false);
  const shown = useRef<HTMLSpanElement>(null);
  // Whether the clamped text is cut, measured (and again when the popup or pane is resized).
  useLayoutEffect(() => {
    const element = shown.current;
    if (!element || whole) return;
    const measure = () => setCut(element.clientWidth > 0 ? element.scrollHeight > element.clientHeight + 1 : widthInEm(text) > EM_PER_LINE * lines);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [text, lines, whole]);
  return (
    <div class={`excerpt ${className}`}>
      <span ref={shown} class={whole ? 'excerpt-text' : `excerpt-text clamp-${lines}`} lang={lang} title={cut && !whole ? text : undefined}>
        {children ?? text}
      </span>
      {(cut || whole) && (
        <button type="button" class="link-button excerpt-toggle" aria-expanded={whole} aria-label={whole ? undefined : t('popupShowFullText', text.slice(0, 40))} onClick={() => setWhole(!whole)}>
          {whole ? t('popupLess') : t('popupMore')}
        </button>
      )}
    </div>
  );
}
