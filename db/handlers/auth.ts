import type { SessionView } from '../../api/views';
import { AppError } from '../app-error';
import { appendAudit } from '../audit';
import type { Backend } from '../backend';
import { nextFailure, sameKey, spendCheck, unwrapKey, wrapKey, type KeyringEntry } from '../keyring';
import { officeView } from '../office';
import { checkNewPassword, hashPassword, mustChange, recordPassword } from '../passwords';
import { readSettings } from '../settings';
import { findUser, userView, type UserRow } from '../users';
import { requireUser, type Context, type HandlersOf } from './context';

/** See docs/security.md ("Sessions", "Passwords"). */
export const authHandlers: HandlersOf<'auth.'> = {
  'auth.login': async (ctx, { username, password }) => {
    const { backend, session } = ctx;
    const keyring = backend.keyring();
    if (!keyring.entry(username)) return refuseUnknown(backend, username, password);
    const key = await checkPassword(ctx, username, password);
    const entry = keyring.entry(username);
    if (!entry) throw new AppError('auth.inactive', 'the account was deactivated');
    const store = backend.store ?? backend.open(key);
    if (!sameKey(store.key, key)) throw new Error(`the keyring entry of ${username} does not open this store`);
    const user = findUser(store.sql, entry.userId);
    if (!user || user.active !== 1 || user.deleted_at !== null) throw new AppError('auth.inactive', 'the account is deactivated');
    // A new session id: whatever id the client held before the login names nothing now.
    backend.sessions.logIn(session, user.id, backend.now(), mustChange(store.sql, user, password));
    appendAudit(store.sql, { at: backend.now(), userId: user.id, call: ctx.call, action: 'login', table: 'users', recordId: user.id });
    return sessionView(ctx, user, false);
  },

  'auth.logout': (ctx) => {
    const { session, backend } = ctx;
    if (session.userId && backend.store) {
      appendAudit(backend.store.sql, { at: backend.now(), userId: session.userId, call: ctx.call, action: 'logout', table: 'users', recordId: session.userId });
    }
    backend.sessions.end(session);
    return null;
  },

  'auth.session': (ctx) => (ctx.user ? sessionView(ctx, ctx.user, ctx.session.locked) : null),

  'auth.lock': (ctx) => {
    ctx.session.locked = true;
    return null;
  },

  'auth.unlock': async (ctx, { password }) => {
    const user = requireUser(ctx);
    const found = ctx.backend.keyring().entryForUser(user.id);
    if (!found) throw new AppError('auth.inactive', 'the account has no key to the store');
    await checkPassword(ctx, found[0], password);
    ctx.backend.sessions.renew(ctx.session, ctx.backend.now(), ctx.session.mustChangePassword || mustChange(ctx.backend.requireStore().sql, user, password));
    return sessionView(ctx, user, false);
  },

  'auth.changePassword': async (ctx, { current, password }) => {
    const user = requireUser(ctx);
    const keyring = ctx.backend.keyring();
    const found = keyring.entryForUser(user.id);
    if (!found) throw new AppError('auth.inactive', 'the account has no key to the store');
    try {
      await checkPassword(ctx, found[0], current);
    } catch (error) {
      if (error instanceof AppError && error.code === 'auth.invalid') throw new AppError('validation', 'the current password is wrong', { fields: { current: 'v.password_wrong' } });
      throw error;
    }
    const store = ctx.backend.requireStore();
    if (password === current) throw new AppError('validation', 'the new password is the current one', { fields: { password: 'v.password_recent' } });
    await checkNewPassword(store.sql, user, password);
    const wrapped = await wrapKey(store.key, user.id, password);
    const hashed = await hashPassword(password);
    // Deactivated meanwhile: no new key for an inactive account.
    if (!keyring.entryForUser(user.id)) throw new AppError('auth.inactive', 'the account was deactivated');
    const now = ctx.backend.now();
    store.sql.transaction(() => {
      recordPassword(store.sql, user.id, hashed, false, now);
      appendAudit(store.sql, { at: now, userId: user.id, call: ctx.call, action: 'password', table: 'users', recordId: user.id });
      // The keyring last: if it cannot be written, the history is rolled back.
      keyring.setEntry(found[0], wrapped);
    })();
    // Whoever else is logged in as this user (a forgotten window, someone who learnt the old password) is out.
    ctx.backend.sessions.endForUser(user.id, ctx.session.id);
    ctx.session.mustChangePassword = false;
    return null;
  },
};

