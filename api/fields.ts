import { z } from 'zod';
import { PASSWORD_MAX, passwordProblem } from './password-strength';
import { roles } from './roles';

/**
 * Field schemas shared by every call and by the interface's forms. Messages are i18n keys ("v.*"),
 * translated by the renderer; see validation.ts for how other zod issues map to keys.
 */
/**
 * What free text may not carry: C0 controls other than tab, line feed and carriage return, DEL and C1
 * controls (nobody types them; they come from pasted binary or terminal output, print as nothing and
 * are dropped from .xlsx files), and lone surrogates (half of an emoji cut in two: the store keeps
 * UTF-8, which has no such thing, so one would read back as U+FFFD). Bidi and zero-width marks are text
 * and are kept.
 */
// eslint-disable-next-line no-control-regex
export const BAD_TEXT_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const keepable = (value: string) => !BAD_TEXT_CHARS.test(value);

/**
 * Free text: trimmed (String.prototype.trim) and otherwise kept exactly as typed (no NFC: search and
 * duplicate checks fold both forms alike). Limits count code points after the trim (zod counts a
 * surrogate pair as one).
 */
export const requiredText = (max = 200) => z.string().trim().min(1, 'v.required').max(max, 'v.too_long').refine(keepable, 'v.bad_chars');
export const optionalText = (max = 200) => z.string().trim().max(max, 'v.too_long').refine(keepable, 'v.bad_chars').default('');

export const fullName = requiredText(100);

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'v.username')
  .max(32, 'v.username')
  .regex(/^[a-z0-9._-]+$/, 'v.username');

/**
 * A new password, on its own: the length and the strength rule of password-strength.ts. Where the call
 * also carries the username and the full name, `personalPassword` refuses a password made of them; a
 * call without them (a reset, a change) runs `passwordProblem` with the stored user in its handler.
 */
export const password = z
  .string()
  .max(PASSWORD_MAX, 'v.too_long')
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A new password typed twice; the mismatch is reported on passwordConfirm. */
export const newPasswordFields = { password, passwordConfirm: z.string() };
export function passwordsMatch(value: { password: string; passwordConfirm: string }, ctx: z.RefinementCtx): void {
  if (value.password !== value.passwordConfirm) {
    ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'v.password_mismatch' });
  }
}

/** A new password typed with the user's username and full name: neither may be in it. */
export function personalPassword(value: { password: string; username: string; fullName: string }, ctx: z.RefinementCtx): void {
  // Only when the password passed on its own: one reason at a time.
  if (passwordProblem(value.password) !== null) return;
  const problem = passwordProblem(value.password, [value.username, value.fullName]);
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
}

export const role = z.enum(roles, { error: 'v.required' });
export const id = z.string().uuid('v.invalid');

/** National administrative unit codes (Decision 124/2004/QĐ-TTg): 2 digits province, 3 district, 5 commune. */
export const unitCode = z.string().trim().regex(/^\d{2}$|^\d{3}$|^\d{5}$/, 'v.unit_code');

/**
 * A list's office filter (a store holding several offices' records, at a higher office): an office
 * code, or null for every office in the store.
 */
export const officeFilter = unitCode.nullable().default(null);
export const officeLevels = ['commune', 'higher'] as const;
export const officeLevel = z.enum(officeLevels, { error: 'v.required' });

/** 'YYYY-MM-DD', a real calendar date between 1900 and 2100 (a typo like 20266 or 0026 is refused). */
export const isoDate = z
  .string()
  .regex(/^(19|20)\d{2}-\d{2}-\d{2}$|^2100-\d{2}-\d{2}$/, 'v.date')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'v.date');

/** A 12-digit citizen ID (CCCD): a 3-digit province of birth code, a century-and-gender digit, birth year, serial. */
export const citizenId = z
  .string()
  .trim()
  .regex(/^\d{12}$/, 'v.citizen_id')
  .refine((value) => Number(value.slice(0, 3)) >= 1 && Number(value.slice(0, 3)) <= 96, 'v.citizen_id');

/**
 * A folder on this machine, as an absolute path: "E:\SaoLuu", "\\server\share", "/media/usb". Empty means
 * none (null). Whether it exists is the backend's business when it is used.
 */
export const folderPath = z
  .string()
  .trim()
  .max(500, 'v.too_long')
  .refine((value) => value === '' || /^(?:[A-Za-z]:[\\/]|\\\\[^\\/]+[\\/][^\\/]+|\/)/.test(value), 'v.folder_path')
  .refine((value) => ![...value].some((char) => char < ' '), 'v.folder_path')
  .transform((value) => (value === '' ? null : value));

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;
/** The shape of an update's `fields`: every field of the create schema optional, without its default. */
export type ChangesShape<S extends z.ZodRawShape> = { -readonly [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]>> };

/**
 * What an update call takes: the fields of `schema` (the create call's), each optional and stripped of
 * its default, in a strict object. A field left out means "unchanged": the backend merges what is sent
 * over the record, so leaving out `persons` or `notes` never unlinks or empties them. Refinements across
 * fields (an end before the start) are the backend's to check on the merged record.
 */
export function changesOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>): z.ZodObject<ChangesShape<S>, z.core.$strict> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    shape[key] = (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field).optional();
  }
  return z.strictObject(shape) as unknown as z.ZodObject<ChangesShape<S>, z.core.$strict>;
}
