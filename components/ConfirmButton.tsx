import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from './i18n-context';

interface Props {
  /** The button's text. */
  label: string;
  /** Its accessible name, when the text alone is ambiguous (e.g. several "Delete" buttons). */
  ariaLabel?: string;
  /** The question asked before acting. */
  question: string;
  confirmLabel?: string;
  disabled?: boolean;
  class?: string;
  onConfirm(): void | Promise<void>;
}

/**
 * A destructive action asked twice: the first click shows the question in place, with the
 * confirming button and Cancel (which gets the focus, so Enter does not confirm by accident).
 */
export function ConfirmButton({ label, ariaLabel, question, confirmLabel, disabled, class: className, onConfirm }: Props) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" ref={opener} class={className} aria-label={ariaLabel} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span class="confirm" role="group" aria-label={question}>
      <span class="confirm-question">{question}</span>
      <button
        type="button"
        class="danger"
        onClick={async () => {
          setAsking(false);
          await onConfirm();
        }}
      >
        {confirmLabel ?? t('confirmDelete')}
      </button>
      <button type="button" ref={cancel} class="secondary" onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
    </span>
  );
}
