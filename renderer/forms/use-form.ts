import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { CallError, Result } from '../../api/result';
import { fieldProblems, type FieldParams } from '../../api/validation';
import { useDraft, type DraftState } from './use-draft';
import { registerLeaveGuard } from './leave-guard';
import { getIn, leafPaths, owningField, setIn, type FieldPath, type FieldValue } from './paths';

/**
 * The one form pattern of the app. Values stay as typed (strings and booleans, as inputs hold them);
 * on submit they are mapped to the call's input, validated with the same zod schema the backend uses,
 * and sent only when valid. Field problems, from the schema or from the backend's `fields`, show under
 * their field; the first invalid field gets focus; anything else shows in the form's alert.
 */

export interface FieldBinding<T> {
  readonly id: string;
  readonly name: string;
  readonly value: T;
  /** Message key ("v.required") of the field's problem, if any. */
  readonly error: string | undefined;
  /** The values its message states (the limit: { max: 100 }), when the problem has any. */
  readonly errorParams?: FieldParams | undefined;
  readonly onChange: (value: T) => void;
  readonly inputRef: (element: HTMLElement | null) => void;
}

type InputMapping<S extends z.ZodType, V> = V extends z.input<S>
  ? { readonly toInput?: (values: V) => z.input<S> }
  : { readonly toInput: (values: V) => z.input<S> };

export type FormOptions<S extends z.ZodType, V extends object, T> = {
  readonly schema: S;
  readonly initial: V;
  readonly submit: (input: z.output<S>) => Promise<Result<T>>;
  readonly onSuccess?: (value: T, input: z.output<S>) => void;
  readonly onFailure?: (error: CallError) => void;
  /** Back to the initial values after a successful submit (forms that add one record after another). */
  readonly resetOnSuccess?: boolean;
  /** A secret (a password) emptied and focused when the call fails for any reason but validation. */
  readonly secretField?: FieldPath<V>;
  /**
   * Whether leaving the page with changes not saved asks first (default true). Filter and search forms,
   * whose values are not work to lose, say false.
   */
  readonly guardLeave?: boolean;
  /**
   * A long form's draft key ("report.new", "person.edit:<id>"): what is typed is saved as a draft in the
   * store (debounced), offered back when the form opens again, and discarded when the form is saved.
   */
  readonly draftKey?: string;
} & InputMapping<S, V>;

export interface Form<V extends object> {
  readonly values: V;
  readonly submitting: boolean;
  /** Field path → message key. */
  readonly errors: Readonly<Record<string, string>>;
  /** The failure shown above the submit button: a validation summary or the call's error. */
  readonly formError: CallError | null;
  /** Message keys of problems that belong to no field of this form. */
  readonly otherErrors: readonly string[];
  readonly field: <P extends FieldPath<V>>(path: P) => FieldBinding<FieldValue<V, P>>;
  readonly set: <P extends FieldPath<V>>(path: P, value: FieldValue<V, P>) => void;
  /** Sets a value the app made (a redrafted text), not the user: it does not count as a change to keep. */
  readonly rebase: <P extends FieldPath<V>>(path: P, value: FieldValue<V, P>) => void;
  readonly focus: (path: FieldPath<V>) => void;
  readonly reset: (values?: V) => void;
  /**
   * Changes the values as a whole (adding or removing an entry of a repeatable part); the errors of
   * fields under `clearUnder` are dropped, since their indexes may no longer match.
   */
  readonly update: (change: (values: V) => V, clearUnder?: string) => void;
  readonly handleSubmit: (event: FormEvent) => void;
  /** Values changed since the form opened (or was last saved). */
  readonly dirty: boolean;
  /** The draft of a form with a draftKey: one found to offer back, and when the last was saved. */
  readonly draft: DraftState | null;
}

const NO_ERRORS: Readonly<Record<string, string>> = Object.freeze({});

