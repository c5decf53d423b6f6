/**
 * The two jobs the store runs in the background at a login, measured on a kept office (issue #23):
 * `npx tsx tests/bench/background-jobs.ts DATA_DIR USERNAME PASSWORD` on a copy of the data folder
 * (it writes to it: the open marker, a daily backup). `--day-only` measures the second part alone, in a
 * fresh process as a host started that morning. Run under `/usr/bin/time -v` for the process's
 * peak RSS as the OS counts it; the script samples process.memoryUsage().rss (worker threads included)
 * every 50 ms as well.
 *
 * 1. After a power cut (the open marker left behind): the login's time, the check's time, the register's
 *    first page while the check runs, and a write refused meanwhile.
 * 2. First login of the day (a clean close, no backup today): the login's time, the backup's time, its
 *    progress as the screen shows it, the register's first page while it runs, the peak RSS.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Backend } from '../../db/backend';
import { dispatch } from '../../db/dispatch';

const [dataDir, username, password, only] = process.argv.slice(2);
if (!dataDir || !username || !password) throw new Error('usage: background-jobs.ts DATA_DIR USERNAME PASSWORD [--day-only]');

const FILTERS = { q: '', from: null, to: null, kind: null, categoryCode: null, status: null, localityId: null, officerId: null, overdue: false, includeVoided: false, officeId: null };
const REGISTER = { filters: FILTERS, sort: { column: 'register', direction: 'desc' }, offset: 0, limit: 100, count: true };

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const mib = (bytes: number) => (bytes / 1048576).toFixed(0);
const q = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

async function session(backend: Backend) {
  const s = backend.sessions.create(backend.now());
  const started = performance.now();
  const result = await dispatch(backend, s, 'auth.login', { username, password });
  if (!result.ok) throw new Error(`login failed: ${result.error.code}`);
  const loginMs = performance.now() - started;
  const call = (name: string, input: unknown) => dispatch(backend, s, name, input);
  return { loginMs, call };
}

/** The register's first page every 200 ms until `done`, as the page sends it; the times sorted. */
async function registerWhile(call: (name: string, input: unknown) => Promise<unknown>, done: () => boolean, onTick?: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  while (!done()) {
    const started = performance.now();
    const result = (await call('reports.list', REGISTER)) as { ok: boolean };
    if (!result.ok) throw new Error('the register failed');
    times.push(performance.now() - started);
    await onTick?.();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return times.sort((a, b) => a - b);
}

// 1. After a power cut (left out with --day-only: then the process is fresh at the first login of the day).
rmSync(join(dataDir, 'backups'), { recursive: true, force: true });
if (only !== '--day-only') {
  writeFileSync(join(dataDir, 'so-antt.sqlite.open'), '4242');
  const backend = new Backend({ dataDir, log: () => undefined });
  const checkStarted = performance.now();
  const { loginMs, call } = await session(backend);
  const write = (await call('localities.create', { name: 'Thôn Thử Đo', kind: 'thôn' })) as { ok: boolean; error?: { code: string } };
  let checked = false;
  // Only the check is queued: the backups folder is empty, so settle() ends with the check… and the day's
  // backup after it; the check's end is when its state leaves "checking".
  const progress: string[] = [];
  const times = await registerWhile(call, () => checked, async () => {
    const view = backend.storeCheck.status();
    progress.push(`${view.done}/${view.total}`);
    if (view.state !== 'checking') checked = true;
  });
  const checkSeconds = (performance.now() - checkStarted) / 1000;
  console.log(`power cut: login ${loginMs.toFixed(0)} ms; write meanwhile → ${write.ok ? 'ok' : write.error?.code}; check ${checkSeconds.toFixed(1)} s → ${backend.storeCheck.status().state}; register during the check p50 ${q(times, 0.5).toFixed(0)} ms, p95 ${q(times, 0.95).toFixed(0)} ms (${times.length} calls); progress seen ${[...new Set(progress)].join(' ')}`);
  await backend.closeWhenIdle();
  console.log(`power cut: peak RSS so far ${mib(peakRss)} MiB (the day's backup ran after the check)`);
}

// 2. First login of the day: a clean start, no backup today.
rmSync(join(dataDir, 'backups'), { recursive: true, force: true });
peakRss = process.memoryUsage().rss;
{
  const backend = new Backend({ dataDir, log: () => undefined });
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const { loginMs, call } = await session(backend);
  // The key derivation (scrypt, 128 MiB) is over: from here the peak is the backup's.
  const peakWithLogin = peakRss;
  peakRss = process.memoryUsage().rss;
  let done = false;
  void backend.backups.settled().then(() => (done = true));
  const percents: number[] = [];
  const times = await registerWhile(call, () => done, async () => {
    const view = (await call('auth.session', {})) as { ok: true; value: { backup: { percent: number } | null } };
    if (view.value.backup) percents.push(view.value.backup.percent);
  });
  const backupSeconds = (performance.now() - started) / 1000;
  console.log(`first login of the day: login ${loginMs.toFixed(0)} ms; backup ${backupSeconds.toFixed(1)} s; register during it p50 ${q(times, 0.5).toFixed(0)} ms, p95 ${q(times, 0.95).toFixed(0)} ms (${times.length} calls); progress seen ${percents.filter((_, i) => i % 10 === 0).join(' ')}…${percents.at(-1)}`);
  console.log(`first login of the day: RSS before the login ${mib(rssBefore)} MiB, peak during the login ${mib(peakWithLogin)} MiB, peak while the backup ran ${mib(peakRss)} MiB`);
  await backend.closeWhenIdle();
}
clearInterval(sampler);
