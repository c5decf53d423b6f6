import type { ReactNode } from 'react';
import type { FieldParams } from '../../api/validation';
import { fieldMessage } from '../errors';
import type { FieldBinding } from '../forms/use-form';
import { useI18n } from '../i18n';

/** What every field component takes: the form's binding plus its visible label and optional hint. */
export type FieldProps<T> = FieldBinding<T> & {
  readonly label: string;
  readonly hint?: string;
  readonly required?: boolean;
};

/** The accessibility attributes Field hands to its control. */
export interface ControlAria {
  readonly id: string;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-describedby': string | undefined;
  readonly 'aria-required': true | undefined;
}

interface FieldShellProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  /** The bound the error's message states (FieldBinding.errorParams). */
  readonly errorParams?: FieldParams | undefined;
  readonly required?: boolean | undefined;
  /** The control before its label (checkboxes); otherwise the label is above the control. */
  readonly inline?: boolean;
  readonly children: (aria: ControlAria) => ReactNode;
}

/**
 * A label bound to its control, an optional hint, and the field's error under it. The control is
 * described by the hint and the error (aria-describedby) and marked invalid while it has an error.
 */
export function Field({ id, label, hint, error, errorParams, required, inline = false, children }: FieldShellProps) {
  const { t } = useI18n();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const control = children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, 'aria-required': required ? true : undefined });
  // The asterisk sits outside the label so the label's text (and accessible name) is the label alone;
  // aria-required tells assistive technology instead.
  const labelElement = (
    <span className="field-label-row">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {required ? (
        <span className="field-required" aria-hidden="true">
          *
        </span>
      ) : null}
    </span>
  );
  return (
    <div className={`field${inline ? ' field-inline' : ''}${error ? ' field-has-error' : ''}`}>
      {inline ? (
        <div className="field-inline-row">
          {control}
          {labelElement}
        </div>
      ) : (
        <>
          {labelElement}
          {control}
        </>
      )}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {fieldMessage(t, error, errorParams, label)}
        </p>
      ) : null}
    </div>
  );
}
