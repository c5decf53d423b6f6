import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { reportListInput } from '../../../api/calls/register';
import { Backend } from '../../../db/backend';
import { dispatch } from '../../../db/dispatch';
import { listReports } from '../../../db/register/queries';
import { launchBrowser, openPage, startHost } from '../../e2e/support/host';
import { LoginPage } from '../../e2e/support/pages';
import { makeRegisterOffice, REGISTER_NOW, type RegisterOffice } from '../../support/register-store';
import { ADMIN } from '../../support/backend';
import { time, type BenchRow, type Timing } from '../harness';
import { busiestOffice } from './questions';

/**
 * The register with a million reports (issue #8): listReports' first pages, pages deep in the list
 * and the count, each beside the plain SQL a first version would run (the same question, every
 * column joined, LIMIT/OFFSET); then, when Debian's Chromium is there, the register page in the
 * browser host: from navigation to the first rows, and the jump to row 500,000 and paging around it.
 */

const COLUMNS = `r.id, r.office_id, r.register_no, r.register_year, r.received_at, r.kind, r.category_code, c.name_vi, r.status, r.summary,
  l.name, u.full_name, r.next_due_at, r.deleted_at, r.void_reason, r.channel, r.reporter_name, r.reporter_anonymous, r.transferred_at,
  r.transferred_to, r.decision, r.decision_at, r.decision_no, r.resolution_note`;
const FROM = `FROM reports r LEFT JOIN categories c ON c.code = r.category_code LEFT JOIN localities l ON l.id = r.locality_id
  LEFT JOIN users u ON u.id = r.officer_id`;
const RAW_BY_NUMBER = `SELECT ${COLUMNS} ${FROM} WHERE r.deleted_at IS NULL ORDER BY r.register_year DESC, r.register_no DESC LIMIT 100 OFFSET ?`;
const RAW_FILTERED = `SELECT ${COLUMNS} ${FROM} WHERE r.deleted_at IS NULL AND r.status = 'received' AND r.kind = 'crime_report'
  ORDER BY r.received_at DESC LIMIT 100`;
const RAW_KIND_BY_NUMBER = `SELECT ${COLUMNS} ${FROM} WHERE r.deleted_at IS NULL AND r.kind = 'crime_report'
  ORDER BY r.register_year DESC, r.register_no DESC LIMIT 100 OFFSET ?`;
const RAW_KIND_BY_TIME = `SELECT ${COLUMNS} ${FROM} WHERE r.deleted_at IS NULL AND r.kind = 'crime_report' ORDER BY r.received_at DESC LIMIT 100 OFFSET ?`;
const RAW_COUNT = 'SELECT count(*) FROM reports WHERE deleted_at IS NULL';
const RAW_COUNT_OFFICE = 'SELECT count(*) FROM reports WHERE deleted_at IS NULL AND office_id = ?';
const RAW_OFFICE_BY_NUMBER = `SELECT ${COLUMNS} ${FROM} WHERE r.deleted_at IS NULL AND r.office_id = ? ORDER BY r.register_year DESC, r.register_no DESC LIMIT 100`;
const RAW_COUNT_FILTERED = "SELECT count(*) FROM reports WHERE deleted_at IS NULL AND status = 'received' AND kind = 'crime_report'";
const RAW_COUNT_KIND = "SELECT count(*) FROM reports WHERE deleted_at IS NULL AND kind = 'crime_report'";

/**
 * A data folder with `count` reports, set up through the real setup. With `keep` the folder is
 * reused when it holds an office already (building a million reports takes minutes), else built there.
 */
export async function millionOffice(dir: string, count: number, keep?: string): Promise<RegisterOffice> {
  const dataDir = keep ?? join(dir, 'million');
  if (keep && existsSync(join(keep, 'keyring.json'))) {
    console.log(`\n(reusing the office in ${keep})`);
    return { dataDir, now: REGISTER_NOW, username: ADMIN.username, password: ADMIN.password };
  }
  const started = Date.now();
  const office = await makeRegisterOffice(dataDir, count);
  console.log(`\n(office of ${count.toLocaleString('en')} reports built in ${((Date.now() - started) / 1000).toFixed(1)} s in ${dataDir})`);
  return office;
}

