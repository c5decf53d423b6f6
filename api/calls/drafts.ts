import { z } from 'zod';
import { call } from '../define';

/**
 * Drafts of long forms: what the user typed and has not saved, offered back when the form opens again.
 * Always the session's own user: no call names a user, so no one reads or clears another's draft.
 */

/** Which form: "report.new", "person.edit:<id>", "operation.new:<campaign id>"… */
export const draftForm = z
  .string()
  .regex(/^[a-z]+(\.[a-z]+)*(:[0-9a-z-]{1,64})?$/, 'v.invalid')
  .max(100, 'v.too_long');

/** The form's values as JSON (at most 200 000 characters: a long report with its people). */
export const DRAFT_MAX = 200_000;

export interface DraftView {
  /** The values as JSON, as saved. */
  readonly data: string;
  readonly updatedAt: number;
}

export const draftsCalls = {
  'drafts.get': call<DraftView | null>()({ readOnly: true, input: z.strictObject({ form: draftForm }), permission: 'session' }),
  'drafts.save': call<null>()({
    input: z.strictObject({
      form: draftForm,
      data: z
        .string()
        .max(DRAFT_MAX, 'v.too_long')
        .refine((text) => {
          try {
            JSON.parse(text);
            return true;
          } catch {
            return false;
          }
        }, 'v.invalid'),
    }),
    permission: 'session',
  }),
  'drafts.discard': call<null>()({ input: z.strictObject({ form: draftForm }), permission: 'session' }),
};
