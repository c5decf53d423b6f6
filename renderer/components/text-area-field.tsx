import { Field, type FieldProps } from './field';

export type TextAreaFieldProps = FieldProps<string> & { readonly rows?: number };

export function TextAreaField({ id, name, value, error, errorParams, onChange, inputRef, label, hint, required, rows = 4 }: TextAreaFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} errorParams={errorParams} required={required}>
      {(aria) => (
        <textarea {...aria} ref={inputRef} className="input input-full" name={name} rows={rows} value={value} onChange={(event) => onChange(event.target.value)} />
      )}
    </Field>
  );
}
