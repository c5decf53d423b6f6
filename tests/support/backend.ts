import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallInput, CallName, CallOutput } from '../../api/contract';
import type { CallError, ErrorCode, Result } from '../../api/result';
import { Backend } from '../../db/backend';
import { dispatch } from '../../db/dispatch';
import type { KdfParams } from '../../db/keyring';
import type { Session } from '../../db/sessions';

/**
 * Test support: real backends on real, encrypted SQLite files in temp folders (never mocks of the
 * store). Every folder and backend made here is closed and removed by `cleanup()`, which each test
 * file calls in afterEach.
 */

const made: { dirs: string[]; backends: Backend[] } = { dirs: [], backends: [] };

/** A fresh temp folder, removed by cleanup(). */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'so-antt-'));
  made.dirs.push(dir);
  return dir;
}

/**
 * The scrypt cost of the wraps tests make: the real one (DEFAULT_KDF, 128 MiB) takes seconds on a busy
 * test machine and is checked on its own in tests/unit/keyring.test.ts.
 */
export const TEST_KDF: KdfParams = Object.freeze({ N: 2 ** 12, r: 8, p: 1 });

/** A backend on `dataDir`, closed by cleanup(). Errors the dispatcher would log are kept, not printed. */
export function newBackend(dataDir: string, options: { now?: () => number; log?: (message: string, error: unknown) => void } = {}): Backend {
  const backend = new Backend({ dataDir, now: options.now, log: options.log ?? (() => undefined), kdf: TEST_KDF });
  made.backends.push(backend);
  return backend;
}

/** Closes every backend once its backups on a worker thread are written, then removes every folder. */
export async function cleanup(): Promise<void> {
  await Promise.all(made.backends.splice(0).map((backend) => backend.closeWhenIdle()));
  for (const dir of made.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A clock the test moves by hand; pass `clock.now` as the backend's `now`. */
export interface ManualClock {
  readonly now: () => number;
  advance(ms: number): void;
  set(ms: number): void;
}

export function manualClock(start = Date.UTC(2026, 2, 15, 8, 0, 0)): ManualClock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (ms) => {
      current = ms;
    },
  };
}

export const OFFICE = Object.freeze({
  name: 'Công an xã Quảng Hưng',
  code: '12345',
  level: 'commune' as const,
  parentName: 'Công an tỉnh Thanh Hóa',
  parentCode: '38',
});

export const LOCALITIES = Object.freeze(['Thôn Đông', 'Thôn Tây']);

export const ADMIN = Object.freeze({
  fullName: 'Nguyễn Văn Đức',
  rank: 'Thượng úy',
  position: 'Trưởng Công an xã',
  username: 'duc.nv',
  password: 'Mật-khẩu-2026!-Tràm-Chim',
});

export function setupInput(office: Partial<CallInput<'setup.create'>['office']> = {}, localities: readonly string[] = LOCALITIES): CallInput<'setup.create'> {
  return {
    office: { ...OFFICE, ...office },
    localities: [...localities],
    admin: {
      fullName: ADMIN.fullName,
      rank: ADMIN.rank,
      position: ADMIN.position,
      username: ADMIN.username,
      password: ADMIN.password,
      passwordConfirm: ADMIN.password,
    },
  };
}

export type Call = <N extends CallName>(name: N, input: CallInput<N>) => Promise<Result<CallOutput<N>>>;

