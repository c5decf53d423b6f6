import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CallInput, CallName } from '../../api/contract';
import type { Result } from '../../api/result';
import type { ReportDetail } from '../../api/views';
import { verifyAuditChain } from '../../db/audit';
import { Backend, dataPaths } from '../../db/backend';
import { listBackups } from '../../db/backup';
import { dispatch } from '../../db/dispatch';
import { exportBundle } from '../../db/exchange/export';
import { enrolPeer, publicKeyFile } from '../../db/exchange/identity';
import { importBundle } from '../../db/exchange/import';
import { Keyring, storeKeyOf, unlock } from '../../db/keyring';
import { localDate } from '../../core/calendar';
import { openSqlite, type Sqlite } from '../../db/store';
import { random } from '../bench/random';
import { ADMIN, OFFICE, setupInput } from './backend';
import { fillRegister } from './register-store';
import { summaryComparisons } from './summaries';

/**
 * The crash suite (issue #9, "Crash safety"): the browser host (web/main.ts, the real transport and
 * backend in a process of its own) on a copy of a prepared province office is killed with SIGKILL at a
 * random moment while it takes a stream of writes, imports a commune's bundle, takes its daily
 * backup at login, or rotates the store key (an officer deactivated: store, backups and attachments
 * re-encrypted, docs/security.md "Key rotation"). After each kill the data folder is checked in this process, not through the host:
 * the store opens with the key from the keyring, integrity_check and foreign_key_check pass, the
 * summary tables match a recount, the import is all or nothing, the audit chain verifies, every
 * backup on disk is a whole store, and every write whose answer came back is there as answered (with
 * its audit entry). Every few runs the host is started again on the killed folder, which must log in
 * (through quick_check, since the killed session left its open marker) and stop cleanly.
 *
 * One implementation, two counts: `npm test` runs a few (CRASH_RUNS, default 5), `npm run crash` 100.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));

export const PROVINCE = Object.freeze({ code: '38', name: 'Công an tỉnh Thanh Hóa', level: 'higher' as const, parentCode: '100', parentName: 'Bộ Công an' });

/** The commune's rows of each table its full bundle carries: all of them after the import, none before. */
const INCOMING: Readonly<Record<string, string>> = {
  reports: "SELECT count(*) FROM reports WHERE office_id = '12345'",
  persons: "SELECT count(*) FROM persons WHERE office_id = '12345'",
  report_persons: "SELECT count(*) FROM report_persons WHERE office_id = '12345'",
  localities: "SELECT count(*) FROM localities WHERE office_id = '12345'",
  offices: "SELECT count(*) FROM offices WHERE office_id = '12345'",
};

export interface CrashSizes {
  /** The province's own reports (the size of the store, so of a backup). */
  readonly ownReports: number;
  /** The commune's reports in the bundle (one in ten with a person and a link). */
  readonly incomingReports: number;
}

const OFFICER_PASSWORD = 'Trực-ban-đêm-bờ-biển-Sầm-Sơn-7';

export const DEFAULT_SIZES: CrashSizes = Object.freeze({ ownReports: 6_000, incomingReports: 1_500 });

/** A province office closed cleanly, with today's daily backup taken, and a commune's bundle for it. */
export interface CrashTemplate {
  readonly dir: string;
  readonly bundle: Buffer;
  readonly bundleId: string;
  /** Rows of each table in INCOMING that the import adds. */
  readonly incoming: Readonly<Record<string, number>>;
  /** The store key, to open the store and its backups in this process. */
  readonly keyHex: string;
  /** Backups present in the template (checked once, here). */
  readonly backups: readonly string[];
  /** An officer of the province, whom a rotation run deactivates. */
  readonly officerId: string;
}

