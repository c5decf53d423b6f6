import type { z } from 'zod';

/**
 * Turns a zod error into field path → i18n key, the same way in the backend (the `fields` of a
 * validation error) and in the interface's forms.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (!(path in fields)) fields[path] = issueKey(issue);
  }
  return fields;
}

function issueKey(issue: z.core.$ZodIssue): string {
  if (issue.message.startsWith('v.')) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'v.required' : 'v.invalid';
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
