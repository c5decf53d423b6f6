import { z } from 'zod';
import { call } from '../define';
import { changesOf, fullName, id, newPasswordFields, optionalText, passwordsMatch, personalPassword, role, username } from '../fields';
import type { OfficerView, UserView } from '../views';

export const userCreateInput = z
  .strictObject({ fullName, rank: optionalText(60), position: optionalText(100), username, role, ...newPasswordFields })
  .superRefine(passwordsMatch)
  .superRefine(personalPassword);

export const userResetPasswordInput = z.strictObject({ userId: id, ...newPasswordFields }).superRefine(passwordsMatch);

/** What an administrator may change of a user; a field left out keeps its value. */
export const userUpdateInput = z.strictObject({
  userId: id,
  ...changesOf(z.strictObject({ fullName, rank: optionalText(60), position: optionalText(100), role })).shape,
});

export const usersCalls = {
  'users.list': call<UserView[]>()({ readOnly: true, input: z.strictObject({}), permission: 'users.manage' }),
  /** Who can be put in charge of a record: every active user's id and name, for any logged-in user. */
  'users.officers': call<OfficerView[]>()({ readOnly: true, input: z.strictObject({}), permission: 'session' }),
  'users.create': call<UserView>()({ input: userCreateInput, permission: 'users.manage' }),
  'users.update': call<UserView>()({ input: userUpdateInput, permission: 'users.manage' }),
  /** The new password is one-time: the user must change it at their next login (docs/security.md). */
  'users.resetPassword': call<null>()({ input: userResetPasswordInput, permission: 'users.manage' }),
  /** Lifts a lockout after failed logins now, instead of waiting it out. */
  'users.unlock': call<UserView>()({ input: z.strictObject({ userId: id }), permission: 'users.manage' }),
  /** Deactivating removes the user's key to the store; reactivating needs a new password. */
  'users.setActive': call<UserView>()({
    input: z.discriminatedUnion('active', [
      z.strictObject({ userId: id, active: z.literal(false) }),
      z.strictObject({ userId: id, active: z.literal(true), ...newPasswordFields }).superRefine(passwordsMatch),
    ]),
    permission: 'users.manage',
  }),
};