export async function millionCases(office: RegisterOffice): Promise<BenchRow[]> {
  const backend = new Backend({ dataDir: office.dataDir, log: () => undefined });
  try {
    const login = await dispatch(backend, backend.sessions.create(Date.now()), 'auth.login', { username: office.username, password: office.password });
    if (!login.ok) throw new Error(`login failed: ${login.error.code}`);
    const db = backend.requireStore().sql;
    const now = office.now;
    const count = (db.prepare(RAW_COUNT).pluck().get() as number);
    const list = (input: object) => {
      const parsed = reportListInput.parse(input);
      return () => void listReports(db, parsed, now);
    };
    const byNumber = db.prepare(RAW_BY_NUMBER);
    const kindByNumber = db.prepare(RAW_KIND_BY_NUMBER);
    const kindByTime = db.prepare(RAW_KIND_BY_TIME);
    const rawCount = db.prepare(RAW_COUNT);
    const rawCountKind = db.prepare(RAW_COUNT_KIND);
    const filtered = db.prepare(RAW_FILTERED);
    const rawCountFiltered = db.prepare(RAW_COUNT_FILTERED);
    const middle = Math.floor(count / 2);
    const end = Math.max(0, count - 100);
    const kinds = rawCountKind.pluck().get() as number;
    const busiest = busiestOffice(db);
    const rawCountOffice = db.prepare(RAW_COUNT_OFFICE);
    const officeByNumber = db.prepare(RAW_OFFICE_BY_NUMBER);
    const rows: BenchRow[] = [
      {
        name: 'first page, register order (the default), with the total',
        ours: time(list({}), 20),
        baseline: time(() => {
          rawCount.get();
          byNumber.all(0);
        }, 20),
        budgetMs: 20,
      },
      {
        name: 'first page of one office (the largest), register order, with its total',
        ours: time(list({ filters: { officeId: busiest } }), 20),
        baseline: time(() => {
          rawCountOffice.get(busiest);
          officeByNumber.all(busiest);
        }, 20),
        budgetMs: 20,
      },
      { name: 'first page, register order, without the total (a later call of the same list)', ours: time(list({ count: false }), 30), baseline: time(() => byNumber.all(0), 30) },
      {
        name: 'first page, filtered (status, kind), by receipt, with the total',
        ours: time(list({ filters: { status: 'received', kind: 'crime_report' }, sort: { column: 'received_at', direction: 'desc' } }), 30),
        baseline: time(() => {
          rawCountFiltered.get();
          filtered.all();
        }, 30),
        budgetMs: 20,
      },
      {
        name: 'first page, filtered (kind: a third of the register), register order, with the total',
        ours: time(list({ filters: { kind: 'crime_report' } }), 10),
        baseline: time(() => {
          rawCountKind.get();
          kindByNumber.all(0);
        }, 3, 1),
        budgetMs: 20,
      },
      { name: `page at offset ${middle.toLocaleString('en')}, register order`, ours: time(list({ offset: middle, count: false }), 10), baseline: time(() => byNumber.all(middle), 3, 1) },
      { name: `page at offset ${end.toLocaleString('en')} (the end), register order`, ours: time(list({ offset: end, count: false }), 10), baseline: time(() => byNumber.all(end), 3, 1) },
      {
        name: `page at offset ${Math.floor(kinds / 2).toLocaleString('en')} of ${kinds.toLocaleString('en')}, filtered (kind), by receipt`,
        ours: time(list({ filters: { kind: 'crime_report' }, sort: { column: 'received_at', direction: 'desc' }, offset: Math.floor(kinds / 2), count: false }), 10),
        baseline: time(() => kindByTime.all(Math.floor(kinds / 2)), 3, 1),
      },
      {
        name: `page at offset ${Math.floor(kinds / 2).toLocaleString('en')}, filtered (kind), register order (no index serves it)`,
        ours: time(list({ filters: { kind: 'crime_report' }, offset: Math.floor(kinds / 2), count: false }), 3, 1),
        baseline: time(() => kindByNumber.all(Math.floor(kinds / 2)), 3, 1),
      },
      { name: `count of the whole register (${count.toLocaleString('en')})`, ours: time(() => void listReports(db, reportListInput.parse({ limit: 1 }), now), 10), baseline: time(() => rawCount.get(), 10) },
    ];
    return rows;
  } finally {
    backend.close();
  }
}