/**
 * Unwraps the store key with the password, counting failures: the fifth wrong password in a row
 * locks the account (5 minutes, then 15, then an hour), kept in the keyring so a restart does not
 * reset it. Checks of one account run one at a time, each reading the keyring as the previous one left it.
 */
function checkPassword(ctx: Context, username: string, password: string): Promise<Buffer> {
  return ctx.backend.serially(`password:${username}`, async () => {
    const entry = ctx.backend.keyring().entry(username);
    if (!entry) throw invalid();
    return checkEntry(ctx, username, entry, password);
  });
}

async function checkEntry(ctx: Context, username: string, entry: KeyringEntry, password: string): Promise<Buffer> {
  const { backend } = ctx;
  const now = backend.now();
  if (entry.lockedUntil !== null && entry.lockedUntil > now) throw lockedOut(entry.lockedUntil, now);
  const key = await unwrapKey(entry, password);
  const keyring = backend.keyring();
  if (key) {
    keyring.recordSuccess(username);
    return key;
  }
  const next = keyring.recordFailure(username, now);
  if (backend.store) {
    appendAudit(backend.store.sql, { at: now, userId: entry.userId, call: ctx.call, action: 'login_failed', table: 'users', recordId: entry.userId });
  }
  if (next?.lockedUntil != null && next.lockedUntil > now) throw lockedOut(next.lockedUntil, now);
  throw invalid();
}

/** The same answer for an unknown user as for a wrong password: no count of tries left, for anyone. */
function invalid(): AppError {
  return new AppError('auth.invalid', 'wrong username or password');
}

interface Failures {
  readonly failed: number;
  readonly lockedUntil: number | null;
  readonly lockouts?: number;
}

const MAX_UNKNOWN_NAMES = 1000;
const unknownNames = new WeakMap<Backend, Map<string, Failures>>();

/**
 * A username no account has is counted and locked out like a real one (in memory), and spends the
 * same scrypt time: the answers do not tell which usernames exist.
 */
async function refuseUnknown(backend: Backend, username: string, password: string): Promise<never> {
  let names = unknownNames.get(backend);
  if (!names) unknownNames.set(backend, (names = new Map()));
  const now = backend.now();
  const before = names.get(username) ?? { failed: 0, lockedUntil: null };
  if (before.lockedUntil !== null && before.lockedUntil > now) throw lockedOut(before.lockedUntil, now);
  await spendCheck(password);
  const next = nextFailure(before, now);
  names.delete(username);
  names.set(username, next);
  // The oldest names go first past a ceiling, so guessing names cannot fill the memory.
  if (names.size > MAX_UNKNOWN_NAMES) names.delete(names.keys().next().value as string);
  if (next.lockedUntil !== null && next.lockedUntil > now) throw lockedOut(next.lockedUntil, now);
  throw invalid();
}

function lockedOut(until: number, now: number): AppError {
  return new AppError('auth.locked_out', 'too many failed logins', { params: { minutes: Math.max(1, Math.ceil((until - now) / 60_000)) } });
}

export function sessionView(ctx: Context, user: UserRow, locked: boolean): SessionView {
  const store = ctx.backend.requireStore();
  const entry = ctx.backend.keyring().entryForUser(user.id)?.[1];
  return {
    user: userView(user, entry, ctx.backend.now()),
    office: officeView(store.sql, store.officeId),
    idleLockMinutes: readSettings(store.sql).idleLockMinutes,
    locked,
    mustChangePassword: ctx.session.mustChangePassword,
  };
}
