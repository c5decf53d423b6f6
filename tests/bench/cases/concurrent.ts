import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Backend } from '../../../db/backend';
import { yearsUpTo } from '../../../db/demo/generator';
import { fillStore } from '../../../db/demo/write';
import { dispatch } from '../../../db/dispatch';
import { exportBundle } from '../../../db/exchange/export';
import { stageFile } from '../../../db/exchange/files';
import { enrolPeer, identity, publicKeyFile } from '../../../db/exchange/identity';
import { setupInput } from '../../support/backend';
import type { RegisterOffice } from '../../support/register-store';
import { ensureRendererBuilt, loginHost, startHost } from '../../e2e/support/host';
import { checked, EMPTY_FILTERS, freshCopy, quantile, type Caller, type ContractRow } from './contract';
import { communeRates } from './exchange';

/**
 * The register page while long work runs beside it (issue #20): through the browser host, whose backend
 * runs on a worker thread as in Electron, the register's first page (as the page sends it: 100 rows with
 * the total) every 100 ms, idle, then while a province-wide year report is computed, then while a
 * commune's realistic bundle is applied. Budget: the page's p95 under 50 ms during both.
 */

const REGISTER = { filters: EMPTY_FILTERS, sort: { column: 'register', direction: 'desc' }, offset: 0, limit: 100, count: true };

/** The register's first page every 100 ms until `work` settles (or `count` times when idle); the times and the work's own. */
async function registerBeside(post: Caller, work: Promise<unknown> | null, count = 30): Promise<{ times: number[]; workMs: number }> {
  const started = performance.now();
  let settled = work === null;
  let workMs = 0;
  const watched = work?.then(
    () => {
      workMs = performance.now() - started;
      settled = true;
    },
    (error: unknown) => {
      settled = true;
      throw error;
    },
  );
  const times: number[] = [];
  // At least one call, even beside work that ends at once.
  do {
    const start = performance.now();
    await checked(post, 'reports.list', REGISTER);
    times.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 100));
  } while (work === null ? times.length < count : !settled);
  await watched;
  return { times: times.sort((a, b) => a - b), workMs };
}

/**
 * A commune enrolled at the province copy (both keys exchanged) and its realistic bundle of `reports`
 * reports, staged in the copy's inbox: the upload id for exchange.apply.
 */
async function stagedCommuneBundle(office: RegisterOffice, copy: string, work: string, reports: number): Promise<string> {
  const province = new Backend({ dataDir: copy, log: () => undefined });
  const login = await dispatch(province, province.sessions.create(Date.now()), 'auth.login', { username: office.username, password: office.password });
  if (!login.ok) throw new Error(`login failed: ${login.error.code}`);
  const p = province.requireStore();
  const commune = new Backend({ dataDir: join(work, 'concurrent-commune'), now: () => office.now, log: () => undefined });
  const code = '99001';
  const parent = { parentCode: p.officeId, parentName: 'Công an tỉnh' };
  const setup = await dispatch(commune, commune.sessions.create(office.now), 'setup.create', setupInput({ code, name: 'Công an xã Đo Song Song', ...parent }));
  if (!setup.ok) throw new Error(`setup failed: ${setup.error.code}`);
  const c = commune.requireStore();
  fillStore(c, {
    seed: 2,
    offices: [{ code, name: 'Công an xã Đo Song Song', ...parent, localities: [] }],
    ...yearsUpTo(office.now, 10),
    now: office.now,
    userId: null,
    rates: communeRates(reports),
  });
  const toProvince = enrolPeer(c.sql, publicKeyFile(p.sql, office.now), 'parent', { userId: null, now: office.now }).key_id;
  enrolPeer(p.sql, publicKeyFile(c.sql, office.now), 'child', { userId: null, now: office.now });
  identity(p.sql, office.now);
  const path = join(work, 'concurrent-bundle.soantt');
  exportBundle(c.sql, { kind: 'records', recipients: [toProvince], mode: 'full', path, now: office.now, userId: null });
  commune.close();
  await province.closeWhenIdle();
  return stageFile(copy, path);
}

/** Rows for the register idle, beside a province-wide year report, and beside an import of `reports` reports. */
export async function concurrentCases(office: RegisterOffice, work: string, reports: number): Promise<ContractRow[]> {
  const copy = freshCopy(office, work);
  const uploadId = await stagedCommuneBundle(office, copy, work, reports);
  ensureRendererBuilt();
  const host = await startHost({ dataDir: copy });
  try {
    const post = (await loginHost(host, office.username, office.password)) as unknown as Caller;
    // The day's backup was taken by the in-process login above: nothing runs in the background now.
    const row = (name: string, measured: { times: number[]; workMs: number }, note: string): ContractRow => ({
      group: 'beside',
      name,
      ours: { first: measured.times[0]!, median: quantile(measured.times, 0.5), p95: quantile(measured.times, 0.95), runs: measured.times.length },
      http: null,
      raw: null,
      budgetMs: 50,
      // The longest wait too: a call held behind a synchronous stretch of the work is one of hundreds, under the p95.
      note: [note, `max ${measured.times.at(-1)!.toFixed(0)} ms of ${measured.times.length} calls`].filter(Boolean).join('; '),
    });
    const idle = await registerBeside(post, null);
    const year = new Date(office.now).getUTCFullYear() - 1;
    const report = await registerBeside(post, checked(post, 'periodic.compute', { period: { kind: 'year', year }, officeId: null }));
    const imported = await registerBeside(post, checked(post, 'exchange.apply', { uploadId }));
    return [
      row('register first page (100 rows, total), idle, over HTTP', idle, ''),
      row(`… while the province-wide report of ${year} is computed`, report, `report ${(report.workMs / 1000).toFixed(1)} s`),
      row(`… while a commune's bundle (${reports.toLocaleString('en')} reports with people and links) is applied`, imported, `import ${(imported.workMs / 1000).toFixed(1)} s`),
    ];
  } finally {
    await host.stop();
  }
}
