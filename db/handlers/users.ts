import { AppError } from '../app-error';
import { appendAudit } from '../audit';
import { uuidv7 } from '../ids';
import { wrapKey } from '../keyring';
import { checkNewPassword, hashPassword, recordPassword } from '../passwords';
import { findUser, findUserByName, listUsers, userView, type UserRow } from '../users';
import { withChanges } from '../write-path';
import { storeFor, type Context, type HandlersOf } from './context';

export const usersHandlers: HandlersOf<'users.'> = {
  'users.list': (ctx) => {
    const { store } = storeFor(ctx);
    const keyring = ctx.backend.keyring();
    return listUsers(store.sql).map((row) => userView(row, keyring.entryForUser(row.id)?.[1], ctx.backend.now()));
  },

  'users.officers': (ctx) =>
    listUsers(storeFor(ctx).store.sql)
      .filter((row) => row.active === 1)
      .map((row) => ({ id: row.id, fullName: row.full_name, rank: row.rank })),

  /**
   * The key is wrapped first (slow, async); then the user row and the keyring entry are written in one
   * store transaction, the keyring last: if the keyring cannot be written, the row is rolled back.
   */
  'users.create': async (ctx, input) => {
    const { store, write } = storeFor(ctx);
    if (findUserByName(store.sql, input.username)) throw usernameTaken();
    const id = uuidv7();
    const entry = await wrapKey(store.key, id, input.password);
    const hashed = await hashPassword(input.password);
    const row = store.sql.transaction(() => {
      if (findUserByName(store.sql, input.username)) throw usernameTaken();
      const inserted = store.writes.insert(
        'users',
        { id, username: input.username, full_name: input.fullName, rank: input.rank, position: input.position, role: input.role, active: 1 },
        write,
      );
      // Typed by the administrator: one-time, the user chooses their own at the first login.
      recordPassword(store.sql, id, hashed, true, ctx.backend.now());
      ctx.backend.keyring().setEntry(input.username, entry);
      return inserted;
    })();
    return view(ctx, row);
  },

  'users.update': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    const before = existing(ctx, input.userId);
    const next = withChanges(
      { full_name: before.full_name, rank: before.rank, position: before.position, role: before.role },
      { full_name: input.fullName, rank: input.rank, position: input.position, role: input.role },
    );
    guardLastAdmin(ctx, before, next.role === 'admin' && before.active === 1);
    const row = store.writes.update('users', before.id, before.version, next, write);
    if (row.role !== before.role) ctx.backend.sessions.endForUser(row.id);
    return view(ctx, row);
  },

  'users.resetPassword': async (ctx, input) => {
    const { store } = storeFor(ctx);
    const user = existing(ctx, input.userId);
    if (user.active !== 1) throw new AppError('auth.inactive', 'reactivate the account to give it a password');
    await checkNewPassword(store.sql, user, input.password);
    const entry = await wrapKey(store.key, user.id, input.password);
    const hashed = await hashPassword(input.password);
    const own = user.id === ctx.user?.id;
    store.sql.transaction(() => {
      // Another user's password typed by the administrator is one-time; their own is not.
      recordPassword(store.sql, user.id, hashed, !own, ctx.backend.now());
      appendAudit(store.sql, { at: ctx.backend.now(), userId: ctx.user?.id ?? null, call: ctx.call, action: 'password_reset', table: 'users', recordId: user.id });
      ctx.backend.keyring().setEntry(user.username, entry);
    })();
    // Whoever is at that user's keyboard now must log in with the new password.
    ctx.backend.sessions.endForUser(user.id, own ? ctx.session.id : undefined);
    return null;
  },

  'users.unlock': (ctx, input) => {
    const { store } = storeFor(ctx);
    const user = existing(ctx, input.userId);
    ctx.backend.keyring().recordSuccess(user.username);
    appendAudit(store.sql, { at: ctx.backend.now(), userId: ctx.user?.id ?? null, call: ctx.call, action: 'unlock', table: 'users', recordId: user.id });
    return view(ctx, user);
  },

  'users.setActive': async (ctx, input) => {
    const { store, write } = storeFor(ctx);
    const before = existing(ctx, input.userId);
    const keyring = ctx.backend.keyring();
    if (!input.active) {
      if (before.id === ctx.user?.id) throw new AppError('auth.forbidden', 'an administrator cannot deactivate their own account');
      guardLastAdmin(ctx, before, false);
      // The keyring change is the last statement of the transaction: both happen, or neither.
      const row = store.sql.transaction(() => {
        const updated = store.writes.update('users', before.id, before.version, { active: 0 }, write);
        keyring.removeUser(updated.id);
        return updated;
      })();
      ctx.backend.sessions.endForUser(row.id);
      return view(ctx, row);
    }
    if (before.active === 1) throw new AppError('validation', 'the account is already active: reset its password instead', { fields: { userId: 'v.invalid' } });
    await checkNewPassword(store.sql, before, input.password);
    const entry = await wrapKey(store.key, before.id, input.password);
    const hashed = await hashPassword(input.password);
    const row = store.sql.transaction(() => {
      const updated = store.writes.update('users', before.id, before.version, { active: 1 }, write);
      recordPassword(store.sql, updated.id, hashed, true, ctx.backend.now());
      keyring.setEntry(updated.username, entry);
      return updated;
    })();
    return view(ctx, row);
  },
};

function existing(ctx: Context, userId: string): UserRow {
  const user = findUser(ctx.backend.requireStore().sql, userId);
  if (!user || user.deleted_at !== null) throw new AppError('record.not_found', `user ${userId} not found`);
  return user;
}

function view(ctx: Context, row: UserRow) {
  return userView(row, ctx.backend.keyring().entryForUser(row.id)?.[1], ctx.backend.now());
}

function usernameTaken(): AppError {
  return new AppError('validation', 'the username is taken', { fields: { username: 'v.username_taken' } });
}

/** The office must keep at least one active administrator. */
function guardLastAdmin(ctx: Context, user: UserRow, staysAdmin: boolean): void {
  if (user.role !== 'admin' || user.active !== 1 || staysAdmin) return;
  const admins = ctx.backend.requireStore().sql.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1 AND deleted_at IS NULL").get() as { n: number };
  if (admins.n <= 1) throw new AppError('validation', 'the office needs at least one active administrator', { fields: { role: 'v.last_admin' } });
}
