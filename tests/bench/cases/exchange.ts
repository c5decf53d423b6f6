import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { Backend } from '../../../db/backend';
import { dispatch } from '../../../db/dispatch';
import { exportBundle } from '../../../db/exchange/export';
import { enrolPeer, identity, publicKeyFile } from '../../../db/exchange/identity';
import { importBundle } from '../../../db/exchange/import';
import { uuidv7 } from '../../../db/ids';
import { SIZES, yearsUpTo, type GeneratorRates } from '../../../db/demo/generator';
import { fillStore } from '../../../db/demo/write';
import { recordBundleTables } from '../../../db/exchange/tables';
import { SUMMARY_TRIGGERS } from '../../../db/reports/deferred-summaries';
import type { Sqlite } from '../../../db/store';
import { setupInput } from '../../support/backend';
import { overBudget, time, type BenchRow } from '../harness';
import { random } from '../random';

const NOW = Date.parse('2026-11-25T09:00:00+07:00');

async function office(dataDir: string, office: Parameters<typeof setupInput>[0]): Promise<Backend> {
  const backend = new Backend({ dataDir, now: () => NOW, log: () => undefined });
  const result = await dispatch(backend, backend.sessions.create(NOW), 'setup.create', setupInput(office));
  if (!result.ok) throw new Error(`setup failed: ${result.error.code}`);
  return backend;
}

/** `count` reports of the commune with valid versions, written with one prepared insert (the bulk path). */
function fill(db: Sqlite, count: number): void {
  const { node_id: node, seq } = db.prepare('SELECT node_id, seq FROM clock_state').get() as { node_id: string; seq: number };
  const insert = db.prepare(
    `INSERT INTO reports (id, office_id, version, seq, created_at, updated_at, register_year, register_no, received_at, channel, kind, category_code, summary, status, next_due_at)
     VALUES (?, '12345', ?, ?, ?, ?, ?, ?, ?, 'in_person', 'crime_report', 'theft', ?, 'decided', NULL)`,
  );
  const next = random(7);
  // In the order the office wrote them: a bundle carries records by change sequence, which follows time.
  const times = Array.from({ length: count }, () => NOW - Math.floor(next() * 5 * 365 * 86_400_000)).sort((a, b) => a - b);
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const at = times[i]!;
      insert.run(uuidv7(at), `${String(at).padStart(13, '0')}-00000-${node}`, seq + i + 1, at, at, 2000 + i, 1, at, `Mất trộm xe máy số ${i} tại nhà riêng ở Thôn Đông`);
    }
    db.prepare('UPDATE clock_state SET seq = ?').run(seq + count);
  })();
}

/**
 * Exchange of `count` reports, commune → province: export (read, serialise, encrypt, sign) and import
 * (verify, decrypt, dry run, apply in one transaction), beside a raw baseline: the same rows read and
 * written to a file as JSON lines, and inserted with one prepared statement into the same table of a
 * fresh store.
 */
