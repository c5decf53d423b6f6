/**
 * What every call returns across a transport. Errors are values, never thrown across IPC or HTTP:
 * a stable code (also the i18n key the interface translates) and, for validation, the failing
 * fields by dotted path.
 */
export const errorCodes = [
  'validation', // input failed its schema; see fields
  'call.unknown', // no such call in the contract
  'auth.required', // the call needs a logged-in user
  'auth.forbidden', // the user's role lacks the call's permission
  'auth.invalid', // wrong username or password
  'auth.locked_out', // too many failed logins; wait
  'auth.inactive', // the account is deactivated
  'auth.idle_locked', // the session is locked after idle time; unlock with the password
  'auth.password_change_required', // a one-time or too weak password: change it before anything else
  'setup.done', // setup was already completed on this machine
  'setup.required', // the office has not been set up yet
  'store.locked', // the store is not open yet: log in first
  'store.wrong_key', // the store cannot be decrypted with this key
  'store.corrupt', // quick_check failed
  'store.checking', // the store is checked after a session that did not end: writing waits until it passes
  'store.importing', // an import (a bundle, an old register) is running: writing waits until it ends
  'store.newer_version', // the database comes from a newer version of the app
  'store.no_space', // too little free disk space for the work asked (a key rotation copies the store): nothing was changed
  'record.not_found',
  'record.conflict', // edited elsewhere since this edit began
  'record.duplicate', // a unique value is taken
  'record.voided', // a voided record cannot be changed
  'record.invalid_step', // the report's status does not allow this step
  'attachment.too_large', // over the size limit
  'attachment.type', // a file type the office does not keep
  'attachment.corrupt', // the stored file no longer matches its SHA-256
  'attachment.elsewhere', // another office's attachment: its file stays with that office
  'exchange.bad_key_file', // not a valid public-key file
  'exchange.fingerprint', // the confirmed fingerprint does not match the key file
  'exchange.own_key', // enrolling this installation's own key
  'exchange.not_bundle', // the file is not a Sổ ANTT bundle
  'exchange.too_large', // the file is over the largest bundle accepted (2 GiB)
  'exchange.unknown_sender', // signed by a key that is not enrolled here
  'exchange.not_for_us', // the bundle is addressed to other offices
  'exchange.old_key_card', // a public-key file of the old format (its fingerprint does not cover the office)
  'exchange.tampered', // damaged or truncated: the file does not hold a whole signed bundle
  'exchange.bad_signature', // the signature does not verify against the enrolled sender's key
  'exchange.undecryptable', // the content key or a frame does not decrypt
  'exchange.bad_manifest', // the payload does not match its manifest (counts, hash, order)
  'exchange.forbidden_record', // a record its sender may not write (another office's): the whole bundle refused
  'exchange.newer_schema', // made by a newer version of the app
  'exchange.wrong_kind', // records to a child, reference data to a parent, …
  'exchange.no_recipient', // no enrolled recipient chosen
  'backup.not_found', // no backup of that name in the backups folder
  'backup.unreadable', // the backup does not open with the store's key, or fails its integrity check
  'backup.newer_version', // the backup comes from a newer version of the app
  'backup.restore_failed', // the restore failed after the store was closed; the store as it was is back
  'request.invalid', // malformed request at the transport (bad JSON, missing header, too large)
  'backend.stopped', // the backend's thread stopped (db/backend-thread.ts): the app must be restarted
  'internal', // anything unexpected: logged, never shown as a stack trace
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface CallError {
  readonly code: ErrorCode;
  /** English developer text; the interface shows the translation of `code` (and of each field key). */
  readonly message: string;
  /** Field path ("admin.password") → i18n key of the problem ("v.too_short"). */
  readonly fields?: Readonly<Record<string, string>>;
  /** Field path → the values its message states: the limit passed ("Tối đa {max} ký tự", api/validation.ts). */
  readonly fieldParams?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Values to interpolate into the translated message, e.g. minutes left in a lockout. */
  readonly params?: Readonly<Record<string, string | number>>;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CallError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, extra: Omit<CallError, 'code' | 'message'> = {}): Result<never> {
  return { ok: false, error: { code, message, ...extra } };
}
