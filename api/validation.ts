import type { z } from 'zod';

/** A field problem's values, for its message: the limit it passed ("Tối đa {max} ký tự"). */
export type FieldParams = Readonly<Record<string, number>>;

/**
 * A zod error as the field problems of a validation error, the same way in the backend (its `fields`
 * and `fieldParams`) and in the interface's forms: field path → i18n key, and for a length or a value
 * out of bounds the bound (`max` or `min`) the message states.
 */
export function fieldProblems(error: z.ZodError, input: unknown): { fields: Record<string, string>; fieldParams: Record<string, FieldParams> } {
  const fields: Record<string, string> = {};
  const fieldParams: Record<string, FieldParams> = {};
  // Own keys only, defined rather than assigned: a path may be "valueOf" or "__proto__".
  const define = <T>(target: Record<string, T>, path: string, value: T) =>
    Object.defineProperty(target, path, { value, enumerable: true, writable: true, configurable: true });
  const put = (path: string, key: string, params?: FieldParams) => {
    if (Object.hasOwn(fields, path)) return;
    define(fields, path, key);
    if (params) define(fieldParams, path, params);
  };
  for (const issue of error.issues) {
    // A key the call does not take is named itself: { complex: 'v.unknown_field' }.
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        put([...issue.path.map(String), key].join('.'), 'v.unknown_field');
      }
      continue;
    }
    put(issue.path.map(String).join('.') || '_', issueKey(issue, valueAt(input, issue.path)), issueParams(issue));
  }
  return { fields, fieldParams };
}

/** Field path → i18n key of its first problem (fieldProblems without the bounds). */
export function fieldErrors(error: z.ZodError, input: unknown): Record<string, string> {
  return fieldProblems(error, input).fields;
}

/** The bound a too long, too short, too big or too small value passed; none for other problems. */
function issueParams(issue: z.core.$ZodIssue): FieldParams | undefined {
  if (issue.code !== 'too_big' && issue.code !== 'too_small') return undefined;
  // Lengths of text and bounds of numbers; a list's count or a date's bound reads differently.
  if (issue.origin !== 'string' && issue.origin !== 'number' && issue.origin !== 'int') return undefined;
  const bound = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
  if (!Number.isFinite(bound)) return undefined;
  return issue.code === 'too_big' ? { max: bound } : { min: bound };
}

/** The value the issue is about, read from the input itself (zod 4 keeps it out of issues by default). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function issueKey(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.message.startsWith('v.')) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined || value === null || value === '' ? 'v.required' : 'v.invalid';
    // Text is too short or too long; a number (or a list) too small or too big.
    case 'too_small':
      return issue.origin === 'string' ? 'v.too_short' : 'v.too_small';
    case 'too_big':
      return issue.origin === 'string' ? 'v.too_long' : 'v.too_big';
    default:
      return 'v.invalid';
  }
}
