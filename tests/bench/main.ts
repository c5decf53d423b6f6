import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { overBudget, printRows } from './harness';
import { concurrentCases } from './cases/concurrent';
import { contractCases, freshCopy, printContractRows } from './cases/contract';
import { readAuditCases } from './cases/read-audit';
import { rotationCases } from './cases/rotation';
import { addCampaigns, campaignCases } from './cases/campaigns';
import { addPeople, peopleCases } from './cases/people';
import { exchangeCases, realisticImportCases } from './cases/exchange';
import { legacyImportCases } from './cases/legacy';
import { periodicCases } from './cases/periodic';
import { browserFigures, millionCases, millionOffice } from './cases/million';
import { millionQuestions } from './cases/questions';
import { makeRegisterStore, registerCases } from './cases/register';
import { openCases, writeCases } from './cases/store';
import { provinceOffice } from './cases/province';
import type { RegisterOffice } from '../support/register-store';

/**
 * `npm run bench [-- --size small|office] [--only store|register|exchange]`: builds synthetic stores in a temp folder and prints each
 * figure beside a raw-SQLite baseline measured in the same run. Not a test: nothing here fails on time.
 *
 * `npm run bench -- --only million [--reports N] [--keep DIR]`: the register with a million reports (N), in the backend and, when
 * Chromium and the built renderer are there, in the browser. Building the office takes minutes: `--keep DIR` builds it in DIR
 * once and reuses it on later runs. Only run when asked by name.
 *
 * `npm run bench -- --size province [--offices 100] [--years 10] [--keep DIR] [--rows REGEX] [--no-http] [--legacy]`: a higher
 * office's store holding generated communes (100 × 10 years: about a million reports), built by `npm run generate`, every row
 * through the contract as the renderer sends it, over HTTP beside it, and the first call on a fresh copy (tests/bench/cases/contract.ts).
 *
 * With `--size province`, `--only contract|read-audit|rotation|concurrent` runs one part (all four by default): the rows through
 * the contract; the read audit's cost on the register page (tests/bench/cases/read-audit.ts); a key rotation of a copy of the
 * store with its backups (tests/bench/cases/rotation.ts); the register page over HTTP while a province-wide report and a
 * commune's bundle of `--concurrent-reports N` reports (20,000 by default) run beside it (tests/bench/cases/concurrent.ts).
 *
 * `npm run bench -- --only import [--size small|office]`: the import of a realistic bundle (a generated commune with its
 * people, links, hotspots) against a raw insert of the same rows (tests/bench/cases/exchange.ts); also part of `--only exchange`.
 *
 * `npm run bench -- --only legacy [--rows-legacy N]`: the import of an old crime-report register of N rows (100,000 by default) from
 * .xlsx, beside a raw insert of the same reports, with the process's peak memory (tests/bench/cases/legacy.ts). Only run when
 * asked by name, alone, so the peak is the import's.
 *
 * `--check` (any size): exits 1 when a row is over its budget. Nothing else here fails on time.
 */
