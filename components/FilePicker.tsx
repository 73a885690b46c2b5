import { useI18n } from './i18n-context';

interface Props {
  id: string;
  /** What the file is for ("File to import"): the input's name for assistive technology. */
  label: string;
  accept: string;
  file: File | undefined;
  describedBy?: string;
  onChange(file: File | undefined): void;
}

/**
 * A file input whose button and "no file chosen" speak the reader's language: the browser's own
 * ("Choose File") follows the browser, not Simlit's language. The input stays in the page,
 * focusable and operable from the keyboard; its label is the visible button.
 */
export function FilePicker({ id, label, accept, file, describedBy, onChange }: Props) {
  const { t } = useI18n();
  return (
    <span class="file-picker">
      <input
        id={id}
        class="file-input"
        type="file"
        accept={accept}
        aria-label={label}
        aria-describedby={describedBy}
        onChange={(event) => onChange((event.currentTarget as HTMLInputElement).files?.[0])}
      />
      <label for={id} class="file-button" aria-hidden="true">
        {t('libraryChooseFile')}
      </label>
      <span class="file-name">{file ? file.name : t('libraryNoFileChosen')}</span>
    </span>
  );
}
