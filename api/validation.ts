import type { z } from 'zod';

/**
 * Turns a zod error into field path → i18n key, the same way in the backend (the `fields` of a
 * validation error) and in the interface's forms.
 */
export function fieldErrors(error: z.ZodError, input: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (!(path in fields)) fields[path] = issueKey(issue, valueAt(input, issue.path));
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
    case 'unrecognized_keys':
      return 'v.unknown_field';
    default:
      return 'v.invalid';
  }
}
