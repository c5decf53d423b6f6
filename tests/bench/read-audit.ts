import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { contract } from '../../api/contract';
import { appendAudit } from '../../db/audit';
import { Backend } from '../../db/backend';
import { dispatch } from '../../db/dispatch';
import type { Context } from '../../db/handlers/context';
import { handlers } from '../../db/handlers/registry';
import { guardSecrets } from '../../db/secrets';

/**
 * The cost of read auditing on the register page (docs/decisions.md, "Read audit"): 200 calls of
 * reports.list (the first page, 100 rows, with its total) through the dispatcher, which writes a read
 * entry each time, against the same 200 calls to the handler with the secret-reporter guard and no
 * entry; and 200 entries of the same size appended alone. Not a test: nothing fails on time.
 *
 *   SO_ANTT_PASSWORD=… npx tsx tests/bench/read-audit.ts --data DIR --user NAME   (a store from `npm run generate`)
 */
const { values: flags } = parseArgs({ options: { data: { type: 'string' }, user: { type: 'string' } } });
const dataDir = flags.data;
const username = flags.user;
const password = process.env.SO_ANTT_PASSWORD;
if (!dataDir || !username || !password) throw new Error('usage: SO_ANTT_PASSWORD=… npx tsx tests/bench/read-audit.ts --data DIR --user NAME');

const CALLS = 200;
const ROUNDS = 7;
const backend = new Backend({ dataDir });
const session = backend.sessions.create(Date.now());
const login = await dispatch(backend, session, 'auth.login', { username, password });
if (!login.ok) throw new Error(`login failed: ${login.error.code}`);
const user = backend.requireStore().sql.prepare('SELECT * FROM users WHERE id = ?').get(session.userId) as Context['user'];
const ctx: Context = { backend, session, call: 'reports.list', user };

const pages = {
  'first page, register order': { limit: 100 },
  'search "nguyen", first page': { filters: { q: 'nguyen' }, limit: 100 },
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const time = async (run: () => unknown): Promise<number> => {
  const start = performance.now();
  for (let i = 0; i < CALLS; i += 1) await run();
  return performance.now() - start;
};

for (const [name, input] of Object.entries(pages)) {
  const parsed = contract['reports.list'].input.parse(input);
  const withAudit = async () => {
    const result = await dispatch(backend, session, 'reports.list', input);
    if (!result.ok) throw new Error(result.error.code);
  };
  const withoutAudit = () => guardSecrets(handlers['reports.list'](ctx, parsed), true);
  const ids = (handlers['reports.list'](ctx, parsed) as unknown as { rows: { id: string }[] }).rows.map((row) => row.id);
  const sql = backend.requireStore().sql;
  const append = () => sql.transaction(() => appendAudit(sql, { at: Date.now(), userId: session.userId, call: 'reports.list', action: 'read', table: 'reports', after: { rows: ids.length, ids, query: parsed } }))();
  // As db/read-audit.ts writes it (no fsync of its own), and with the store's synchronous=FULL.
  const entryAlone = () => {
    sql.pragma('synchronous = NORMAL');
    append();
    sql.pragma('synchronous = FULL');
  };
  for (let i = 0; i < 20; i += 1) {
    await withAudit();
    withoutAudit();
  }
  const rounds = { with: [] as number[], without: [] as number[], entry: [] as number[], fsynced: [] as number[] };
  for (let round = 0; round < ROUNDS; round += 1) {
    rounds.without.push(await time(withoutAudit));
    rounds.with.push(await time(withAudit));
    rounds.entry.push(await time(entryAlone));
    rounds.fsynced.push(await time(append));
  }
  const per = (total: number) => `${((total / CALLS) * 1000).toFixed(0)} µs/call`;
  console.log(
    `reports.list, ${name}: ${CALLS} calls, median of ${ROUNDS} rounds — without the entry ${median(rounds.without).toFixed(0)} ms (${per(median(rounds.without))}), ` +
      `with it ${median(rounds.with).toFixed(0)} ms (${per(median(rounds.with))}); the entry alone ${per(median(rounds.entry))}, with its own fsync ${per(median(rounds.fsynced))}`,
  );
}
const entries = (backend.requireStore().sql.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
console.log(`audit log now ${entries} entries; reports ${(backend.requireStore().sql.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n}`);
backend.close();
