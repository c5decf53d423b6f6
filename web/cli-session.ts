import { resolve } from 'node:path';
import type { CallInput, CallName, CallOutput } from '../api/contract';
import type { Result } from '../api/result';
import { Backend } from '../db/backend';
import { dispatch } from '../db/dispatch';

/** What a command-line run prints to and reads from: the terminal, or a test. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly password: () => Promise<string>;
}

export type Caller = <N extends CallName>(name: N, input: CallInput<N>) => Promise<Result<CallOutput<N>>>;

/**
 * The command lines' transport: a backend on the data folder and one session, every call through the
 * same dispatcher as the interface (validation, permissions, audit). The caller closes the backend.
 */
export function cliSession(dataDir: string, io: CliIo, now?: () => number): { readonly dataDir: string; readonly backend: Backend; readonly call: Caller } {
  const folder = resolve(dataDir);
  const backend = new Backend({ dataDir: folder, now, log: (message, error) => io.err(`${message}: ${String(error)}`) });
  const session = backend.sessions.create(backend.now());
  const call: Caller = async (name, input) => {
    const result = await dispatch(backend, session, name, input);
    // A command line works in one go: after its login it waits for the store check that an open after an
    // unclean session starts (db/store-check.ts), instead of having its writes refused meanwhile.
    if (name === 'auth.login' && result.ok) await backend.storeCheck.finished();
    return result as never;
  };
  return { dataDir: folder, backend, call };
}

export type CliSession = ReturnType<typeof cliSession>;

/**
 * A command line's run as a user of an office already set up: the password asked, the login (and the
 * store check it may start) awaited, `work` run, and the backend closed once its backups are written.
 * No office, or a login refused: a message and exit 2, before any work.
 */
export async function runAsUser(dataDir: string, user: string, io: CliIo, now: (() => number) | undefined, work: (session: CliSession) => Promise<number>): Promise<number> {
  const session = cliSession(dataDir, io, now);
  try {
    if (!session.backend.isSetUp()) {
      io.err(`Không có dữ liệu Sổ ANTT tại ${session.dataDir}.`);
      return 2;
    }
    const login = await session.call('auth.login', { username: user, password: await io.password() });
    if (!login.ok) {
      io.err(`Đăng nhập không được: ${login.error.code}`);
      return 2;
    }
    return await work(session);
  } finally {
    await session.backend.closeWhenIdle();
  }
}
