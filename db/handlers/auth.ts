import { preparePasswordRule } from '../../api/password-strength';
import type { SessionView } from '../../api/views';
import { AppError } from '../app-error';
import { appendAudit } from '../audit';
import type { Backend, OpenStore } from '../backend';
import { bindOnFirstOpen, installEntry, knowsEntry } from '../key-binding';
import { isSealed, newUserKey, nextFailure, rewrap, sameKey, spendCheck, unlock, type KeyringEntry, type SealedEntry, type Unlocked } from '../keyring';
import { resumeRotation } from '../rotation';
import { officeView } from '../office';
import { checkNewPassword, hashPassword, mustChange, recordPassword } from '../passwords';
import { readSettings } from '../settings';
import { findUser, userView, type UserRow } from '../users';
import { requireUser, type Context, type HandlersOf } from './context';

/** See docs/security.md ("Sessions", "Passwords", "Key rotation"). */
export const authHandlers: HandlersOf<'auth.'> = {
  'auth.login': async (ctx, { username, password }) => {
    const { backend, session } = ctx;
    const keyring = backend.keyring();
    if (!keyring.entry(username)) return refuseUnknown(backend, username, password);
    const checking = checkPassword(ctx, username, password);
    // The scrypt runs on libuv's pool: meanwhile the main thread builds the password rule's estimator,
    // which mustChange below needs (a third of a second in a fresh process). setImmediate: after the
    // derivation has been handed to the pool.
    setImmediate(preparePasswordRule);
    const opened = await checking;
    const entry = keyring.entry(username);
    if (!entry) throw new AppError('auth.inactive', 'the account was deactivated');
    const { store, seal } = openStore(ctx, entry, opened);
    bindOnFirstOpen(store.sql, keyring);
    if (!knowsEntry(store.sql, entry, seal)) throw refuse(ctx, entry, 'the store does not know this keyring entry');
    const user = findUser(store.sql, entry.userId);
    if (!user || user.active !== 1 || user.deleted_at !== null) throw new AppError('auth.inactive', 'the account is deactivated');
    // A rotation cut short (a power cut): this user holds both keys, so it is finished now.
    if (keyring.rotation && opened.kind === 'sealed' && opened.nextKey) {
      await resumeRotation(backend, { old: opened.storeKey, next: opened.nextKey }, { userId: user.id, call: ctx.call });
    }
    await upgradeEntry(ctx, username, opened, password);
    // A new session id: whatever id the client held before the login names nothing now.
    // Read again: a finished rotation reopened the store on its new file (db/rotation.ts).
    const sql = backend.requireStore().sql;
    backend.sessions.logIn(session, user.id, backend.now(), mustChange(sql, user, password));
    appendAudit(sql, { at: backend.now(), userId: user.id, call: ctx.call, action: 'login', table: 'users', recordId: user.id });
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

  /** The same key pair, its private key wrapped under the new password; the seals do not change. */
  'auth.changePassword': async (ctx, { current, password }) => {
    const user = requireUser(ctx);
    const keyring = ctx.backend.keyring();
    const found = keyring.entryForUser(user.id);
    if (!found) throw new AppError('auth.inactive', 'the account has no key to the store');
    let opened: Opened;
    try {
      opened = await checkPassword(ctx, found[0], current);
    } catch (error) {
      if (error instanceof AppError && error.code === 'auth.invalid') throw new AppError('validation', 'the current password is wrong', { fields: { current: 'v.password_wrong' } });
      throw error;
    }
    const store = ctx.backend.requireStore();
    if (password === current) throw new AppError('validation', 'the new password is the current one', { fields: { password: 'v.password_recent' } });
    await checkNewPassword(store.sql, user, password);
    const next = await entryWithPassword(ctx, user.id, opened, password);
    const hashed = await hashPassword(password);
    // Deactivated meanwhile: no new key for an inactive account.
    const entryNow = keyring.entryForUser(user.id);
    if (!entryNow) throw new AppError('auth.inactive', 'the account was deactivated');
    const at = ctx.backend.now();
    store.sql.transaction(() => {
      recordPassword(store.sql, user.id, hashed, false, at);
      appendAudit(store.sql, { at, userId: user.id, call: ctx.call, action: 'password', table: 'users', recordId: user.id });
      // The keyring last: if it cannot be written, the history is rolled back.
      installEntry(store.sql, keyring, entryNow[0], next(entryNow[1]));
    })();
    // Whoever else is logged in as this user (a forgotten window, someone who learnt the old password) is out.
    ctx.backend.sessions.endForUser(user.id, ctx.session.id);
    ctx.session.mustChangePassword = false;
    return null;
  },
};

type Opened = Extract<Unlocked, { kind: 'legacy' | 'sealed' }>;

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
  await spendCheck(password, backend.kdf);
  const next = nextFailure(before, now);
  names.delete(username);
  names.set(username, next);
  // The oldest names go first past a ceiling, so guessing names cannot fill the memory.
  if (names.size > MAX_UNKNOWN_NAMES) names.delete(names.keys().next().value as string);
  if (next.lockedUntil !== null && next.lockedUntil > now) throw lockedOut(next.lockedUntil, now);
  throw invalid();
}

