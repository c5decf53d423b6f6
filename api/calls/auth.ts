import { z } from 'zod';
import { call } from '../define';
import { newPasswordFields, passwordsMatch } from '../fields';
import type { SessionView } from '../views';

export const loginInput = z.strictObject({
  username: z.string().trim().toLowerCase().min(1, 'v.required').max(64, 'v.too_long'),
  password: z.string().min(1, 'v.required').max(128, 'v.too_long'),
});

export const changePasswordInput = z
  .strictObject({ current: z.string().min(1, 'v.required').max(128, 'v.too_long'), ...newPasswordFields })
  .superRefine(passwordsMatch);

export const authCalls = {
  'auth.login': call<SessionView>()({ readOnly: true, input: loginInput, permission: 'public' }),
  /** Ends the session (the browser host also expires its cookie). */
  'auth.logout': call<null>()({ readOnly: true, input: z.strictObject({}), permission: 'public' }),
  /** Who is logged in on this session, or null. */
  'auth.session': call<SessionView | null>()({ readOnly: true, input: z.strictObject({}), permission: 'public' }),
  /** Lock the session now (the interface calls it after idle time without input). */
  'auth.lock': call<null>()({ readOnly: true, input: z.strictObject({}), permission: 'session' }),
  'auth.unlock': call<SessionView>()({
    readOnly: true,
    input: z.strictObject({ password: z.string().min(1, 'v.required').max(128, 'v.too_long') }),
    permission: 'public',
  }),
  /** Ends the user's other sessions; refuses the last 5 passwords and the username or own name. */
  'auth.changePassword': call<null>()({ input: changePasswordInput, permission: 'session' }),
};