export interface TestOffice {
  readonly dir: string;
  readonly backend: Backend;
  /** The administrator's logged-in session. */
  readonly session: Session;
  readonly adminId: string;
  /** A call as the administrator. */
  readonly call: Call;
  /** A call on any session. */
  callAs<N extends CallName>(session: Session, name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>>;
  /** A new session, logged in; throws with the error code when the login fails. */
  login(username: string, password: string): Promise<Session>;
  /** A new session and the login's result, for logins expected to fail. */
  tryLogin(username: string, password: string): Promise<{ session: Session; result: Result<CallOutput<'auth.login'>> }>;
  /**
   * For tests that move the clock by days: `call` logs the administrator in again when the idle lock
   * (at most 60 minutes) or the session's lifetime (12 hours) has ended the session, then retries.
   */
  stayLoggedIn(): void;
}

/** Runs a call through the dispatcher, as both transports do. */
export async function callOn<N extends CallName>(backend: Backend, session: Session, name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
  return (await dispatch(backend, session, name, input)) as Result<CallOutput<N>>;
}

/** Binds the helpers of TestOffice to a backend (used again after a restart on the same folder). */
export function bind(backend: Backend, session: Session, adminId: string, dir: string): TestOffice {
  const callAs = <N extends CallName>(s: Session, name: N, input: CallInput<N>) => callOn(backend, s, name, input);
  const tryLogin = async (username: string, password: string) => {
    const fresh = backend.sessions.create(backend.now());
    const result = await callAs(fresh, 'auth.login', { username, password });
    return { session: fresh, result };
  };
  let relogin = false;
  const call: Call = async (name, input) => {
    const result = await callAs(session, name, input);
    if (!relogin || result.ok || (result.error.code !== 'auth.idle_locked' && result.error.code !== 'auth.required')) return result;
    expectOk(await callAs(session, 'auth.login', { username: ADMIN.username, password: ADMIN.password }));
    return callAs(session, name, input);
  };
  return {
    dir,
    backend,
    session,
    adminId,
    call,
    stayLoggedIn: () => {
      relogin = true;
    },
    callAs,
    tryLogin,
    login: async (username, password) => {
      const { session: fresh, result } = await tryLogin(username, password);
      if (!result.ok) throw new Error(`login of ${username} failed: ${result.error.code}`);
      return fresh;
    },
  };
}

/**
 * A set-up office in a temp folder: setup.create through the dispatcher with a realistic commune
 * office and administrator, then the administrator logged in.
 */
export async function createOffice(
  options: {
    now?: () => number;
    dir?: string;
    log?: (message: string, error: unknown) => void;
    /** Another office than the default commune (a higher office, a neighbour, another PC of it). */
    office?: Partial<CallInput<'setup.create'>['office']>;
    localities?: readonly string[];
  } = {},
): Promise<TestOffice> {
  const dir = options.dir ?? tempDir();
  const backend = newBackend(dir, { now: options.now, log: options.log });
  const setupSession = backend.sessions.create(backend.now());
  expectOk(await callOn(backend, setupSession, 'setup.create', setupInput(options.office, options.localities)));
  const probe = bind(backend, setupSession, '', dir);
  const session = await probe.login(ADMIN.username, ADMIN.password);
  const me = expectOk(await callOn(backend, session, 'auth.session', {}));
  if (!me) throw new Error('the administrator is not logged in after setup');
  return bind(backend, session, me.user.id, dir);
}

/** A new Backend on the same folder, as after restarting the app; nobody logged in. */
export function restart(office: TestOffice, options: { now?: () => number; log?: (message: string, error: unknown) => void } = {}): TestOffice {
  office.backend.close();
  const backend = newBackend(office.dir, options);
  return bind(backend, backend.sessions.create(backend.now()), office.adminId, office.dir);
}

/** The value of a successful result; fails the test with the error otherwise. */
export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`);
  return result.value;
}

/** The error of a failed result, which must carry `code`. */
export function expectError(result: Result<unknown>, code: ErrorCode): CallError {
  if (result.ok) throw new Error(`expected error ${code}, got ok: ${JSON.stringify(result.value)}`);
  if (result.error.code !== code) throw new Error(`expected error ${code}, got ${result.error.code}: ${result.error.message}`);
  return result.error;
}

/**
 * A new officer (or other role) created by the administrator, as if they had since chosen this password
 * themselves: the administrator's password is one-time (docs/security.md), and going through a login
 * and auth.changePassword for every user of every test costs seconds of scrypt, so the flag is cleared in
 * the store (tests/integration/auth-sessions.test.ts goes through the real change). Returns their id.
 */
export async function addUser(
  office: TestOffice,
  user: { username: string; password: string; fullName?: string; role?: 'officer' | 'chief' | 'admin' },
): Promise<string> {
  const id = await addUserOneTime(office, user);
  office.backend.requireStore().sql.prepare('UPDATE password_history SET one_time = 0 WHERE user_id = ?').run(id);
  return id;
}

/** The password an administrator gives when creating `password`'s owner (addUser). */
export const oneTimePassword = (password: string) => `${password} tạm thời`;

/** A new user as the administrator left them: with a one-time password; returns their id. */
export async function addUserOneTime(
  office: TestOffice,
  user: { username: string; password: string; fullName?: string; role?: 'officer' | 'chief' | 'admin' },
): Promise<string> {
  const created = expectOk(
    await office.call('users.create', {
      fullName: user.fullName ?? 'Trần Thị Hương',
      rank: 'Trung úy',
      position: 'Cán bộ',
      username: user.username,
      role: user.role ?? 'officer',
      password: user.password,
      passwordConfirm: user.password,
    }),
  );
  return created.id;
}