/** Builds the template in `workDir`: a commune and a province set up through setup.create, enrolled both ways. */
export async function makeTemplate(workDir: string, sizes: CrashSizes = DEFAULT_SIZES): Promise<CrashTemplate> {
  const now = Date.now();
  const communeDir = join(workDir, 'commune');
  const dir = join(workDir, 'province');
  const setUp = async (dataDir: string, office: Parameters<typeof setupInput>[0], localities?: readonly string[]) => {
    const backend = new Backend({ dataDir, log: () => undefined });
    const result = await dispatch(backend, backend.sessions.create(now), 'setup.create', setupInput(office, localities));
    if (!result.ok) throw new Error(`setup of ${office?.code ?? OFFICE.code} failed: ${result.error.code}`);
    return backend;
  };
  const commune = await setUp(communeDir, {});
  const province = await setUp(dir, PROVINCE, []);
  const bundlePath = join(workDir, 'bundle.soantt');
  let bundleId: string;
  let officerId: string;
  const incoming: Record<string, number> = {};
  try {
    // An officer for the rotation runs to deactivate (a key sealed to them: the rotation re-seals for the others).
    const session = province.sessions.create(now);
    const login = await dispatch(province, session, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    if (!login.ok) throw new Error(`login on the province failed: ${login.error.code}`);
    const officer = await dispatch(province, session, 'users.create', {
      fullName: 'Lê Thị Hoa', username: 'hoa.officer', role: 'officer', password: OFFICER_PASSWORD, passwordConfirm: OFFICER_PASSWORD,
    });
    if (!officer.ok) throw new Error(`the officer could not be created: ${officer.error.code}`);
    officerId = (officer.value as { id: string }).id;
    const c = commune.requireStore().sql;
    const p = province.requireStore().sql;
    fillRegister(c, sizes.incomingReports, { officeId: OFFICE.code, now, seed: 7 });
    fillRegister(p, sizes.ownReports, { officeId: PROVINCE.code, now, seed: 8 });
    const toProvince = enrolPeer(c, publicKeyFile(p, now), 'parent', { userId: null, now }).key_id;
    enrolPeer(p, publicKeyFile(c, now), 'child', { userId: null, now });
    bundleId = exportBundle(c, { kind: 'records', recipients: [toProvince], mode: 'full', path: bundlePath, now, userId: null }).bundleId;
    // The dry run says what the import adds; every record must be new and none refused.
    const dry = importBundle(p, province.requireStore().writes, { path: bundlePath, apply: false, now, userId: null });
    if (dry.counts.rejected !== 0 || dry.counts.conflicts !== 0) throw new Error(`the template's bundle is not clean: ${JSON.stringify(dry.counts)}`);
    for (const [table, counts] of Object.entries(dry.byTable)) {
      if (counts.new === 0) continue;
      const statement = INCOMING[table];
      if (!statement) throw new Error(`the bundle carries ${table}: add it to INCOMING in tests/support/crash.ts`);
      if (p.prepare(statement).pluck().get() !== 0) throw new Error(`the province already holds the commune's ${table}`);
      incoming[table] = counts.new;
    }
  } finally {
    // Backups run on a worker thread: the folder is copied for each run, so nothing may still be writing.
    await commune.closeWhenIdle();
    await province.closeWhenIdle();
  }
  // A login as on any morning: the day's backup is taken now, so a run's own login takes none (unless
  // the run removes it to kill the host during that backup).
  const morning = new Backend({ dataDir: dir, log: () => undefined });
  try {
    const login = await dispatch(morning, morning.sessions.create(Date.now()), 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    if (!login.ok) throw new Error(`login on the template failed: ${login.error.code}`);
  } finally {
    await morning.closeWhenIdle();
  }
  const key = await storeKeyOf(Keyring.load(dataPaths(dir).keyring).entry(ADMIN.username)!, ADMIN.password);
  if (!key) throw new Error('the administrator\'s password does not unwrap the template\'s key');
  rmSync(communeDir, { recursive: true, force: true });
  return {
    dir,
    bundle: readFileSync(bundlePath),
    bundleId,
    incoming,
    keyHex: key.toString('hex'),
    backups: listBackups(dataPaths(dir).backups).map((file) => file.name),
    officerId,
  };
}

// ---------------------------------------------------------------------------------------------------
// The host in a process of its own, and calls to it over HTTP.

export interface HostProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Resolves when the process has exited, with its exit code or signal. */
  readonly exited: Promise<string>;
}

const START_TIMEOUT_MS = 60_000;

/**
 * The browser host compiled once with esbuild into `test-output/` (one level below the project, where
 * web/main.ts finds dist/renderer as it does from web/), as the Electron shell ships bundled: the same
 * code tsx would run, started in about a second instead of four on a busy machine. Returns the program
 * to run; `remove` deletes it. CRASH_HOST=tsx runs web/main.ts through tsx instead.
 */
export async function hostProgram(): Promise<{ readonly args: readonly string[]; readonly remove: () => void }> {
  // The host refuses to start without the built renderer: `npm test` builds it first, a lone run here.
  if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
    execFileSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', 'renderer/vite.config.ts'], { cwd: root, stdio: 'pipe' });
  }
  if (process.env.CRASH_HOST === 'tsx') return { args: ['--import', 'tsx', 'web/main.ts'], remove: () => undefined };
  const { build } = await import('esbuild');
  // CommonJS with the backend's and the backup worker beside it, as build/build-electron.mjs bundles the
  // shell: the host finds the backend's worker (db/backend-thread.ts) next to its own file, and that one
  // the backup worker (db/backup-thread.ts).
  const host = `crash-host-${process.pid}`;
  await build({
    absWorkingDir: root,
    entryPoints: { [host]: 'web/main.ts', 'backend-worker': 'db/backend-worker.ts', 'backup-worker': 'db/backup-worker.ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outdir: join(root, 'test-output'),
    outExtension: { '.js': '.cjs' },
    packages: 'external',
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
  const outfile = join(root, 'test-output', `${host}.cjs`);
  return { args: [outfile], remove: () => rmSync(outfile, { force: true }) };
}

/**
 * `node <program> --data DIR --port 0`: the browser host as `npm run web` starts it, in one process (the
 * tsx command would run it in a child process, which a SIGKILL of tsx leaves running), so the signal
 * reaches the process that holds the store.
 */
export async function startHostProcess(program: readonly string[], dataDir: string): Promise<HostProcess> {
  const child = spawn(process.execPath, [...program, '--data', dataDir, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => (output += chunk));
  child.stderr!.on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? String(code))));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the browser host did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const look = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout!.off('data', look);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', look);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`the browser host exited (${how}) before listening:\n${output}`));
    });
  });
  return { url, child, output: () => output, exited };
}

export async function killHost(host: HostProcess): Promise<void> {
  host.child.kill('SIGKILL');
  await host.exited;
}

/** A client with the session cookie of its first answer, as a browser tab. */
export class HostClient {
  private cookie = '';
  constructor(private readonly url: string) {}

