import { Field, type FieldProps } from './field';

export interface SelectOption<T extends string> {
  readonly value: T;
  readonly label: string;
  /** Options with the same group are shown together under its name (an <optgroup>). */
  readonly group?: string;
}

export type SelectFieldProps<T extends string> = FieldProps<T> & { readonly options: readonly SelectOption<T>[] };

interface OptionGroup<T extends string> {
  readonly label: string | undefined;
  readonly options: SelectOption<T>[];
}

/** Consecutive options of the same group, in the order given. */
function grouped<T extends string>(options: readonly SelectOption<T>[]): OptionGroup<T>[] {
  const groups: OptionGroup<T>[] = [];
  for (const option of options) {
    const last = groups[groups.length - 1];
    if (last && last.label === option.group) last.options.push(option);
    else groups.push({ label: option.group, options: [option] });
  }
  return groups;
}

export function SelectField<T extends string>({ id, name, value, error, errorParams, onChange, inputRef, label, hint, required, options }: SelectFieldProps<T>) {
  const renderOption = (option: SelectOption<T>) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  );
  return (
    <Field id={id} label={label} hint={hint} error={error} errorParams={errorParams} required={required}>
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
          {grouped(options).map((group, index) =>
            group.label === undefined ? (
              group.options.map(renderOption)
            ) : (
              <optgroup key={`${group.label}-${index}`} label={group.label}>
                {group.options.map(renderOption)}
              </optgroup>
            ),
          )}
        </select>
      )}
    </Field>
  );
}