export interface BrowserFigures {
  /** From navigation to the register's route until its first rows are shown. */
  readonly firstRows: Timing;
  /** From setting the scroll position of row 500,000 until the rows in view are loaded. */
  readonly jump: Timing;
  /** Paging around it (a view's height down or up): until the rows in view are loaded. */
  readonly step: Timing;
  /** Frame intervals while paging (requestAnimationFrame), median and p95. */
  readonly frames: Timing;
  /** The host process's peak resident memory (VmHWM) after all of it, in MiB: the backend as a user runs it. */
  readonly hostPeakMiB: number | null;
}

/** The largest peak resident memory among a process and its descendants (Linux /proc), in MiB. */
function peakMemoryMiB(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const own = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return Math.max(own, ...children.map((child) => peakMemoryMiB(child) ?? 0));
  } catch {
    return null;
  }
}

/** The register page in Chromium through the browser host on the office's folder; null without Chromium. */
export async function browserFigures(office: RegisterOffice): Promise<BrowserFigures | null> {
  if (!existsSync('/usr/bin/chromium') || !existsSync(join(process.cwd(), 'dist', 'renderer', 'index.html'))) return null;
  const host = await startHost({ dataDir: office.dataDir });
  const browser = await launchBrowser();
  try {
    const { page } = await openPage(browser);
    // tsx keeps function names with a helper the page lacks: the callbacks below name their functions.
    await page.addInitScript('window.__name = (fn) => fn');
    await page.goto(host.url);
    await new LoginPage(page).login(office.username, office.password);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
    const rowsShown = () => page.waitForFunction(() => document.querySelectorAll('table tbody tr[tabindex="0"]').length > 0, undefined, { polling: 'raf' });
    const firstRows: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await page.evaluate(() => (window.location.hash = '/'));
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForFunction(() => document.querySelectorAll('table tbody tr[tabindex="0"]').length === 0);
      const started = performance.now();
      await page.evaluate(() => (window.location.hash = '/reports'));
      await rowsShown();
      firstRows.push(performance.now() - started);
    }
    // Scrolls the box and waits until every row in view is loaded: the time in the page, in ms.
    const settle = (target: 'row' | 'down' | 'up', row: number) =>
      page.evaluate(
        ({ target, row }) =>
          new Promise<number>((resolve) => {
            const box = document.querySelector<HTMLElement>('.vtable-scroll')!;
            const started = performance.now();
            if (target === 'row') {
              // The scroll position of row `row`: the inverse of the table's mapping, end to end.
              const count = Number(document.querySelector('table')!.getAttribute('aria-rowcount')) - 1;
              box.scrollTop = (row / count) * (box.scrollHeight - box.clientHeight);
            } else box.scrollTop += (target === 'down' ? 1 : -1) * box.clientHeight;
            const check = () => {
              const view = box.getBoundingClientRect();
              const shown = [...box.querySelectorAll('tbody tr[data-index]')].filter((tr) => {
                const r = tr.getBoundingClientRect();
                return r.bottom > view.top && r.top < view.bottom;
              });
              if (shown.length > 0 && shown.every((tr) => tr.getAttribute('tabindex') === '0')) resolve(performance.now() - started);
              else requestAnimationFrame(check);
            };
            requestAnimationFrame(check);
          }),
        { target, row },
      );
    const jumps: number[] = [];
    const steps: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await settle('row', 0);
      jumps.push(await settle('row', 500_000 + i * 1_000));
      for (let k = 0; k < 6; k += 1) steps.push(await settle(k % 3 === 2 ? 'up' : 'down', 0));
    }
    const frames = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const box = document.querySelector<HTMLElement>('.vtable-scroll')!;
          const intervals: number[] = [];
          let last = performance.now();
          let n = 0;
          const frame = (at: number) => {
            intervals.push(at - last);
            last = at;
            box.scrollTop += 60;
            n += 1;
            if (n < 120) requestAnimationFrame(frame);
            else resolve(intervals.slice(1));
          };
          requestAnimationFrame(frame);
        }),
    );
    return { firstRows: timing(firstRows), jump: timing(jumps), step: timing(steps), frames: timing(frames), hostPeakMiB: peakMemoryMiB(host.pid) };
  } finally {
    await browser.close();
    await host.stop();
  }
}

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1))]!;
  return { median: at(0.5), p95: at(0.95), runs: sorted.length };
}
