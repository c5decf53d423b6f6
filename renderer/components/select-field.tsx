import { Field, type FieldProps } from './field';

export interface SelectOption<T extends string> {
  readonly value: T;
  readonly label: string;
}

export type SelectFieldProps<T extends string> = FieldProps<T> & { readonly options: readonly SelectOption<T>[] };

export function SelectField<T extends string>({ id, name, value, error, onChange, inputRef, label, hint, required, options }: SelectFieldProps<T>) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required}>
      {(aria) => (
        <select
          {...aria}
          ref={inputRef}
          className="input input-full"
          name={name}
          value={value}
          onChange={(event) => {
            const chosen = options.find((option) => option.value === event.target.value);
            if (chosen) onChange(chosen.value);
          }}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
