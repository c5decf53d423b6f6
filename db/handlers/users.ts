import { AppError } from '../app-error';
import { appendAudit } from '../audit';
import { uuidv7 } from '../ids';
import { recordEntry } from '../key-binding';
import { newUserKey, sameKey } from '../keyring';
import { checkNewPassword, hashPassword, recordPassword } from '../passwords';
import { rotateStoreKey } from '../rotation';
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
   * The key pair is made first (its wrap is slow, async); then the user row, the entry's fingerprint and
   * the keyring entry are written in one store transaction, the keyring last: if the keyring cannot be
   * written, the row is rolled back.
   */
  'users.create': async (ctx, input) => {
    const { store, write } = storeFor(ctx);
    if (findUserByName(store.sql, input.username)) throw usernameTaken();
    if (ctx.backend.keyring().rotation) throw keysChanged();
    const id = uuidv7();
    // The key the entry is sealed to, kept: the store object follows a rotation that may run meanwhile.
    const sealedTo = store.key;
    const entry = await newUserKey(id, input.password, sealedTo, ctx.backend.kdf);
    const hashed = await hashPassword(input.password);
    const row = store.sql.transaction(() => {
      if (findUserByName(store.sql, input.username)) throw usernameTaken();
      if (!sameKey(sealedTo, ctx.backend.requireStore().key)) throw keysChanged();
      recordEntry(store.sql, entry);
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

  /**
   * A new key pair for the user under the password the administrator typed, and a new store key: the
   * user's old keyring entry and password no longer open the store (db/rotation.ts).
   */
  'users.resetPassword': async (ctx, input) => {
    const { store } = storeFor(ctx);
    const user = existing(ctx, input.userId);
    if (user.active !== 1) throw new AppError('auth.inactive', 'reactivate the account to give it a password');
    await checkNewPassword(store.sql, user, input.password);
    // The key the entry is sealed to, kept: the store object follows a rotation that may run meanwhile.
    const sealedTo = store.key;
    const entry = await newUserKey(user.id, input.password, sealedTo, ctx.backend.kdf);
    const hashed = await hashPassword(input.password);
    const own = user.id === ctx.user?.id;
    const by = { userId: ctx.user?.id ?? null, call: ctx.call };
    await rotateStoreKey(ctx.backend, { put: [user.username, entry] }, () => {
      if (!sameKey(sealedTo, ctx.backend.requireStore().key)) throw keysChanged();
      // Another user's password typed by the administrator is one-time; their own is not.
      recordPassword(store.sql, user.id, hashed, !own, ctx.backend.now());
      appendAudit(store.sql, { at: ctx.backend.now(), userId: by.userId, call: ctx.call, action: 'password_reset', table: 'users', recordId: user.id });
    }, by);
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
      // The row and the keyring change in one transaction (the keyring last), then the store key rotates:
      // the user's copy of the keyring no longer opens the store.
      const row = await rotateStoreKey(ctx.backend, { remove: before.id }, () => store.writes.update('users', before.id, before.version, { active: 0 }, write), {
        userId: write.userId,
        call: ctx.call,
      });
      ctx.backend.sessions.endForUser(row.id);
      return view(ctx, row);
    }
    if (before.active === 1) throw new AppError('validation', 'the account is already active: reset its password instead', { fields: { userId: 'v.invalid' } });
    await checkNewPassword(store.sql, before, input.password);
    if (keyring.rotation) throw keysChanged();
    // The key the entry is sealed to, kept: the store object follows a rotation that may run meanwhile.
    const sealedTo = store.key;
    const entry = await newUserKey(before.id, input.password, sealedTo, ctx.backend.kdf);
    const hashed = await hashPassword(input.password);
    const row = store.sql.transaction(() => {
      if (!sameKey(sealedTo, ctx.backend.requireStore().key)) throw keysChanged();
      const updated = store.writes.update('users', before.id, before.version, { active: 1 }, write);
      recordPassword(store.sql, updated.id, hashed, true, ctx.backend.now());
      recordEntry(store.sql, entry);
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

/**
 * The store key rotated while a new key pair was being made (the seal made is of the old key), or a
 * rotation is unfinished (it is finished at the next login): a new entry would miss the next key.
 */
function keysChanged(): AppError {
  return new AppError('record.conflict', 'the store key is changing: try again after logging in again');
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