export function useForm<S extends z.ZodType, V extends object, T>(options: FormOptions<S, V, T>): Form<V> {
  const baseId = useId();
  const initialRef = useRef(options.initial);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const elements = useRef(new Map<string, HTMLElement>());
  const refCallbacks = useRef(new Map<string, (element: HTMLElement | null) => void>());

  const [values, setValues] = useState<V>(options.initial);
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>(NO_ERRORS);
  // The bounds of the problems shown (read only while the field still has its problem).
  const [errorParams, setErrorParams] = useState<Readonly<Record<string, FieldParams>>>({});
  const [formError, setFormError] = useState<CallError | null>(null);
  const [otherErrors, setOtherErrors] = useState<readonly string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const submittingRef = useRef(false);

  // The fields that exist now: a repeatable part of the form adds and removes fields as it is edited.
  const valuesRef = useRef(values);
  valuesRef.current = values;

  // After a failed submit, focus the invalid field that comes first on the page: on a new request only,
  // not each time the errors change (typing clears them), so the errors are read through a ref.
  const errorsRef = useRef(errors);
  errorsRef.current = errors;
  // Changes not saved: the values differ from those the form opened with or last saved.
  const baselineRef = useRef(JSON.stringify(options.initial));
  const isDirty = useCallback(() => JSON.stringify(valuesRef.current) !== baselineRef.current, []);
  const guardLeave = options.guardLeave ?? true;
  const drafted = options.draftKey !== undefined;
  useEffect(() => (guardLeave ? registerLeaveGuard(isDirty, { drafted }) : undefined), [guardLeave, isDirty, drafted]);
  const dirty = JSON.stringify(values) !== baselineRef.current;
  const restoreDraft = useCallback((restored: V) => setValues({ ...initialRef.current, ...restored }), []);
  const draft = useDraft(options.draftKey, values, dirty, restoreDraft);
  useEffect(() => {
    if (focusRequest === 0) return;
    const invalid = [...elements.current].filter(([path]) => errorsRef.current[path] !== undefined).map(([, element]) => element);
    invalid.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    invalid[0]?.focus();
  }, [focusRequest]);

  const showFailure = useCallback(
    (error: CallError) => {
      const known = new Set(leafPaths(valuesRef.current));
      const byField: Record<string, string> = {};
      const params: Record<string, FieldParams> = {};
      const other: string[] = [];
      for (const [path, key] of Object.entries(error.fields ?? {})) {
        const owner = owningField(path, known);
        if (owner === null) other.push(key);
        else if (byField[owner] === undefined) {
          byField[owner] = key;
          const bound = error.fieldParams?.[path];
          if (bound) params[owner] = bound;
        }
      }
      setErrors(byField);
      setErrorParams(params);
      setOtherErrors(other);
      setFormError(error);
      if (Object.keys(byField).length > 0) setFocusRequest((n) => n + 1);
    },
    [],
  );

  const clearErrors = useCallback(() => {
    setErrors(NO_ERRORS);
    setFormError(null);
    setOtherErrors([]);
  }, []);

  const reset = useCallback(
    (next?: V) => {
      setValues(next ?? initialRef.current);
      clearErrors();
    },
    [clearErrors],
  );

  const handleSubmit = useCallback(
    (event: FormEvent) => {
      event.preventDefault();
      if (submittingRef.current) return;
      const current = optionsRef.current;
      // The mapping's type is checked at the call site (InputMapping); here it is just optional.
      const toInput = (current as { readonly toInput?: (values: V) => unknown }).toInput;
      const raw = toInput ? toInput(values) : values;
      const parsed = current.schema.safeParse(raw);
      if (!parsed.success) {
        showFailure({ code: 'validation', message: 'the form is not valid', ...fieldProblems(parsed.error, raw) });
        return;
      }
      const input: z.output<S> = parsed.data;
      submittingRef.current = true;
      setSubmitting(true);
      void current.submit(input).then((result) => {
        submittingRef.current = false;
        setSubmitting(false);
        if (!result.ok) {
          showFailure(result.error);
          if (current.secretField && result.error.code !== 'validation') {
            const secret = current.secretField;
            setValues((previous) => setIn(previous, secret, ''));
            window.setTimeout(() => elements.current.get(secret)?.focus());
          }
          current.onFailure?.(result.error);
          return;
        }
        // Saved: nothing left to lose (before onSuccess, which may leave the page), and no draft to offer.
        baselineRef.current = JSON.stringify(current.resetOnSuccess ? initialRef.current : valuesRef.current);
        draft.saved();
        if (current.resetOnSuccess) reset();
        else clearErrors();
        current.onSuccess?.(result.value, input);
      });
    },
    [values, showFailure, reset, clearErrors, draft],
  );

  const refFor = useCallback((path: string) => {
    let callback = refCallbacks.current.get(path);
    if (!callback) {
      callback = (element: HTMLElement | null) => {
        if (element) elements.current.set(path, element);
        else elements.current.delete(path);
      };
      refCallbacks.current.set(path, callback);
    }
    return callback;
  }, []);

  const set = useCallback(<P extends FieldPath<V>>(path: P, value: FieldValue<V, P>) => {
    setValues((previous) => setIn(previous, path, value));
    setErrors((previous) => {
      if (!(path in previous)) return previous;
      const { [path]: _removed, ...rest } = previous;
      return rest;
    });
  }, []);

  const rebase = useCallback(
    <P extends FieldPath<V>>(path: P, value: FieldValue<V, P>) => {
      set(path, value);
      baselineRef.current = JSON.stringify(setIn(JSON.parse(baselineRef.current) as V, path, value));
    },
    [set],
  );

  const field = useCallback(
    <P extends FieldPath<V>>(path: P): FieldBinding<FieldValue<V, P>> => ({
      id: `${baseId}-${path}`,
      name: path,
      // A typed path leads to a leaf of that type (see FieldValue).
      value: getIn(values, path) as FieldValue<V, P>,
      error: errors[path],
      errorParams: errors[path] === undefined ? undefined : errorParams[path],
      onChange: (value) => set(path, value),
      inputRef: refFor(path),
    }),
    [baseId, values, errors, errorParams, set, refFor],
  );

  const update = useCallback((change: (previous: V) => V, clearUnder?: string) => {
    setValues(change);
    if (clearUnder === undefined) return;
    setErrors((previous) => {
      const kept = Object.entries(previous).filter(([path]) => path !== clearUnder && !path.startsWith(`${clearUnder}.`));
      return kept.length === Object.keys(previous).length ? previous : Object.fromEntries(kept);
    });
  }, []);

  const focus = useCallback((path: FieldPath<V>) => elements.current.get(path)?.focus(), []);

  return { values, submitting, errors, formError, otherErrors, field, set, rebase, focus, reset, update, handleSubmit, dirty, draft: options.draftKey ? draft : null };
}
