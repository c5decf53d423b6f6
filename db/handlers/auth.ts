import type { SessionView } from '../../api/views';
import { AppError } from '../app-error';
import { appendAudit } from '../audit';
import { LOCKOUT_FAILURES, sameKey, spendCheck, unwrapKey, wrapKey, type KeyringEntry } from '../keyring';
import { officeView } from '../office';
import { readSettings } from '../settings';
import { findUser, userView, type UserRow } from '../users';
import { requireUser, type Context, type HandlersOf } from './context';

export const authHandlers: HandlersOf<'auth.'> = {
  'auth.login': async (ctx, { username, password }) => {
    const { backend, session } = ctx;
    const keyring = backend.keyring();
    if (!keyring.entry(username)) {
      await spendCheck(password);
      throw new AppError('auth.invalid', 'wrong username or password');
    }
    const key = await checkPassword(ctx, username, password);
    const entry = keyring.entry(username);
    if (!entry) throw new AppError('auth.inactive', 'the account was deactivated');
    const store = backend.store ?? backend.open(key);
    if (!sameKey(store.key, key)) throw new Error(`the keyring entry of ${username} does not open this store`);
    const user = findUser(store.sql, entry.userId);
    if (!user || user.active !== 1 || user.deleted_at !== null) throw new AppError('auth.inactive', 'the account is deactivated');
    session.userId = user.id;
    session.locked = false;
    session.lastActive = backend.now();
    appendAudit(store.sql, { at: backend.now(), userId: user.id, call: ctx.call, action: 'login', table: 'users', recordId: user.id });
    return sessionView(ctx, user, false);
  },

  'auth.logout': (ctx) => {
    const { session, backend } = ctx;
    if (session.userId && backend.store) {
      appendAudit(backend.store.sql, { at: backend.now(), userId: session.userId, call: ctx.call, action: 'logout', table: 'users', recordId: session.userId });
    }
    session.userId = null;
    session.locked = false;
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
    ctx.session.locked = false;
    ctx.session.lastActive = ctx.backend.now();
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
    const wrapped = await wrapKey(store.key, user.id, password);
    // Deactivated meanwhile: no new key for an inactive account.
    if (!keyring.entryForUser(user.id)) throw new AppError('auth.inactive', 'the account was deactivated');
    keyring.setEntry(found[0], wrapped);
    appendAudit(store.sql, { at: ctx.backend.now(), userId: user.id, call: ctx.call, action: 'password', table: 'users', recordId: user.id });
    return null;
  },
};

/**
 * Unwraps the store key with the password, counting failures: the fifth wrong password in a row
 * locks the account for five minutes, kept in the keyring so a restart does not reset it. Checks of one
 * account run one at a time, each reading the keyring as the previous one left it.
 */
function checkPassword(ctx: Context, username: string, password: string): Promise<Buffer> {
  return ctx.backend.serially(`password:${username}`, async () => {
    const entry = ctx.backend.keyring().entry(username);
    if (!entry) throw new AppError('auth.invalid', 'wrong username or password');
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
  throw new AppError('auth.invalid', 'wrong username or password', { params: { left: LOCKOUT_FAILURES - (next?.failed ?? 0) } });
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
  };
}
