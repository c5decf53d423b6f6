import type { z } from 'zod';

/**
 * Turns a zod error into field path → i18n key, the same way in the backend (the `fields` of a
 * validation error) and in the interface's forms.
 */
export function fieldErrors(error: z.ZodError, input: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  // Own keys only, defined rather than assigned: a path may be "valueOf" or "__proto__".
  const put = (path: string, key: string) => {
    if (!Object.hasOwn(fields, path)) Object.defineProperty(fields, path, { value: key, enumerable: true, writable: true, configurable: true });
  };
  for (const issue of error.issues) {
    // A key the call does not take is named itself: { complex: 'v.unknown_field' }.
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        put([...issue.path.map(String), key].join('.'), 'v.unknown_field');
      }
      continue;
    }
    put(issue.path.map(String).join('.') || '_', issueKey(issue, valueAt(input, issue.path)));
  }
  return fields;
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
    case 'too_small':
      return 'v.too_short';
    case 'too_big':
      return 'v.too_long';
    default:
      return 'v.invalid';
  }
}