  async call<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<unknown>> {
    const response = await fetch(`${this.url}/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-So-Antt': '1', ...(this.cookie ? { Cookie: this.cookie } : {}) },
      body: JSON.stringify(input),
    });
    const set = response.headers.getSetCookie().map((line) => line.split(';')[0]);
    if (set.length > 0) this.cookie = set.join('; ');
    return (await response.json()) as Result<unknown>;
  }
}

// ---------------------------------------------------------------------------------------------------
// The stream of writes, and what was acknowledged.

interface ReportState {
  readonly version: string | null;
  readonly summary: string;
  readonly voided: boolean;
}
interface PersonState {
  readonly version: string | null;
  readonly fullName: string;
  readonly birthYear: number;
}
type Tracked =
  | { readonly table: 'reports'; readonly input: CallInput<'reports.create'>; acked: ReportState; pending: ReportState | null; ackedWrites: number }
  | { readonly table: 'persons'; acked: PersonState; pending: PersonState | null; ackedWrites: number };

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const GIVENS = ['Văn An', 'Thị Bình', 'Hữu Cường', 'Đức Dũng', 'Minh Đạt', 'Ngọc Hà', 'Quang Hải', 'Thanh Lan'];

/**
 * Keeps `concurrency` writes in flight until the host dies: reports created, edited and voided, people
 * created and edited. A record has at most one write in flight, so after a kill it holds either its
 * last acknowledged state or the state of the write that was in flight.
 */
class WriteStream {
  readonly records = new Map<string, Tracked>();
  acknowledged = 0;
  refused: string[] = [];
  /** Writes answered `store.importing`: refused, as they must be, while the bundle's import holds the store. */
  heldByImport = 0;
  inFlight = 0;
  private busy = new Set<string>();
  private made = 0;

  constructor(
    private readonly client: HostClient,
    private readonly next: () => number,
    private readonly label: string,
  ) {}

  run(concurrency: number): Promise<void> {
    return Promise.all(Array.from({ length: concurrency }, () => this.worker())).then(() => undefined);
  }

  private async worker(): Promise<void> {
    for (;;) {
      try {
        await this.one();
      } catch {
        return; // the host is gone
      }
    }
  }

  private pick(table: 'reports' | 'persons', usable: (record: Tracked) => boolean): [string, Tracked] | undefined {
    const candidates = [...this.records].filter(([id, record]) => record.table === table && !this.busy.has(id) && usable(record));
    return candidates.length === 0 ? undefined : candidates[Math.floor(this.next() * candidates.length)];
  }

  private async send<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<unknown>> {
    this.inFlight += 1;
    let result: Result<unknown>;
    try {
      result = await this.client.call(name, input);
    } finally {
      this.inFlight -= 1;
    }
    // While an import runs every write is refused at once (db/exchange/import-job.ts): not in a tight loop.
    if (!result.ok && result.error.code === 'store.importing') await new Promise((resolve) => setTimeout(resolve, 20));
    return result;
  }

  private async one(): Promise<void> {
    const dice = this.next();
    const n = (this.made += 1);
    if (dice < 0.4) return this.createReport(n);
    if (dice < 0.6) return this.createPerson(n);
    const report = this.pick('reports', (record) => record.table === 'reports' && !record.acked.voided);
    if (dice < 0.8 && report) return this.updateReport(report[0], report[1], n);
    if (dice < 0.88 && report) return this.voidReport(report[0], report[1]);
    const person = this.pick('persons', () => true);
    if (person) return this.updatePerson(person[0], person[1], n);
    return this.createReport(n);
  }

  private refusedUnless(result: Result<unknown>, name: string): result is { ok: true; value: unknown } {
    if (!result.ok && result.error.code === 'store.importing') this.heldByImport += 1;
    else if (!result.ok) this.refused.push(`${name}: ${result.error.code} ${result.error.message}`);
    return result.ok;
  }

  private async createReport(n: number): Promise<void> {
    const people = [...this.records].filter(([, record]) => record.table === 'persons');
    const linked = people.length > 0 && this.next() < 0.3 ? people[Math.floor(this.next() * people.length)]![0] : null;
    const input: CallInput<'reports.create'> = {
      receivedAt: Date.now() - Math.floor(this.next() * 20 * 86_400_000),
      channel: 'phone',
      kind: 'crime_report',
      categoryCode: 'theft',
      summary: `Tin báo thử ${this.label}-${n}: mất trộm xe máy`,
      persons: linked ? [{ personId: linked, role: 'suspect' }] : [],
    };
    const result = await this.send('reports.create', input);
    if (!this.refusedUnless(result, 'reports.create')) return;
    const view = result.value as ReportDetail;
    this.acknowledged += 1;
    this.records.set(view.id, { table: 'reports', input, acked: { version: view.version, summary: view.summary, voided: false }, pending: null, ackedWrites: 1 });
  }

  private async createPerson(n: number): Promise<void> {
    const fullName = `${SURNAMES[Math.floor(this.next() * SURNAMES.length)]} ${GIVENS[Math.floor(this.next() * GIVENS.length)]} ${this.label}-${n}`;
    const birthYear = 1960 + Math.floor(this.next() * 45);
    const result = await this.send('persons.create', { fullName, birthYear });
    if (!this.refusedUnless(result, 'persons.create')) return;
    this.acknowledged += 1;
    this.records.set((result.value as { id: string }).id, { table: 'persons', acked: { version: null, fullName, birthYear }, pending: null, ackedWrites: 1 });
  }

  private async change(id: string, record: Tracked, pending: ReportState | PersonState, write: () => Promise<Result<unknown>>, name: string, acked: (value: unknown) => void) {
    this.busy.add(id);
    record.pending = pending as never;
    try {
      const result = await write();
      if (!this.refusedUnless(result, name)) {
        record.pending = null;
        return;
      }
      acked(result.value);
      record.pending = null;
      record.ackedWrites += 1;
      this.acknowledged += 1;
    } finally {
      this.busy.delete(id);
    }
  }

  private updateReport(id: string, record: Tracked, n: number) {
    if (record.table !== 'reports') return;
    const summary = `Tin báo thử ${this.label}-${n}: đã sửa nội dung`;
    return this.change(
      id,
      record,
      { version: null, summary, voided: false },
      () => this.send('reports.update', { id, baseVersion: record.acked.version!, fields: { ...record.input, summary } }),
      'reports.update',
      (value) => (record.acked = { version: (value as ReportDetail).version, summary, voided: false }),
    );
  }

  private voidReport(id: string, record: Tracked) {
    if (record.table !== 'reports') return;
    return this.change(
      id,
      record,
      { version: null, summary: record.acked.summary, voided: true },
      () => this.send('reports.void', { id, baseVersion: record.acked.version!, reason: 'Nhập trùng' }),
      'reports.void',
      (value) => (record.acked = { version: (value as ReportDetail).version, summary: record.acked.summary, voided: true }),
    );
  }

  private async updatePerson(id: string, record: Tracked, n: number) {
    if (record.table !== 'persons') return;
    this.busy.add(id);
    let base: string;
    try {
      const current = await this.send('persons.get', { id });
      if (!this.refusedUnless(current, 'persons.get')) return;
      base = (current.value as { version: string }).version;
    } finally {
      this.busy.delete(id);
    }
    const fullName = `${record.acked.fullName.split(' ').slice(0, 3).join(' ')} sửa-${this.label}-${n}`;
    const birthYear = record.acked.birthYear + 1;
    return this.change(
      id,
      record,
      { version: null, fullName, birthYear },
      () => this.send('persons.update', { id, baseVersion: base, fields: { fullName, birthYear } }),
      'persons.update',
      (value) => (record.acked = { version: (value as { version: string }).version, fullName, birthYear }),
    );
  }
}

// ---------------------------------------------------------------------------------------------------
// One run: a copy of the template, the host, a workload, the kill, the checks.

export type Workload = 'writes' | 'import' | 'backup' | 'rotation';
export const WORKLOADS: readonly Workload[] = ['writes', 'import', 'backup', 'rotation'];

/** What was under way when the signal was sent. */
export interface KilledDuring {
  /** A write sent and not answered. */
  readonly writes: boolean;
  /** exchange.apply sent and not answered, outside its backup (verifying, applying, answering). */
  readonly import: boolean;
  /** A backup being written (its `.partial` file was there): the daily one or the one before an import. */
  readonly backup: 'daily' | 'before-import' | null;
  /** The login of a backup run before its backup began (the password check, the open). */
  readonly login: boolean;
  /** users.setActive sent and not answered: the store key being rotated. */
  readonly rotation: boolean;
}

/** The calls whose duration sets the range of a run's kill. */
export type TimedCall = 'login' | 'apply' | 'rotate';

export interface RunReport {
  readonly run: number;
  readonly workload: Workload;
  readonly delayMs: number;
  /** Whether delayMs counted from the moment the backup's file appeared (else from the start of the work). */
  readonly aimed: boolean;
  readonly killedDuring: KilledDuring;
  readonly acknowledgedChecked: number;
  /** For an import run, whether the import is in the store after the kill. */
  readonly importApplied: boolean | null;
  /** For a rotation run, whether the store was under the new key after the kill. */
  readonly rekeyed: boolean | null;
  readonly restarted: boolean;
  /** The timed call still unanswered at the kill, if any. */
  readonly unanswered: TimedCall | null;
  readonly failures: readonly string[];
  /** Milliseconds: the timed calls' durations when answered, and the run's steps. */
  readonly timings: Readonly<Record<string, number>>;
}

export interface RunOptions {
  readonly run: number;
  readonly seed: number;
  /** Start the host again on the killed folder and log in. */
  readonly restart: boolean;
  /** Where this run's folders go (removed at the end unless it failed). */
  readonly workDir: string;
  /** How long the timed calls take on this machine (seen in earlier runs): the kills' range. */
  readonly expected: Readonly<Record<TimedCall, number>>;
  readonly workload: Workload;
  /** The host's program (hostProgram). */
  readonly program: readonly string[];
}

const REPORT_STATE = 'SELECT version, summary, deleted_at FROM reports WHERE id = ?';
const PERSON_STATE = 'SELECT version, full_name, birth_year FROM persons WHERE id = ?';
const AUDIT_OF_VERSION = "SELECT count(*) FROM audit_log WHERE record_id = ? AND json_extract(after, '$.version') = ?";
const AUDIT_OF_INSERT = "SELECT count(*) FROM audit_log WHERE record_id = ? AND action = 'insert'";
const BUNDLE_LOGGED = "SELECT count(*) FROM exchange_bundles WHERE bundle_id = ? AND direction = 'received'";
const IMPORT_AUDITED = "SELECT count(*) FROM audit_log WHERE action = 'import' AND record_id = ?";
const CHILD_SEQ = "SELECT received_seq FROM exchange_peers WHERE role = 'child'";

/** A store, checked: opens with the key, integrity_check, foreign keys, summaries, audit chain, then `more`. */
function checkStore(file: string, keyHex: string, what: string, failures: string[], more?: (db: Sqlite) => void): void {
  let db: Sqlite;
  try {
    db = openSqlite(file, keyHex, { quickCheck: false });
  } catch (error) {
    failures.push(`${what} does not open: ${(error as Error).message}`);
    return;
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return void failures.push(`${what}: integrity_check says ${String(integrity)}`);
    const dangling = db.pragma('foreign_key_check') as unknown[];
    if (dangling.length > 0) failures.push(`${what}: ${dangling.length} rows fail foreign_key_check, e.g. ${JSON.stringify(dangling[0])}`);
    for (const [table, { kept, recount }] of Object.entries(summaryComparisons(db))) {
      if (JSON.stringify(kept) !== JSON.stringify(recount)) failures.push(`${what}: the summary table ${table} does not match a recount`);
    }
    const chain = verifyAuditChain(db);
    if (!chain.ok) failures.push(`${what}: the audit chain breaks at entry ${chain.brokenAt} of ${chain.entries}`);
    more?.(db);
  } catch (error) {
    failures.push(`${what}: the check failed: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

function incomingCounts(db: Sqlite, template: CrashTemplate): Record<string, number> {
  return Object.fromEntries(Object.keys(template.incoming).map((table) => [table, db.prepare(INCOMING[table]!).pluck().get() as number]));
}

/** Every acknowledged write is there as answered (or as the write in flight after it), with its audit entry. */
function checkWrites(db: Sqlite, stream: WriteStream, failures: string[]): number {
  let checked = 0;
  for (const [id, record] of stream.records) {
    checked += record.ackedWrites;
    if (record.table === 'reports') {
      const row = db.prepare(REPORT_STATE).get(id) as { version: string; summary: string; deleted_at: number | null } | undefined;
      const state = row && { version: row.version, summary: row.summary, voided: row.deleted_at !== null };
      const same = (expected: ReportState | null) =>
        !!state && !!expected && (expected.version === null || expected.version === state.version) && expected.summary === state.summary && expected.voided === state.voided;
      if (!same(record.acked) && !same(record.pending)) {
        failures.push(`report ${id}: acknowledged ${JSON.stringify(record.acked)}, in flight ${JSON.stringify(record.pending)}, found ${JSON.stringify(state ?? null)}`);
      }
      if (same(record.acked) && db.prepare(AUDIT_OF_VERSION).pluck().get(id, record.acked.version) === 0) failures.push(`report ${id}: no audit entry for version ${record.acked.version}`);
    } else {
      const row = db.prepare(PERSON_STATE).get(id) as { version: string; full_name: string; birth_year: number } | undefined;
      const same = (expected: PersonState | null) =>
        !!row && !!expected && (expected.version === null || expected.version === row.version) && expected.fullName === row.full_name && expected.birthYear === row.birth_year;
      if (!same(record.acked) && !same(record.pending)) {
        failures.push(`person ${id}: acknowledged ${JSON.stringify(record.acked)}, in flight ${JSON.stringify(record.pending)}, found ${JSON.stringify(row ?? null)}`);
      }
      if (db.prepare(AUDIT_OF_INSERT).pluck().get(id) === 0) failures.push(`person ${id}: no audit entry for its creation`);
      if (same(record.acked) && record.acked.version !== null && db.prepare(AUDIT_OF_VERSION).pluck().get(id, record.acked.version) === 0) {
        failures.push(`person ${id}: no audit entry for version ${record.acked.version}`);
      }
    }
  }
  return checked;
}

const today = () => localDate(Date.now());
const hasDailyToday = (dir: string) => listBackups(dir).some((file) => file.reason === 'daily' && localDate(file.at) === today());

export async function crashRun(template: CrashTemplate, options: RunOptions): Promise<RunReport> {
  const next = random(options.seed);
  const workload = options.workload;
  const concurrency = 1 + Math.floor(next() * 4);
  // From a few ms to past the end of the work (the calls' durations seen so far), so kills land before,
  // during and after it; after it, the host idles or serves the stream of writes.
  // Or, in some import and backup runs, a short time after the backup's file appears: aimed at the backup.
  const timedCall: TimedCall | null = workload === 'import' ? 'apply' : workload === 'backup' ? 'login' : workload === 'rotation' ? 'rotate' : null;
  const span = timedCall === null ? 400 : options.expected[timedCall] * 1.3 + 100;
  const aimed = (workload === 'import' || workload === 'backup') && next() < 0.4;
  const delayMs = Math.round(aimed ? next() * 150 : 2 + next() * span);
  const withWrites = workload !== 'import' || next() < 0.5;
  const failures: string[] = [];
  const timings: Record<string, number> = {};
  const started = Date.now();

  const dir = join(options.workDir, `run-${options.run}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(template.dir, dir, { recursive: true });
  const paths = dataPaths(dir);
  // A backup run: today's backup is not there yet, so the login takes it while the signal may come.
  if (workload === 'backup') {
    for (const file of listBackups(paths.backups)) if (file.reason === 'daily' && localDate(file.at) === today()) rmSync(join(paths.backups, file.name));
  }

  const host = await startHostProcess(options.program, dir);
  const client = new HostClient(host.url);
  const stream = new WriteStream(client, next, String(options.run));
  let uploadId = '';
  try {
    if (workload !== 'backup') {
      const login = await client.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
      if (!login.ok) throw new Error(`login failed: ${login.error.code}`);
    }
    if (workload === 'import') {
      const upload = await client.call('exchange.upload', { uploadId: null, offset: 0, dataBase64: template.bundle.toString('base64') });
      if (!upload.ok) throw new Error(`upload failed: ${upload.error.code}`);
      uploadId = (upload.value as { uploadId: string }).uploadId;
    }
  } catch (error) {
    await killHost(host);
    throw new Error(`run ${options.run} could not start its work: ${(error as Error).message}\n${host.output()}`);
  }
  timings.ready = Date.now() - started;

  // The work, timed from here; the signal comes after delayMs whatever is under way.
  const calls: Record<TimedCall, 'none' | 'sent' | 'ok'> = { login: 'none', apply: 'none', rotate: 'none' };
  const timed = async (name: TimedCall, call: () => Promise<Result<unknown>>) => {
    calls[name] = 'sent';
    const t0 = Date.now();
    const result = await call();
    timings[name] = Date.now() - t0;
    if (!result.ok) failures.push(`${name} refused: ${result.error.code} ${result.error.message}`);
    else calls[name] = 'ok';
    return result.ok;
  };
  const work = (async () => {
    try {
      if (workload === 'backup' && !(await timed('login', () => client.call('auth.login', { username: ADMIN.username, password: ADMIN.password })))) return;
      const writes = withWrites ? stream.run(concurrency) : Promise.resolve();
      if (workload === 'import') await timed('apply', () => client.call('exchange.apply', { uploadId }));
      if (workload === 'rotation') await timed('rotate', () => client.call('users.setActive', { userId: template.officerId, active: false }));
      await writes;
    } catch {
      // the host is gone
    }
  })();
  const partial = () => (existsSync(paths.backups) ? readdirSync(paths.backups).find((name) => name.endsWith('.partial')) : undefined);
  if (aimed) {
    // Watch for the backup's file (every 2 ms, for as long as the call may take), then wait delayMs.
    const workDone = work.then(() => true);
    for (let waited = 0; partial() === undefined && waited < 20_000; waited += 2) {
      if (await Promise.race([workDone, new Promise<false>((resolve) => setTimeout(() => resolve(false), 2))])) break;
    }
    timings.aimedAt = Date.now() - started - timings.ready!;
  }
  const killedDuring = await new Promise<KilledDuring>((resolve) =>
    setTimeout(() => {
      const file = partial();
      const backup = file === undefined ? null : file.includes('before-import') ? 'before-import' : 'daily';
      const during = {
        writes: stream.inFlight > 0,
        import: calls.apply === 'sent' && backup === null,
        backup,
        login: calls.login === 'sent' && backup === null,
        rotation: calls.rotate === 'sent',
      } as const;
      void killHost(host).then(() => resolve(during));
    }, delayMs),
  );
  await work;
  failures.push(...stream.refused.map((line) => `a valid write was refused: ${line}`));
  timings.killed = Date.now() - started;

  // The checks run on a copy, so the restart below meets the folder exactly as the kill left it.
  const copy = `${dir}-checked`;
  cpSync(dir, copy, { recursive: true });
  const checked = dataPaths(copy);
  // The keys the administrator's entry opens: the store key and, while a rotation is under way, the next one.
  let keys: string[] = [];
  try {
    const opened = await unlock(Keyring.load(checked.keyring).entry(ADMIN.username)!, ADMIN.password);
    if (opened.kind === 'sealed') keys = [opened.storeKey, opened.nextKey].filter((key): key is Buffer => key !== null).map((key) => key.toString('hex'));
    else failures.push(`the administrator's keyring entry does not open: ${opened.kind}`);
  } catch (error) {
    failures.push(`the keyring: ${(error as Error).message}`);
  }
  // Only a rotation changes the key; whatever step it was cut at, one key of the keyring opens the store.
  if (workload !== 'rotation' && keys[0] !== template.keyHex) failures.push('the keyring no longer unwraps the store key');
  const storeKey = keys.find((key) => opensWith(checked.store, key)) ?? keys[0] ?? template.keyHex;
  const rekeyed = workload === 'rotation' ? storeKey !== template.keyHex : null;
  let acknowledgedChecked = 0;
  let importApplied: boolean | null = null;
  checkStore(checked.store, storeKey, 'the store', failures, (db) => {
    acknowledgedChecked = checkWrites(db, stream, failures);
    // All or nothing: the commune's records, the bundle's log entry, its audit entry, the sender's sequence.
    const counts = incomingCounts(db, template);
    const none = Object.values(counts).every((n) => n === 0);
    const all = Object.entries(counts).every(([table, n]) => n === template.incoming[table]);
    const logged = db.prepare(BUNDLE_LOGGED).pluck().get(template.bundleId) === 1;
    const audited = db.prepare(IMPORT_AUDITED).pluck().get(template.bundleId) === 1;
    const seq = db.prepare(CHILD_SEQ).pluck().get() as number;
    if (!none && !all) failures.push(`the import is half applied: ${JSON.stringify(counts)} of ${JSON.stringify(template.incoming)}`);
    if (all !== logged || all !== audited || all !== (seq === 1)) failures.push(`the import's records (${all}), log entry (${logged}), audit entry (${audited}) and sequence (${seq}) disagree`);
    if (workload === 'import') importApplied = all;
    if (calls.apply === 'ok' && !all) failures.push('the import was acknowledged but is not in the store');
  });

  // Every file named as a backup is a whole store, and one taken before the import holds none of it.
  for (const file of listBackups(checked.backups)) {
    if (template.backups.includes(file.name) && workload !== 'rotation') continue;
    const path = join(checked.backups, file.name);
    checkStore(path, keys.find((key) => opensWith(path, key)) ?? template.keyHex, `the backup ${file.name}`, failures, (db) => {
      if (file.reason.startsWith('before-import') && Object.values(incomingCounts(db, template)).some((n) => n !== 0)) failures.push(`the backup ${file.name} holds the import`);
    });
  }
  // The daily backup runs on a worker after the login answers: a kill may come before it is written.
  if (calls.apply === 'ok' && !listBackups(checked.backups).some((file) => file.reason.startsWith('before-import'))) failures.push('the import was acknowledged but no backup was taken before it');
  timings.checked = Date.now() - started;

  // The host again on the killed folder: the open marker makes it run quick_check; the login must work,
  // take the day's backup if the kill cut it short, and a clean stop must remove the marker.
  // A rotation run always starts again: the next login must finish the rotation the kill cut short.
  const restart = options.restart || workload === 'rotation';
  if (restart) {
    if (!existsSync(paths.openMarker) && (workload !== 'backup' || calls.login === 'ok')) failures.push('the killed session left no open marker');
    try {
      const again = await startHostProcess(options.program, dir);
      try {
        const client2 = new HostClient(again.url);
        const login = await client2.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
        if (!login.ok) failures.push(`the restarted host refuses the login: ${login.error.code} ${login.error.message}`);
        else {
          const chain = await client2.call('audit.verify', {});
          if (!chain.ok || (chain.value as { ok: boolean }).ok !== true) failures.push(`the restarted host's audit.verify: ${JSON.stringify(chain)}`);
          // The day's backup is written on a worker after the login answers: give it time.
          for (const until = Date.now() + 60_000; !hasDailyToday(paths.backups) && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 50));
          if (!hasDailyToday(paths.backups)) failures.push('after the restart there is still no daily backup today');
          // A copy cut short stays as `.partial` (never listed) until a day old; the listed ones were checked whole above.
        }
      } finally {
        again.child.kill('SIGTERM');
        const how = await again.exited;
        if (how !== '0') failures.push(`the restarted host did not stop cleanly (${how}):\n${again.output()}`);
      }
      if (existsSync(paths.openMarker)) failures.push('the restarted host left its open marker after a clean stop');
      if (workload === 'rotation') await checkRotationFinished(dir, template, calls.rotate === 'ok', failures);
    } catch (error) {
      failures.push(`the host does not start again on the killed folder: ${(error as Error).message}`);
    }
  }
  timings.done = Date.now() - started;
  if (failures.length === 0) {
    rmSync(dir, { recursive: true, force: true });
    rmSync(copy, { recursive: true, force: true });
  }
  const unanswered = (['login', 'apply', 'rotate'] as const).find((name) => calls[name] === 'sent') ?? null;
  return { run: options.run, workload, delayMs, aimed, killedDuring, acknowledgedChecked, importApplied, rekeyed, restarted: restart, unanswered, failures, timings };
}

/**
 * Whether `file` opens with the key the way the app opens it (read-write, so the hot journal of a rekey
 * cut short is rolled back): tried on a copy, so a wrong key never touches the file or its journal.
 */
function opensWith(file: string, keyHex: string): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'so-antt-key-'));
  try {
    for (const suffix of ['', '-journal', '-wal', '-shm']) if (existsSync(file + suffix)) cpSync(file + suffix, join(dir, `s.sqlite${suffix}`));
    openSqlite(join(dir, 's.sqlite'), keyHex, { quickCheck: false }).close();
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * After a rotation run's restart and clean stop: no rotation is left under way, the officer is gone from
 * the keyring if the deactivation was answered, and the store and every backup open with the key the
 * administrator's entry now holds (the old key opens none of them once the rotation finished).
 */
async function checkRotationFinished(dir: string, template: CrashTemplate, acknowledged: boolean, failures: string[]): Promise<void> {
  const paths = dataPaths(dir);
  const keyring = Keyring.load(paths.keyring);
  if (keyring.rotation !== undefined) failures.push(`after the restart the rotation is still at "${keyring.rotation.step}"`);
  const officerKept = keyring.entryForUser(template.officerId) !== undefined;
  if (acknowledged && officerKept) failures.push('the deactivation was answered but the officer still holds a key');
  const key = (await storeKeyOf(keyring.entry(ADMIN.username)!, ADMIN.password))?.toString('hex');
  if (!key) return void failures.push('after the restart the administrator\'s entry opens no key');
  if (officerKept !== (key === template.keyHex)) failures.push(`the officer ${officerKept ? 'kept' : 'lost'} a key but the store key ${key === template.keyHex ? 'stayed' : 'changed'}`);
  if (!opensWith(paths.store, key)) failures.push('after the restart the store does not open with the keyring\'s key');
  for (const file of listBackups(paths.backups)) {
    if (!opensWith(join(paths.backups, file.name), key)) failures.push(`after the restart the backup ${file.name} does not open with the keyring's key`);
    if (key !== template.keyHex && opensWith(join(paths.backups, file.name), template.keyHex)) failures.push(`after the rotation the backup ${file.name} still opens with the old key`);
  }
}

// ---------------------------------------------------------------------------------------------------
// The suite.

export interface CrashSummary {
  readonly runs: number;
  readonly seed: number;
  readonly workloads: Record<Workload, number>;
  readonly killsDuring: { writes: number; imports: number; dailyBackups: number; importBackups: number; logins: number; rotations: number; idle: number };
  readonly importsApplied: number;
  /** Rotation runs whose store was under the new key after the kill, and those still under the old one. */
  readonly rotationsRekeyed: number;
  readonly rotationsNotRekeyed: number;
  readonly importsNotApplied: number;
  readonly acknowledgedChecked: number;
  readonly restarts: number;
  readonly failures: readonly string[];
}

export async function crashSuite(
  workDir: string,
  options: { runs: number; seed: number; restartEvery: number; only?: Workload; log?: (line: string) => void },
): Promise<CrashSummary> {
  mkdirSync(workDir, { recursive: true });
  const log = options.log ?? (() => undefined);
  const template = await makeTemplate(join(workDir, 'template'));
  const program = await hostProgram();
  try {
    return await runAll(template, program.args, workDir, options, log);
  } finally {
    program.remove();
  }
}

async function runAll(
  template: CrashTemplate,
  program: readonly string[],
  workDir: string,
  options: { runs: number; seed: number; restartEvery: number; only?: Workload },
  log: (line: string) => void,
): Promise<CrashSummary> {
  const next = random(options.seed);
  const summary = {
    runs: 0,
    seed: options.seed,
    workloads: { writes: 0, import: 0, backup: 0, rotation: 0 },
    killsDuring: { writes: 0, imports: 0, dailyBackups: 0, importBackups: 0, logins: 0, rotations: 0, idle: 0 },
    importsApplied: 0,
    rotationsRekeyed: 0,
    rotationsNotRekeyed: 0,
    importsNotApplied: 0,
    acknowledgedChecked: 0,
    restarts: 0,
    failures: [] as string[],
  };
  // How long the timed calls take on this machine now: a guess at first, then moved toward each answered
  // call's duration, and up when a call was still unanswered at a kill later than the guess.
  const expected: Record<TimedCall, number> = { login: 400, apply: 700, rotate: 1_000 };
  const learn = (name: TimedCall, report: RunReport) => {
    const took = report.timings[name];
    if (took !== undefined) expected[name] = Math.round(0.7 * expected[name] + 0.3 * took);
    else if (report.unanswered === name && report.delayMs > expected[name]) expected[name] = Math.round(report.delayMs * 1.2);
  };
  // Each four runs take the four workloads in a random order, so a few runs already cover them all.
  let order: Workload[] = [];
  for (let run = 1; run <= options.runs; run += 1) {
    if (order.length === 0) order = WORKLOADS.map((w) => [next(), w] as const).sort((a, b) => a[0] - b[0]).map(([, w]) => w);
    const workload = options.only ?? order.shift()!;
    const seed = Math.floor(next() * 2 ** 31);
    const report = await crashRun(template, { run, seed, restart: run % options.restartEvery === 0, workDir, expected: { ...expected }, workload, program });
    learn('login', report);
    learn('apply', report);
    learn('rotate', report);
    summary.runs += 1;
    summary.workloads[report.workload] += 1;
    const during = report.killedDuring;
    const k = summary.killsDuring;
    if (during.writes) k.writes += 1;
    if (during.import) k.imports += 1;
    if (during.backup === 'daily') k.dailyBackups += 1;
    if (during.backup === 'before-import') k.importBackups += 1;
    if (during.login) k.logins += 1;
    if (during.rotation) k.rotations += 1;
    if (!during.writes && !during.import && !during.backup && !during.login && !during.rotation) k.idle += 1;
    if (report.importApplied === true) summary.importsApplied += 1;
    if (report.importApplied === false) summary.importsNotApplied += 1;
    if (report.rekeyed === true) summary.rotationsRekeyed += 1;
    if (report.rekeyed === false) summary.rotationsNotRekeyed += 1;
    summary.acknowledgedChecked += report.acknowledgedChecked;
    if (report.restarted) summary.restarts += 1;
    summary.failures.push(...report.failures.map((failure) => `run ${run} (seed ${seed}, ${report.workload}, kill ${report.delayMs} ms after ${report.aimed ? 'the backup began' : 'the start'}): ${failure}`));
    const what =
      [during.writes && 'writes', during.import && 'import', during.backup && `${during.backup} backup`, during.login && 'login', during.rotation && 'rotation'].filter(Boolean).join(' + ') || 'idle';
    log(
      `run ${run}: ${report.workload}, killed ${report.delayMs} ms after ${report.aimed ? 'the backup began' : 'the start'}, during ${what}; ${report.acknowledgedChecked} acknowledged writes checked` +
        `${report.importApplied === null ? '' : `; import ${report.importApplied ? 'applied' : 'not applied'}`}` +
        `${report.rekeyed === null ? '' : `; store ${report.rekeyed ? 'under the new key' : 'under the old key'}`}${report.restarted ? '; restarted' : ''}` +
        `${report.failures.length ? `; ${report.failures.length} FAILURES` : ''} ${JSON.stringify(report.timings)}`,
    );
  }
  return summary;
}

export function summaryLine(summary: CrashSummary): string {
  const { workloads: w, killsDuring: k } = summary;
  return (
    `crash suite (CRASH_SEED=${summary.seed}): ${summary.runs} runs (${w.writes} writes, ${w.import} imports, ${w.backup} daily backups at login, ${w.rotation} key rotations); ` +
    `kills during writes ${k.writes}, imports ${k.imports}, backups ${k.dailyBackups + k.importBackups} (${k.dailyBackups} daily, ${k.importBackups} before an import), ` +
    `a login ${k.logins}, a rotation ${k.rotations}, idle ${k.idle}; imports applied ${summary.importsApplied}, not applied ${summary.importsNotApplied}; ` +
    `rotations cut after the rekey ${summary.rotationsRekeyed}, before it ${summary.rotationsNotRekeyed}; ` +
    `${summary.acknowledgedChecked} acknowledged writes checked; ${summary.restarts} restarts; ${summary.failures.length} failures`
  );
}
