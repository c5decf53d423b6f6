import { useI18n } from '../i18n';
import { DateTimeInput } from './date-time-input';
import { Field, type FieldProps } from './field';

export type TextFieldProps = FieldProps<string> & {
  /**
   * date and time: text typed dd/mm/yyyy and HH:mm (24-hour) whatever the browser's language, the
   * values 'YYYY-MM-DD' and 'HH:mm' (components/date-time-input.tsx).
   */
  readonly type?: 'text' | 'password' | 'search' | 'tel' | 'date' | 'time';
  readonly autoComplete?: string;
  readonly inputMode?: 'text' | 'numeric';
  readonly maxLength?: number;
  readonly size?: 'short' | 'medium' | 'full';
  readonly autoFocus?: boolean;
};

export function TextField({ id, name, value, error, errorParams, onChange, inputRef, label, hint, required, type = 'text', autoComplete, inputMode, maxLength, size = 'full', autoFocus }: TextFieldProps) {
  const { t } = useI18n();
  return (
    <Field id={id} label={label} hint={hint} error={error} errorParams={errorParams} required={required}>
      {(aria) =>
        type === 'date' || type === 'time' ? (
          <DateTimeInput
            aria={aria}
            kind={type}
            name={name}
            value={value}
            onChange={onChange}
            inputRef={inputRef}
            className={`input input-${type}`}
            placeholder={t(type === 'date' ? 'form.datePlaceholder' : 'form.timePlaceholder')}
            autoFocus={autoFocus}
          />
        ) : (
          <input
            {...aria}
            ref={inputRef}
            className={`input input-${size}`}
            name={name}
            type={type}
            value={value}
            autoComplete={autoComplete ?? 'off'}
            inputMode={inputMode}
            maxLength={maxLength}
            spellCheck={false}
            autoFocus={autoFocus}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </Field>
  );
}
