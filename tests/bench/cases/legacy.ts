import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Backend } from '../../../db/backend';
import { dispatch } from '../../../db/dispatch';
import { readLegacyFile } from '../../../db/legacy/read-file';
import { planReportImport } from '../../../db/legacy/register-import';
import { registerWriteInWorker } from '../../../db/backup-thread';
import { readSettings } from '../../../db/settings';
import { legacyOptions } from '../../../api/calls/legacy';
import { setupInput } from '../../support/backend';
import type { BenchRow, Timing } from '../harness';
import { peakRss } from '../peak-rss';

const NOW = Date.UTC(2026, 2, 15, 2, 0, 0);

/** The register file, made once in a child process (tests/bench/cases/legacy-file.ts). */
function registerFile(dir: string, rows: number): string {
  const out = join(dir, `so-tin-bao-${rows}.xlsx`);
  execFileSync(process.execPath, [...process.execArgv, fileURLToPath(new URL('./legacy-file.ts', import.meta.url)), out, String(rows)], { stdio: 'inherit' });
  if (!existsSync(`${out}.done`)) throw new Error('the register file was not made');
  return out;
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * The import of an old crime-report register of `rows` rows (issue 22): reading the .xlsx (streaming),
 * the dry run and the import through the bulk path in one transaction, beside a raw insert of the same rows (the
 * reports the import wrote, copied by one prepared statement into a fresh store with the same schema,
 * indexes and triggers). The write runs on the job worker as legacy.apply runs it. Peak memory is the process's resident set sampled during the import by a worker
 * thread (tests/bench/peak-rss.ts); the workbook is made in a child process first (legacy-file.ts).
 */
export async function legacyImportCases(dir: string, rows: number): Promise<BenchRow[]> {
  const made = performance.now();
  const bytes = readFileSync(registerFile(dir, rows));
  const madeMs = performance.now() - made;
  const office = async (name: string) => {
    const backend = new Backend({ dataDir: join(dir, name), now: () => NOW, log: () => undefined });
    const result = await dispatch(backend, backend.sessions.create(NOW), 'setup.create', setupInput());
    if (!result.ok) throw new Error(`setup failed: ${result.error.code}`);
    return backend;
  };
  const target = await office('legacy-import');
  const store = target.requireStore();
  const sampler = peakRss();
  const rssBefore = process.memoryUsage().rss;
  sampler.reset();
  const started = performance.now();
  const file = await readLegacyFile('so-tin-bao.xlsx', bytes);
  const read = performance.now();
  const options = legacyOptions.parse({ uploadId: '00000000-0000-7000-8000-000000000000' });
  const plan = await planReportImport(store.sql, file, 'so-tin-bao.xlsx', options, { officeId: store.officeId, now: NOW, settings: readSettings(store.sql), saved: () => null });
  const planned = performance.now();
  // As legacy.apply writes it: on the job worker, its own connection, the plan sent to it (db/backend.ts).
  await registerWriteInWorker(
    {
      register: 'reports',
      plan,
      ctx: { officeId: store.officeId, userId: null, call: 'legacy.apply' },
      meta: { fileName: 'so-tin-bao.xlsx', now: NOW, backup: null },
      store: target.paths.store,
      keyHex: store.key.toString('hex'),
    },
    () => undefined,
  );
  const applied = performance.now();
  const peak = await sampler.stop();
  const written = store.sql.prepare('SELECT count(*) FROM reports').pluck().get() as number;
  if (written !== plan.preview.counts.new) throw new Error(`the import wrote ${written} of ${plan.preview.counts.new} reports`);

  // The floor: the same reports, inserted by one prepared statement into a fresh store.
  const fresh = await office('legacy-raw');
  const raw = fresh.requireStore().sql;
  const columns = (store.sql.pragma('table_info(reports)') as { name: string }[]).map((c) => c.name);
  const source = store.sql.prepare('SELECT * FROM reports ORDER BY seq').raw().all() as unknown[][];
  const insert = raw.prepare(`INSERT INTO reports (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`);
  const rawStarted = performance.now();
  raw.transaction(() => {
    for (const row of source) insert.run(...row);
  })();
  const rawMs = performance.now() - rawStarted;
  const once = (ms: number): Timing => ({ median: ms, p95: ms, runs: 1 });
  target.close();
  fresh.close();
  return [
    {
      name: `import of a ${rows.toLocaleString('en')}-row register (.xlsx ${mb(bytes.length)}): read, dry run, write; baseline: raw insert of the same reports`,
      ours: once(applied - started),
      baseline: once(rawMs),
      note: `read ${((read - started) / 1000).toFixed(1)} s, dry run ${((planned - read) / 1000).toFixed(1)} s, write ${((applied - planned) / 1000).toFixed(1)} s; peak RSS during the import ${mb(peak)} (before it ${mb(rssBefore)}, the file's bytes held; added by the import ${mb(peak - rssBefore)}); file made in ${(madeMs / 1000).toFixed(0)} s; issue target ≤ 2× the raw insert, host < 300 MB`,
    },
    {
      name: 'the write alone (one transaction through the bulk path: reports, search index, summaries, links); baseline: the same raw insert',
      ours: once(applied - planned),
      baseline: once(rawMs),
    },
  ];
}
