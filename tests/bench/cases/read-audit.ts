import { performance } from 'node:perf_hooks';
import { contract } from '../../../api/contract';
import { appendAudit } from '../../../db/audit';
import { Backend } from '../../../db/backend';
import { dispatch } from '../../../db/dispatch';
import type { Context } from '../../../db/handlers/context';
import { handlers } from '../../../db/handlers/registry';
import { guardSecrets } from '../../../db/secrets';
import type { RegisterOffice } from '../../support/register-store';
import type { BenchRow, Timing } from '../harness';

/**
 * The cost of read auditing on the register page (docs/decisions.md, "Read audit"), on a store in
 * `dataDir` (a copy: each call writes an entry): rounds of `calls` calls of reports.list (the first
 * page, 100 rows, with its total) through the dispatcher, which writes a read entry each time, against
 * the same calls to the handler with the secret-reporter guard and no entry (the baseline); and the
 * entry alone, as db/read-audit.ts writes it (synchronous=NORMAL, no fsync of its own) and with the
 * store's synchronous=FULL. Times are per call (ms), the median and p95 over the rounds.
 */
export async function readAuditCases(office: RegisterOffice, dataDir: string, calls = 200, rounds = 7): Promise<BenchRow[]> {
  const backend = new Backend({ dataDir, log: () => undefined });
  const session = backend.sessions.create(Date.now());
  const login = await dispatch(backend, session, 'auth.login', { username: office.username, password: office.password });
  if (!login.ok) throw new Error(`login failed: ${login.error.code}`);
  // The day's backup, if the copy had none today, is not measured with the calls.
  await backend.backups.settled();
  const sql = backend.requireStore().sql;
  const user = sql.prepare('SELECT * FROM users WHERE id = ?').get(session.userId) as Context['user'];
  const ctx: Context = { backend, session, call: 'reports.list', user };
  const pages = {
    'first page, register order': { limit: 100 },
    'search "nguyen", first page': { filters: { q: 'nguyen' }, limit: 100 },
  };
  const perCall = async (run: () => unknown): Promise<number> => {
    const start = performance.now();
    for (let i = 0; i < calls; i += 1) await run();
    return (performance.now() - start) / calls;
  };
  const timing = (samples: number[]): Timing => {
    const sorted = [...samples].sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!, runs: sorted.length * calls };
  };
  const rows: BenchRow[] = [];
  for (const [name, input] of Object.entries(pages)) {
    const parsed = contract['reports.list'].input.parse(input);
    const withAudit = async () => {
      const result = await dispatch(backend, session, 'reports.list', input);
      if (!result.ok) throw new Error(result.error.code);
    };
    const withoutAudit = () => guardSecrets(handlers['reports.list'](ctx, parsed), true);
    const ids = (handlers['reports.list'](ctx, parsed) as unknown as { rows: { id: string }[] }).rows.map((row) => row.id);
    const append = () => sql.transaction(() => appendAudit(sql, { at: Date.now(), userId: session.userId, call: 'reports.list', action: 'read', table: 'reports', after: { rows: ids.length, ids, query: parsed } }))();
    const entryAlone = () => {
      sql.pragma('synchronous = NORMAL');
      append();
      sql.pragma('synchronous = FULL');
    };
    for (let i = 0; i < 20; i += 1) {
      await withAudit();
      withoutAudit();
    }
    const samples = { with: [] as number[], without: [] as number[], entry: [] as number[], fsynced: [] as number[] };
    for (let round = 0; round < rounds; round += 1) {
      samples.without.push(await perCall(withoutAudit));
      samples.with.push(await perCall(withAudit));
      samples.entry.push(await perCall(entryAlone));
      samples.fsynced.push(await perCall(append));
    }
    const entry = timing(samples.entry);
    rows.push({
      name: `reports.list, ${name}: through the dispatcher with its read entry (baseline: the handler, no entry)`,
      ours: timing(samples.with),
      baseline: timing(samples.without),
      note: `the entry alone ${(entry.median * 1000).toFixed(0)} µs; with its own fsync ${(timing(samples.fsynced).median * 1000).toFixed(0)} µs; ms per call, ${rounds} rounds of ${calls}`,
    });
  }
  await backend.closeWhenIdle();
  return rows;
}
