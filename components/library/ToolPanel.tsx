import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n-context';

interface Props {
  id: string;
  heading: string;
  busy: boolean;
  onClose(): void;
  children: ComponentChildren;
}

/**
 * A panel opened from a header button (export, import): it takes the focus when it opens, so a
 * keyboard user lands in it, and Escape or Close shuts it.
 */
export function ToolPanel({ id, heading, busy, onClose, children }: Props) {
  const { t } = useI18n();
  const section = useRef<HTMLElement>(null);
  useEffect(() => section.current?.focus(), []);
  return (
    <section
      ref={section}
      class="tool-panel"
      id={id}
      tabIndex={-1}
      aria-labelledby={`${id}-heading`}
      aria-busy={busy}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      <div class="tool-panel-head">
        <h2 id={`${id}-heading`}>{heading}</h2>
        <button type="button" class="secondary small" onClick={onClose}>{t('libClose')}</button>
      </div>
      {children}
    </section>
  );
}
