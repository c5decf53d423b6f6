import { forwardRef, useImperativeHandle, useRef, type InputHTMLAttributes } from 'react';
import { useI18n } from '../i18n';

export type FileInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className'> & {
  /** The field's label, read after the button's text by a screen reader. */
  readonly label: string;
};

/**
 * A file picker whose button says "Chọn tệp…" in the app's language: the browser's own button and its
 * "No file chosen" follow the browser's language. The native input stays (hidden, labelled by the
 * field's label, out of the tab order) and the visible button opens it.
 */
export const FileInput = forwardRef<HTMLInputElement, FileInputProps>(function FileInput({ label, disabled, ...input }, ref) {
  const { t } = useI18n();
  const native = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => native.current as HTMLInputElement, []);
  return (
    <span className="file-input">
      <input {...input} ref={native} type="file" className="sr-only" tabIndex={-1} disabled={disabled} />
      <button type="button" className="button button-secondary" disabled={disabled} onClick={() => native.current?.click()}>
        {t('form.chooseFile')}
        <span className="sr-only"> – {label}</span>
      </button>
    </span>
  );
});