export async function exchangeCases(dir: string, count: number): Promise<BenchRow[]> {
  const commune = await office(join(dir, 'commune'), {});
  const province = await office(join(dir, 'province'), { code: '38', name: 'Công an tỉnh Thanh Hóa', level: 'higher', parentCode: '100', parentName: 'Bộ Công an' });
  const c = commune.requireStore();
  const p = province.requireStore();
  fill(c.sql, count);
  const toProvince = enrolPeer(c.sql, publicKeyFile(p.sql, NOW), 'parent', { userId: null, now: NOW }).key_id;
  enrolPeer(p.sql, publicKeyFile(c.sql, NOW), 'child', { userId: null, now: NOW });
  identity(p.sql, NOW);
  const path = join(dir, 'bundle.soantt');
  const rows: BenchRow[] = [];

  const exportOnce = () => exportBundle(c.sql, { kind: 'records', recipients: [toProvince], mode: 'full', path, now: NOW, userId: null });
  const rawFile = join(dir, 'raw.ndjson');
  const rawExport = () => {
    const fd = openSync(rawFile, 'w');
    let pending: string[] = [];
    let size = 0;
    for (const row of c.sql.prepare('SELECT * FROM reports ORDER BY seq').iterate()) {
      const line = `${JSON.stringify(row)}\n`;
      pending.push(line);
      size += line.length;
      if (size >= 65_536) {
        writeSync(fd, pending.join(''));
        pending = [];
        size = 0;
      }
    }
    writeSync(fd, pending.join(''));
    closeSync(fd);
  };
  rows.push({
    name: `export ${count.toLocaleString('en')} records (full bundle: read, JSON lines, AES-256-GCM, Ed25519)`,
    ours: time(() => void exportOnce(), 3, 1),
    baseline: time(rawExport, 3, 1),
    budgetMs: 3000,
    note: `${(statSync(path).size / 2 ** 20).toFixed(1)} MiB bundle`,
  });

  rows.push({
    name: `import ${count.toLocaleString('en')} records, dry run (verify, decrypt, every rule, rolled back)`,
    ours: time(() => void importBundle(p.sql, p.writes, { path, apply: false, now: NOW, userId: null }), 2, 0),
    baseline: time(() => void c.sql.prepare('SELECT count(*) FROM reports').get(), 2, 0),
  });
  const heapBefore = process.memoryUsage().rss;
  const applied = time(() => void importBundle(p.sql, p.writes, { path, apply: true, now: NOW, userId: null }), 1, 0);
  const rss = (process.memoryUsage().rss - heapBefore) / 2 ** 20;
  // The baseline writes the same rows into the same table (its indexes and summary triggers) of a fresh store.
  const fresh = await office(join(dir, 'fresh'), { code: '40', name: 'Công an tỉnh Nghệ An', level: 'higher', parentCode: '100', parentName: 'Bộ Công an' });
  const target = fresh.requireStore().sql;
  const columns = (c.sql.pragma('table_info(reports)') as { name: string }[]).map((col) => col.name);
  const rawInsert = target.prepare(`INSERT INTO reports (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`);
  const source = c.sql.prepare('SELECT * FROM reports').raw();
  rows.push({
    name: `import ${count.toLocaleString('en')} records, applied in one transaction (summaries and search index kept)`,
    ours: applied,
    baseline: time(() => target.transaction(() => {
      for (const row of source.iterate()) rawInsert.run(...(row as unknown[]));
    })(), 1, 0),
    budgetMs: 5000,
    note: `RSS +${rss.toFixed(0)} MiB during the import`,
  });
  commune.close();
  province.close();
  fresh.close();
  return rows;
}

/** A commune's records at the province generator's proportions, scaled to `reports` reports over ten years. */
export function communeRates(reports: number): GeneratorRates {
  const scale = reports / 10 / SIZES.province.reportsPerYear;
  const rates = SIZES.province;
  return {
    reportsPerYear: reports / 10,
    personsPerYear: rates.personsPerYear * scale,
    hotspotsPerYear: rates.hotspotsPerYear * scale,
    programsPerYear: rates.programsPerYear * scale,
    campaignsPerYear: rates.campaignsPerYear * scale,
    operationsPerCampaign: rates.operationsPerCampaign,
    voidShare: rates.voidShare,
  };
}

/**
 * Issue #23's import: a realistic bundle (a generated commune with its people, the links between
 * reports and people, hotspots, programs, campaigns: `npm run generate`'s records for one office) sent
 * to the province and applied, against the raw floor: the same rows, table by table in the bundle's
 * order, inserted by one prepared statement each into a fresh province store with the same indexes,
 * once with the summary triggers (as a plain insert meets them) and once without (the import sets them
 * aside and adds the summaries up per batch). The import also keeps the search index, which the raw
 * insert does not.
 */
