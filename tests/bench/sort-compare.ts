import { performance } from 'node:perf_hooks';
import { Backend } from '../../db/backend';
import { dispatch } from '../../db/dispatch';
import { sortTuning } from '../../db/register/sorted-pages';

/**
 * The register sorted by each column with and without a filter, through dispatch (the contract, the
 * answer turned into JSON; p50/p95 ms of 5 warm calls), read by groups along the sort's index
 * (db/register/sorted-pages.ts) beside the same call sorted whole by SQL (the way before issue #23,
 * forced with sortTuning), then the register's search and the report picker as the renderer sends them.
 * Quicker than the full `npm run bench -- --size province` (minutes); not a test: nothing fails on time.
 *
 *   SO_ANTT_PASSWORD=… npx tsx tests/bench/sort-compare.ts --data DIR --user NAME   (a store from `npm run generate`)
 */
const option = (name: string) => process.argv.find((_arg, i, all) => all[i - 1] === name);
const dataDir = option('--data');
const username = option('--user');
const password = process.env.SO_ANTT_PASSWORD;
if (!dataDir || !username || !password) throw new Error('usage: SO_ANTT_PASSWORD=… npx tsx tests/bench/sort-compare.ts --data DIR --user NAME');
const backend = new Backend({ dataDir, log: () => undefined });
const session = backend.sessions.create(Date.now());
const r = await dispatch(backend, session, 'auth.login', { username, password });
if (!r.ok) throw new Error(`login failed: ${r.error.code}`);
const db = backend.requireStore().sql;
const officer = db.prepare('SELECT officer_id FROM reports WHERE deleted_at IS NULL AND officer_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1').pluck().get();
const F = { q: '', from: null, to: null, kind: null, categoryCode: null, status: null, localityId: null, officerId: null, overdue: false, includeVoided: false, officeId: null };
/** p50/p95 of `n` calls after one not counted. */
const t = async (input: object, n = 5) => {
  const samples: number[] = [];
  for (let i = 0; i < n + 1; i += 1) {
    const start = performance.now();
    const result = await dispatch(backend, session, 'reports.list', input);
    JSON.stringify(result);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    samples.push(performance.now() - start);
  }
  samples.shift();
  samples.sort((a, b) => a - b);
  return `${samples[Math.floor(samples.length / 2)]!.toFixed(0)}/${samples[samples.length - 1]!.toFixed(0)}`;
};
const rows = db.prepare('SELECT count(*) FROM reports WHERE deleted_at IS NULL').pluck().get();
console.log('live reports', rows, 'open deadlines', db.prepare('SELECT count(*) FROM reports WHERE deleted_at IS NULL AND next_due_at IS NOT NULL').pluck().get(), 'officers', db.prepare('SELECT count(DISTINCT officer_id) FROM reports').pluck().get());
for (const column of ['category', 'locality', 'officer', 'next_due_at', 'summary', 'kind', 'status']) {
  for (const [label, extra] of [['', {}], ['+officer', { officerId: officer }], ['+voided', { includeVoided: true }]] as const) {
    const input = { filters: { ...F, ...extra }, sort: { column, direction: 'asc' }, offset: 0, limit: 100, count: true };
    sortTuning.fewMatches = 10_000_000;
    // Sorted whole: what every sort did before; unfiltered lists always read by groups now.
    const before = label === '' ? '-' : await t(input, 2);
    sortTuning.fewMatches = sortTuning.defaultFewMatches;
    const after = await t(input);
    console.log(`${column} ${label}`.padEnd(28), 'sorted whole', before.padEnd(10), 'groups', after);
  }
}
for (const q of ['nguyen', 'nguyen van', 'trom cap']) {
  console.log(`search ${q} 100+total`, await t({ filters: { ...F, q }, sort: { column: 'register', direction: 'desc' }, offset: 0, limit: 100, count: true }));
  console.log(`picker ${q} 10+total`, await t({ filters: { q }, limit: 10 }));
}
console.log('deep category', await t({ filters: F, sort: { column: 'category', direction: 'asc' }, offset: Math.floor((rows as number) / 2), limit: 100, count: false }, 3));
backend.close();
