import { contract, isCallName } from '../api/contract';
import { fail, ok, type Result } from '../api/result';
import { roleHasPermission } from '../api/roles';
import { fieldProblems } from '../api/validation';
import { AppError } from './app-error';
import type { Backend } from './backend';
import type { Context } from './handlers/context';
import { handlers } from './handlers/registry';
import { auditResult } from './read-audit';
import type { Session } from './sessions';
import { readSettings } from './settings';
import { findUser, type UserRow } from './users';

/** The calls a session whose password must be changed may still make (docs/security.md, "Passwords"). */
const WHILE_PASSWORD_MUST_CHANGE: ReadonlySet<string> = new Set(['auth.changePassword', 'auth.logout', 'auth.session']);

/**
 * The one entry point both transports call: look up the call, check the session against the call's
 * permission before its input is read (a caller without a session learns nothing of a protected call's
 * schema), validate the input with the contract's schema, run the handler, audit what it read
 * (db/read-audit.ts: read entries, secret reporters), and turn whatever happens into a Result.
 * Unexpected errors are logged and reported as `internal`, never as a stack.
 */
export async function dispatch(backend: Backend, session: Session, name: string, input: unknown): Promise<Result<unknown>> {
  if (!isCallName(name)) return fail('call.unknown', `no call named ${JSON.stringify(name)}`);
  const spec = contract[name];
  try {
    const user = authorise(backend, session, name, spec.permission);
    // While the store is checked after a power cut or a bundle is imported, only reads are answered
    // (db/store-check.ts, db/exchange/import-job.ts).
    backend.refuseCall(name);
    const raw = input ?? {};
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) {
      // Field errors go to a logged-in user, and to the setup form while the machine has no office;
      // anyone else gets a generic refusal.
      if (!user && !(name.startsWith('setup.') && !backend.isSetUp())) return fail('validation', 'the input is not valid');
      const { fields, fieldParams } = fieldProblems(parsed.error, raw);
      const unknown = Object.keys(fields).filter((path) => fields[path] === 'v.unknown_field');
      const message = unknown.length > 0 ? `the call does not take ${unknown.join(', ')}` : 'the input is not valid';
      return fail('validation', message, Object.keys(fieldParams).length > 0 ? { fields, fieldParams } : { fields });
    }
    const ctx: Context = { backend, session, call: name, user };
    const handler = handlers[name] as (ctx: Context, input: unknown) => unknown;
    const output = await handler(ctx, parsed.data);
    return ok(auditResult(ctx, spec, parsed.data, output));
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toCallError() };
    // A call that began before an import and tried to write during it (db/exchange/import-job.ts).
    const refused = backend.imports.explain(error);
    if (refused) return { ok: false, error: refused.toCallError() };
    backend.log(`call ${name} failed`, error);
    return fail('internal', 'an unexpected error happened; nothing was changed');
  }
}

/** The user the call runs as, or an error when the session may not make it. */
function authorise(backend: Backend, session: Session, name: string, permission: (typeof contract)[keyof typeof contract]['permission']): UserRow | null {
  const user = currentUser(backend, session);
  const now = backend.now();
  if (user) {
    // Idle time locks the session whatever the call, so auth.session reports it too.
    const idleMinutes = readSettings(backend.requireStore().sql).idleLockMinutes;
    if (now - session.lastActive > idleMinutes * 60_000) session.locked = true;
  }
  if (permission === 'public') return user;
  if (!user) throw new AppError('auth.required', 'log in first');
  if (session.locked) throw new AppError('auth.idle_locked', 'the session is locked: enter the password');
  if (session.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(name)) {
    throw new AppError('auth.password_change_required', 'change the password first');
  }
  if (!roleHasPermission(user.role, permission)) throw new AppError('auth.forbidden', `role ${user.role} lacks ${permission}`);
  session.lastActive = now;
  return user;
}

/**
 * The session's user, read fresh: a deactivated user's session ends here, and so does one older than
 * the office's absolute lifetime (sessionHours after the login, whatever the activity).
 */
export function currentUser(backend: Backend, session: Session): UserRow | null {
  if (!session.userId || !backend.store) return null;
  const user = findUser(backend.store.sql, session.userId);
  const expired = backend.now() - session.loggedInAt > readSettings(backend.store.sql).sessionHours * 3_600_000;
  if (!user || user.active !== 1 || user.deleted_at !== null || expired) {
    backend.sessions.end(session);
    return null;
  }
  return user;
}
