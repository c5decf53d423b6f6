import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL cluster for tests and benchmarks (issue #21): Debian's binaries, a data folder
 * of its own, reached only through a Unix socket inside that folder (no TCP port, nothing shared with a
 * PostgreSQL the machine may run), fsync off. initdb and pg_ctl refuse root: as root the cluster runs
 * as Debian's `postgres` user (`runuser`); any other user runs it as themselves.
 *
 * No vitest here: the benchmarks use it too. tests/support/postgres.ts is the tests' side.
 */
export interface ClusterAddress {
  /** The folder holding the socket (pg's `host`). */
  readonly host: string;
  readonly port: number;
  /** The cluster's superuser; trust authentication over the socket. */
  readonly user: string;
}

const PORT = 5432;
const SUPERUSER = 'postgres';
/** The oldest PostgreSQL the app supports (issue #21). */
export const MIN_POSTGRES_MAJOR = 15;

/** The folder of PostgreSQL's server binaries (initdb, pg_ctl), or an error saying how to get them. */
export function postgresBinaries(): string {
  const fromEnv = process.env.POSTGRES_BIN;
  if (fromEnv) {
    if (existsSync(path.join(fromEnv, 'initdb'))) return fromEnv;
    throw new Error(`POSTGRES_BIN=${fromEnv} holds no initdb: point it at PostgreSQL's bin folder`);
  }
  // Debian and Ubuntu: /usr/lib/postgresql/<major>/bin, not on PATH. The newest one.
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const majors = readdirSync(debian)
      .map(Number)
      .filter((major) => major >= MIN_POSTGRES_MAJOR && existsSync(path.join(debian, String(major), 'bin', 'initdb')))
      .sort((a, b) => b - a);
    if (majors.length > 0) return path.join(debian, String(majors[0]), 'bin');
  }
  // Other systems (Homebrew, Fedora): initdb on PATH.
  for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
    if (folder && existsSync(path.join(folder, 'initdb')) && existsSync(path.join(folder, 'pg_ctl'))) return folder;
  }
  throw new Error(
    `PostgreSQL ${MIN_POSTGRES_MAJOR} or newer is needed for the PostgreSQL tests and was not found. ` +
      'Install it (Debian: apt-get install postgresql) or set POSTGRES_BIN to the folder holding initdb and pg_ctl.',
  );
}

/** Runs one of PostgreSQL's programs, as `postgres` when we are root. */
async function runTool(binaries: string, tool: string, args: readonly string[]): Promise<string> {
  const program = path.join(binaries, tool);
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, [...args]];
  try {
    const { stdout } = await run(file, argv, { timeout: 120_000, env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' } });
    return stdout;
  } catch (error) {
    const failure = error as Error & { stderr?: string; stdout?: string };
    throw new Error(`${tool} ${args.join(' ')} failed: ${failure.stderr || failure.stdout || failure.message}`);
  }
}

/** The user the cluster's files belong to: ourselves, or `postgres` when we are root. */
function owner(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  let fields: string[] = [];
  try {
    fields = execFileSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).trim().split(':');
  } catch {
    // No such user: said below.
  }
  if (fields.length < 4) {
    throw new Error('running as root, the PostgreSQL tests need the `postgres` user (Debian creates it with the postgresql package)');
  }
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
}

/**
 * Creates and starts a cluster in `folder` (made if missing, must be empty). Answers its address once it
 * accepts connections.
 */
export async function startCluster(folder: string): Promise<ClusterAddress> {
  const binaries = postgresBinaries();
  const data = path.join(folder, 'data');
  mkdirSync(folder, { recursive: true });
  const user = owner();
  if (user) {
    // The postgres user must reach the folder; only it writes there.
    chownSync(folder, user.uid, user.gid);
    chmodSync(folder, 0o700);
    // A temporary folder made by root is 0700: let postgres pass through it (not list it).
    const parent = path.dirname(folder);
    chmodSync(parent, (statSync(parent).mode & 0o777) | 0o111);
  }
  await runTool(binaries, 'initdb', ['--pgdata', data, '--username', SUPERUSER, '--auth', 'trust', '--encoding', 'UTF8', '--locale', 'C', '--no-sync', '--no-instructions']);
  const settings = [
    "listen_addresses = ''",
    `unix_socket_directories = '${folder.replace(/'/g, "''")}'`,
    `port = ${PORT}`,
    // A throwaway cluster: losing it on a crash of the machine costs nothing.
    'fsync = off',
    'synchronous_commit = off',
    'full_page_writes = off',
    'max_connections = 300',
    "log_min_messages = 'warning'",
  ];
  const conf = path.join(data, 'postgresql.auto.conf');
  writeFileSync(conf, `${settings.join('\n')}\n`);
  if (user) chownSync(conf, user.uid, user.gid);
  await runTool(binaries, 'pg_ctl', ['--pgdata', data, '--log', path.join(folder, 'server.log'), '--wait', '--timeout', '60', '--silent', 'start']);
  return { host: folder, port: PORT, user: SUPERUSER };
}

/** Stops the cluster in `folder` at once (its data is thrown away), if it runs. */
export async function stopCluster(folder: string): Promise<void> {
  const data = path.join(folder, 'data');
  if (!existsSync(path.join(data, 'postmaster.pid'))) return;
  await runTool(postgresBinaries(), 'pg_ctl', ['--pgdata', data, '--mode', 'immediate', '--wait', '--silent', 'stop']);
}
