import type { ErrorCode } from '../../api/result';

/**
 * Keys the backend can send that the interface must translate: every error code (api/result.ts) and
 * every field message key ("v.*") used in api/ and db/ (find them with: grep -rn "'v\." api db).
 * vi.ts must hold all of them; the type checker refuses a missing one.
 */
export const validationKeys = [
  'v.required',
  'v.too_long',
  'v.too_short',
  'v.bad_chars',
  'v.username',
  'v.username_taken',
  'v.password_short',
  'v.password_common',
  'v.password_personal',
  'v.password_repeat',
  'v.password_sequence',
  'v.password_keyboard',
  'v.password_date',
  'v.password_weak',
  'v.password_recent',
  'v.password_mismatch',
  'v.password_wrong',
  'v.last_admin',
  'v.unit_code',
  'v.peer_role',
  'v.unit_code_level',
  'v.invalid',
  'v.number',
  'v.too_small',
  'v.too_big',
  'v.unknown_field',
  'v.date',
  'v.received_future',
  'v.date_order',
  'v.citizen_id',
  'v.citizen_id_taken',
  'v.code_taken',
  'v.extension_range',
  'v.holiday_exists',
  'v.holiday_weekend',
  'v.holiday_removed',
  'v.not_holiday',
  'v.worked_weekday',
  'v.register_year',
  'v.folder_path',
  'v.confirm_restore',
] as const;

export type ValidationKey = (typeof validationKeys)[number];
export type BackendKey = ErrorCode | ValidationKey;