export async function realisticImportCases(dir: string, reports: number): Promise<BenchRow[]> {
  const commune = await office(join(dir, 'real-commune'), {});
  const province = await office(join(dir, 'real-province'), { code: '38', name: 'Công an tỉnh Thanh Hóa', level: 'higher', parentCode: '100', parentName: 'Bộ Công an' });
  const c = commune.requireStore();
  const p = province.requireStore();
  const started = performance.now();
  const span = yearsUpTo(NOW, 10);
  const written = fillStore(c, {
    seed: 1,
    offices: [{ code: c.officeId, name: 'Công an xã Kiểm Thử', parentCode: '38', parentName: 'Công an tỉnh Thanh Hóa', localities: [] }],
    ...span,
    now: NOW,
    userId: null,
    rates: communeRates(reports),
  });
  const generated = performance.now() - started;
  const toProvince = enrolPeer(c.sql, publicKeyFile(p.sql, NOW), 'parent', { userId: null, now: NOW }).key_id;
  enrolPeer(p.sql, publicKeyFile(c.sql, NOW), 'child', { userId: null, now: NOW });
  identity(p.sql, NOW);
  const path = join(dir, 'real-bundle.soantt');
  const exported = exportBundle(c.sql, { kind: 'records', recipients: [toProvince], mode: 'full', path, now: NOW, userId: null });

  const applied = time(() => void importBundle(p.sql, p.writes, { path, apply: true, now: NOW, userId: null }), 1, 0);
  const check = p.sql.prepare('SELECT count(*) FROM reports WHERE office_id = ?').pluck().get(c.officeId) as number;
  if (check !== written.byTable.reports) throw new Error(`the import wrote ${check} of ${written.byTable.reports} reports`);

  // The floor: the rows the bundle carried, as the commune holds them, table by table in the bundle's order.
  const rawInsert = async (label: string, triggers: boolean) => {
    const fresh = await office(join(dir, `real-fresh-${label}`), { code: '40', name: 'Công an tỉnh Nghệ An', level: 'higher', parentCode: '100', parentName: 'Bộ Công an' });
    const target = fresh.requireStore().sql;
    const timing = time(
      () =>
        target.transaction(() => {
          if (!triggers) for (const name of SUMMARY_TRIGGERS) target.exec(`DROP TRIGGER ${name}`);
          for (const table of recordBundleTables) {
            const columns = (c.sql.pragma(`table_info(${table})`) as { name: string }[]).map((col) => col.name);
            const insert = target.prepare(`INSERT INTO ${table} (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`);
            for (const row of c.sql.prepare(`SELECT * FROM ${table} WHERE office_id = ? ORDER BY seq`).raw().iterate(c.officeId)) insert.run(...(row as unknown[]));
          }
        })(),
      1,
      0,
    );
    fresh.close();
    return timing;
  };
  const withTriggers = await rawInsert('triggers', true);
  const withoutTriggers = await rawInsert('bare', false);
  const counts = Object.entries(written.byTable)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([table, n]) => `${table} ${n.toLocaleString('en')}`)
    .join(', ');
  const rows: BenchRow[] = [
    {
      name: `realistic import, ${exported.records.toLocaleString('en')} records (${reports.toLocaleString('en')} reports), applied; baseline: raw insert with the summary triggers`,
      ours: applied,
      baseline: withTriggers,
      note: `${counts}…; generated in ${(generated / 1000).toFixed(0)} s; budget ≤ 1.5× the raw insert`,
    },
    {
      name: 'the same import; baseline: raw insert without the summary triggers (the import sets them aside)',
      ours: applied,
      baseline: withoutTriggers,
    },
  ];
  for (const [ratioRow, baseline] of [[rows[0]!, withTriggers], [rows[1]!, withoutTriggers]] as const) {
    if (ratioRow.ours.median > 1.5 * baseline.median) overBudget.push(`Exchange: ${ratioRow.name} (${(ratioRow.ours.median / baseline.median).toFixed(2)}× > 1.5×)`);
  }
  commune.close();
  province.close();
  return rows;
}