/**
 * A keyring entry the store refuses (unknown to it, a seal that does not open, a key that does not open
 * the store): recorded in the audit log when the store is open, answered as a wrong password.
 */
function refuse(ctx: Context, entry: KeyringEntry, reason: string): AppError {
  const { backend } = ctx;
  if (backend.store) {
    appendAudit(backend.store.sql, { at: backend.now(), userId: entry.userId, call: ctx.call, action: 'login_refused', table: 'users', recordId: entry.userId, after: { reason } });
  } else {
    backend.log(`login refused for user ${entry.userId}: ${reason}`, null);
  }
  return invalid();
}

/**
 * The store, opened (or already open) with a key the entry holds, and which seal gave it. During a
 * rotation the entry holds two keys: the old one first, since until the rekey commits it is the old key
 * that opens the file and rolls a cut-off rekey back (a committed rekey refuses it at the first page,
 * before anything is written); then the next one.
 */
function openStore(ctx: Context, entry: KeyringEntry, opened: Opened): { store: OpenStore; seal: 'seal' | 'nextSeal' } {
  const { backend } = ctx;
  const keys: [Buffer, 'seal' | 'nextSeal'][] = opened.kind === 'sealed' && opened.nextKey ? [[opened.storeKey, 'seal'], [opened.nextKey, 'nextSeal']] : [[opened.storeKey, 'seal']];
  const open = backend.store;
  if (open) {
    const match = keys.find(([key]) => sameKey(open.key, key));
    if (!match) throw refuse(ctx, entry, 'the keyring entry does not open this store');
    return { store: open, seal: match[1] };
  }
  for (const [key, seal] of keys) {
    try {
      return { store: backend.open(key), seal };
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'store.wrong_key')) throw error;
    }
  }
  // An old copy of the keyring: its key opened the store before a rotation.
  throw refuse(ctx, entry, 'the keyring entry does not open this store');
}

/** A way to turn the entry as it will be then into one opened by `password` (same key pair, same seals). */
async function entryWithPassword(ctx: Context, userId: string, opened: Opened, password: string): Promise<(entry: KeyringEntry) => SealedEntry> {
  if (opened.kind === 'legacy') {
    const made = await newUserKey(userId, password, ctx.backend.requireStore().key, ctx.backend.kdf);
    return () => made;
  }
  const wrapped = await rewrap(opened.entry, opened.privateKey, password, ctx.backend.kdf);
  return (entry) => {
    if (!isSealed(entry) || entry.publicKey !== wrapped.publicKey) throw new AppError('auth.inactive', 'the account was given a new key meanwhile');
    return { ...entry, ...wrapped };
  };
}

/**
 * At login, a version 1 entry gets a key pair and a wrap made at a lower scrypt cost is made again at
 * the current one. Not while a rotation is unfinished, nor if the entry changed meanwhile.
 */
async function upgradeEntry(ctx: Context, username: string, opened: Opened, password: string): Promise<void> {
  const keyring = ctx.backend.keyring();
  const entry = keyring.entry(username);
  // While an import holds the store's write lock the entry cannot be recorded: the next login upgrades it.
  if (!entry || keyring.rotation || ctx.backend.imports.active) return;
  const { kdf } = ctx.backend;
  if (isSealed(entry) && entry.kdf.N >= kdf.N && entry.kdf.r >= kdf.r) return;
  const next = await entryWithPassword(ctx, entry.userId, opened, password);
  if (keyring.entry(username) !== entry || keyring.rotation || ctx.backend.imports.active) return;
  installEntry(ctx.backend.requireStore().sql, keyring, username, next(entry));
}

/**
 * Opens the user's entry with the password, counting failures: the fifth wrong password in a row
 * locks the account (5 minutes, then 15, then an hour), kept in the keyring so a restart does not reset it. Checks of one
 * account run one at a time, each reading the keyring as the previous one left it.
 */
function checkPassword(ctx: Context, username: string, password: string): Promise<Opened> {
  return ctx.backend.serially(`password:${username}`, async () => {
    const entry = ctx.backend.keyring().entry(username);
    if (!entry) throw invalid();
    return checkEntry(ctx, username, entry, password);
  });
}

async function checkEntry(ctx: Context, username: string, entry: KeyringEntry, password: string): Promise<Opened> {
  const { backend } = ctx;
  const now = backend.now();
  if (entry.lockedUntil !== null && entry.lockedUntil > now) throw lockedOut(entry.lockedUntil, now);
  const opened = await unlock(entry, password);
  const keyring = backend.keyring();
  if (opened.kind === 'bad_seal') throw refuse(ctx, entry, 'the keyring entry\'s seal does not open with its key');
  if (opened.kind !== 'wrong_password') {
    keyring.recordSuccess(username);
    return opened;
  }
  const next = keyring.recordFailure(username, now);
  if (backend.store) {
    appendAudit(backend.store.sql, { at: now, userId: entry.userId, call: ctx.call, action: 'login_failed', table: 'users', recordId: entry.userId });
  }
  if (next?.lockedUntil != null && next.lockedUntil > now) throw lockedOut(next.lockedUntil, now);
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
    storeCheck: ctx.backend.storeCheck.status(),
    backup: ctx.backend.backups.progress(),
    importing: ctx.backend.imports.progress(),
  };
}
