import { Field, type FieldProps } from './field';

export type TextFieldProps = FieldProps<string> & {
  /** date and time: the browser's own pickers; their values are 'YYYY-MM-DD' and 'HH:mm'. */
  readonly type?: 'text' | 'password' | 'search' | 'tel' | 'date' | 'time';
  readonly autoComplete?: string;
  readonly inputMode?: 'text' | 'numeric';
  readonly maxLength?: number;
  readonly size?: 'short' | 'medium' | 'full';
  readonly autoFocus?: boolean;
};

export function TextField({ id, name, value, error, onChange, inputRef, label, hint, required, type = 'text', autoComplete, inputMode, maxLength, size = 'full', autoFocus }: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required}>
      {(aria) => (
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
      )}
    </Field>
  );
}
