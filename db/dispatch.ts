import { contract, isCallName } from '../api/contract';
import { fail, ok, type Result } from '../api/result';
import { roleHasPermission } from '../api/roles';
import { fieldErrors } from '../api/validation';
import { AppError } from './app-error';
import type { Backend } from './backend';
import type { Context } from './handlers/context';
import { handlers } from './handlers/registry';
import { auditResult } from './read-audit';
import type { Session } from './sessions';
import { readSettings } from './settings';
import { findUser, type UserRow } from './users';

/**
 * The one entry point both transports call: look up the call, validate its input with the contract's
 * schema, check the session's user against the call's permission, run the handler, audit what it read
 * (db/read-audit.ts: read entries, secret reporters), and turn whatever happens into a Result.
 * Unexpected errors are logged and reported as `internal`, never as a stack.
 */
export async function dispatch(backend: Backend, session: Session, name: string, input: unknown): Promise<Result<unknown>> {
  if (!isCallName(name)) return fail('call.unknown', `no call named ${JSON.stringify(name)}`);
  const spec = contract[name];
  try {
    const raw = input ?? {};
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error, raw);
      const unknown = Object.keys(fields).filter((path) => fields[path] === 'v.unknown_field');
      const message = unknown.length > 0 ? `the call does not take ${unknown.join(', ')}` : 'the input is not valid';
      return fail('validation', message, { fields });
    }
    const user = authorise(backend, session, spec.permission);
    const ctx: Context = { backend, session, call: name, user };
    const handler = handlers[name] as (ctx: Context, input: unknown) => unknown;
    const output = await handler(ctx, parsed.data);
    return ok(auditResult(ctx, spec, parsed.data, output));
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toCallError() };
    backend.log(`call ${name} failed`, error);
    return fail('internal', 'an unexpected error happened; nothing was changed');
  }
}

/** The user the call runs as, or an error when the session may not make it. */
function authorise(backend: Backend, session: Session, permission: (typeof contract)[keyof typeof contract]['permission']): UserRow | null {
  const user = currentUser(backend, session);
  const now = backend.now();
  if (user) {
    // Idle time locks the session whatever the call, so auth.session reports it too.
    const idleMinutes = readSettings(backend.requireStore().sql).idleLockMinutes;
    if (idleMinutes > 0 && now - session.lastActive > idleMinutes * 60_000) session.locked = true;
  }
  if (permission === 'public') return user;
  if (!user) throw new AppError('auth.required', 'log in first');
  if (session.locked) throw new AppError('auth.idle_locked', 'the session is locked: enter the password');
  if (!roleHasPermission(user.role, permission)) throw new AppError('auth.forbidden', `role ${user.role} lacks ${permission}`);
  session.lastActive = now;
  return user;
}

/** The session's user, read fresh: a deactivated user's session ends here. */
export function currentUser(backend: Backend, session: Session): UserRow | null {
  if (!session.userId || !backend.store) return null;
  const user = findUser(backend.store.sql, session.userId);
  if (!user || user.active !== 1 || user.deleted_at !== null) {
    session.userId = null;
    session.locked = false;
    return null;
  }
  return user;
}