const sizes = {
  small: { exchange: 10_000, rows: 10_000, writes: 200, reports: 20_000, persons: 20_000, hotspots: 1_000, programs: 5_000, campaigns: 50, operations: 2_000 },
  office: { exchange: 100_000, rows: 200_000, writes: 500, reports: 200_000, persons: 200_000, hotspots: 10_000, programs: 50_000, campaigns: 500, operations: 20_000 },
} as const;
const { values: flags } = parseArgs({
  options: {
    size: { type: 'string', default: 'office' },
    only: { type: 'string' },
    offices: { type: 'string' },
    years: { type: 'string' },
    reports: { type: 'string' },
    keep: { type: 'string' },
    rows: { type: 'string' },
    'no-http': { type: 'boolean', default: false },
    legacy: { type: 'boolean', default: false },
    'rows-legacy': { type: 'string' },
    'concurrent-reports': { type: 'string' },
    check: { type: 'boolean', default: false },
  },
});
const sizeArg = flags.size;
/** `--only store|register|exchange` runs one part (the register part includes people, campaigns and the periodic report). */
const only = flags.only;
const wanted = (part: string) => only === undefined || only === part;
const option = (name: '--offices' | '--years' | '--reports' | '--keep' | '--rows') => flags[name.slice(2) as 'offices' | 'years' | 'reports' | 'keep' | 'rows'];
/** `--check`: exit 1 when a row is over its budget (the tests never fail on time; this is for a person or CI asking). */
const check = flags.check;
if (sizeArg === 'province') {
  const dir = mkdtempSync(join(tmpdir(), 'so-antt-bench-'));
  console.log(`Sổ ANTT bench, size province: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  let over = 0;
  try {
    const offices = Number(option('--offices') ?? 100);
    const years = Number(option('--years') ?? 10);
    const office = await provinceOffice(dir, offices, years, option('--keep'));
    const rowFilter = option('--rows');
    if (wanted('contract')) {
      const results = await contractCases(office, dir, { http: !flags['no-http'], ...(rowFilter ? { only: new RegExp(rowFilter) } : {}) });
      over = printContractRows(
        `Through the contract, a province: ${offices} communes over ${years} years (first: the first call on a fresh copy; p50/p95 ms of ${process.env.BENCH_RUNS ?? 11} warm calls; http: the browser host; raw: plain SQL of the same answer)`,
        results.rows,
      );
      for (const note of results.notes) console.log(note);
    }
    if (wanted('read-audit')) {
      const copy = freshCopy(office, dir);
      printRows(`Read audit on the register page, a province (ms per call; baseline: the same handler without the entry)`, await readAuditCases(office, copy));
      rmSync(copy, { recursive: true, force: true });
    }
    if (wanted('rotation')) {
      const copy = freshCopy(office, dir, { backups: true });
      const rotation = await rotationCases(office, copy);
      printRows('Key rotation, a province (ms)', rotation.rows);
      for (const note of rotation.notes) console.log(note);
      rmSync(copy, { recursive: true, force: true });
    }
    if (wanted('concurrent')) {
      const reports = Number(flags['concurrent-reports'] ?? 20_000);
      over += printContractRows('The register page beside long work, a province (over HTTP: the backend on its worker thread, as in Electron)', await concurrentCases(office, dir, reports));
    }
    over += overBudget.length;
    if (flags.legacy) await largeStore(office, `a province: ${offices} communes over ${years} years`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(over === 0 ? '\nevery row within its budget' : `\n${over} row(s) over budget`);
  process.exit(check && over > 0 ? 1 : 0);
}
if (!(sizeArg in sizes)) {
  console.error(`unknown --size ${sizeArg}; one of ${Object.keys(sizes).join(', ')}`);
  process.exit(2);
}
const size = sizes[sizeArg as keyof typeof sizes];

/** The register, search, deadlines, periodic report, opening and the browser, asked of a large store. */
async function largeStore(office: RegisterOffice, what: string): Promise<void> {
  printRows(`Register list, ${what} (baseline: the same question as plain SQL, joins and LIMIT/OFFSET)`, await millionCases(office));
  const questions = await millionQuestions(office);
  printRows(`Search, deadlines, periodic report and opening, ${what}`, questions.rows);
  for (const note of questions.notes) console.log(note);
  const browser = await browserFigures(office);
  if (browser === null) {
    console.log('\n(no Chromium at /usr/bin/chromium or no dist/renderer: browser figures left out)');
    return;
  }
  console.log(`\nRegister page in Chromium (browser host), ${what}            median ms   p95 ms`);
  const line = (name: string, t: { median: number; p95: number; runs: number }) => console.log(`${name.padEnd(74)} ${t.median.toFixed(0).padStart(9)} ${t.p95.toFixed(0).padStart(8)}   (${t.runs} runs)`);
  line('navigation to the register → first rows shown (budget < 1000 ms)', browser.firstRows);
  line('jump to row 500,000 → rows in view loaded', browser.jump);
  line('page down/up around it → rows in view loaded', browser.step);
  line('frame interval while scrolling 60 px a frame', browser.frames);
  if (browser.hostPeakMiB !== null) console.log(`browser host (the backend as the app runs it): peak RSS ${browser.hostPeakMiB.toFixed(0)} MiB after all of the above (budget < 300 MB)`);
}
const dir = mkdtempSync(join(tmpdir(), 'so-antt-bench-'));
console.log(`Sổ ANTT bench, size ${sizeArg}: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
try {
  if (wanted('store')) printRows('Store', [...openCases(dir, size.rows), ...writeCases(dir, size.writes)]);
  if (wanted('register')) {
    const started = Date.now();
    const register = makeRegisterStore(dir, size.reports);
    console.log(`\n(register of ${size.reports.toLocaleString('en')} reports built in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    printRows(`Register, one office, ${size.reports.toLocaleString('en')} reports`, registerCases(register, size.writes));
    const { personId } = addPeople(register, size);
    printRows(
      `People, ${size.persons.toLocaleString('en')} persons, ${size.hotspots.toLocaleString('en')} hotspots, ${size.programs.toLocaleString('en')} programs`,
      peopleCases(register, personId),
    );
    const campaignId = addCampaigns(register, size.campaigns, size.operations);
    printRows(`Campaigns, ${size.campaigns} campaigns, ${size.operations.toLocaleString('en')} operations`, campaignCases(register, campaignId));
    printRows(`Periodic report, one office, ${size.reports.toLocaleString('en')} reports and everything above`, periodicCases(register));
    register.db.close();
  }
  if (only === 'million') {
    const reports = Number(option('--reports') ?? 1_000_000);
    await largeStore(await millionOffice(dir, reports, option('--keep')), `one office, ${reports.toLocaleString('en')} reports`);
  }
  if (only === 'legacy') {
    const rows = Number(flags['rows-legacy'] ?? 100_000);
    printRows(`Import of an old register (issue 22), ${rows.toLocaleString('en')} rows`, await legacyImportCases(dir, rows));
  }
  if (wanted('exchange')) printRows(`Exchange, commune → province, ${size.exchange.toLocaleString('en')} reports`, await exchangeCases(dir, size.exchange));
  if (wanted('exchange') || only === 'import') {
    printRows(`Import of a realistic bundle, commune → province, ${size.exchange.toLocaleString('en')} reports with their people, links, hotspots`, await realisticImportCases(dir, size.exchange));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (overBudget.length > 0) console.log(`\nover budget:\n${overBudget.join('\n')}`);
if (check && overBudget.length > 0) process.exit(1);
