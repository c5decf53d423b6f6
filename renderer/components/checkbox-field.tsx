import { Field, type FieldProps } from './field';

export function CheckboxField({ id, name, value, error, errorParams, onChange, inputRef, label, hint, required }: FieldProps<boolean>) {
  return (
    <Field id={id} label={label} hint={hint} error={error} errorParams={errorParams} required={required} inline>
      {(aria) => (
        <input {...aria} ref={inputRef} className="checkbox" type="checkbox" name={name} checked={value} onChange={(event) => onChange(event.target.checked)} />
      )}
    </Field>
  );
}
