import { z } from 'zod';
import { call } from '../define';
import { fullName, newPasswordFields, officeLevel, optionalText, passwordsMatch, personalPassword, requiredText, unitCode, username } from '../fields';
import type { SetupStatus } from '../views';

/** The first administrator, typed at setup. */
export const setupAdmin = z
  .strictObject({
    fullName,
    rank: optionalText(60),
    position: optionalText(100),
    username,
    ...newPasswordFields,
  })
  .superRefine(passwordsMatch)
  .superRefine(personalPassword);

export const setupInput = z
  .strictObject({
    office: z.strictObject({
      name: requiredText(150),
      code: unitCode,
      level: officeLevel,
      parentName: requiredText(150),
      parentCode: unitCode,
    }),
    localities: z.array(requiredText(100)).max(500, 'v.too_long').default([]),
    admin: setupAdmin,
  })
  .superRefine((value, ctx) => {
    // A commune-level office has a 5-digit code; a higher office (province, district) 2 or 3 digits.
    const communeCode = value.office.code.length === 5;
    if (value.office.level === 'commune' ? !communeCode : communeCode) {
      ctx.addIssue({ code: 'custom', path: ['office', 'code'], message: 'v.unit_code_level' });
    }
  });

export const setupCalls = {
  'setup.status': call<SetupStatus>()({ readOnly: true, input: z.strictObject({}), permission: 'public' }),
  'setup.create': call<null>()({ input: setupInput, permission: 'public' }),
  /** Try the app: a demo commune office with a year of generated records up to today, and this administrator. */
  'setup.demo': call<null>()({ input: z.strictObject({ admin: setupAdmin }), permission: 'public' }),
};
