import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
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
import { reportSearchText, wordsOf } from '../../../db/register/search-index';
import { fold } from '../../../core/fold';
import type { Sqlite } from '../../../db/store';
import { setupInput } from '../../support/backend';
import { overBudget, time, timingOf, type BenchRow } from '../harness';
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

interface Sample {
  readonly wall: number;
  readonly cpu: number;
}

/** The wall time and the process's CPU time (user and system) of one run, in milliseconds. */
function measured(run: () => void): Sample {
  const cpu = process.cpuUsage();
  const start = performance.now();
  run();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
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
 * without the summary triggers (the import sets them aside and adds the summaries up per batch: the
 * issue's baseline) and once with them (as a plain insert meets them). The rows the import writes to the
 * app's own search table (report_search, search_terms) are rows of the same import: the raw insert
 * inserts them too, their folded text and words computed before the clock starts. What it leaves out is
 * the import's work: verifying and reading the bundle, the rules per record, folding, the merge of the
 * index's segments.
 */
export async function realisticImportCases(dir: string, reports: number, rounds = Number(process.env.BENCH_IMPORT_ROUNDS ?? 3)): Promise<BenchRow[]> {
  const commune = await office(join(dir, 'real-commune'), {});
  const c = commune.requireStore();
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
  // One province store per round (an import is applied once), each a PC of the same office the
  // commune enrolled: one bundle for all of them.
  const provinces: Backend[] = [];
  for (let round = 0; round < rounds; round += 1) {
    provinces.push(await office(join(dir, `real-province-${round}`), { code: '38', name: 'Công an tỉnh Thanh Hóa', level: 'higher', parentCode: '100', parentName: 'Bộ Công an' }));
  }
  const recipients = provinces.map((province) => {
    const p = province.requireStore().sql;
    enrolPeer(p, publicKeyFile(c.sql, NOW), 'child', { userId: null, now: NOW });
    identity(p, NOW);
    return enrolPeer(c.sql, publicKeyFile(p, NOW), 'parent', { userId: null, now: NOW }).key_id;
  });
  const path = join(dir, 'real-bundle.soantt');
  const exported = exportBundle(c.sql, { kind: 'records', recipients, mode: 'full', path, now: NOW, userId: null });
  const apply = (round: number): Sample => {
    const p = provinces[round]!.requireStore();
    const took = measured(() => void importBundle(p.sql, p.writes, { path, apply: true, now: NOW, userId: null }));
    const check = p.sql.prepare('SELECT count(*) FROM reports WHERE office_id = ?').pluck().get(c.officeId) as number;
    if (check !== written.byTable.reports) throw new Error(`the import wrote ${check} of ${written.byTable.reports} reports`);
    provinces[round]!.close();
    return took;
  };

  // The floor: the rows the bundle carried, as the commune holds them, table by table in the bundle's
  // order; then the rows the import adds to the app's own search table (each report's folded text and
  // its new words), computed beforehand and inserted bare into the same tables with their indexes.
  const searchRows = new Map<string, { voided: boolean; folded: string }>();
  const words = new Set<string>();
  for (const id of c.sql.prepare('SELECT id FROM reports WHERE office_id = ?').pluck().iterate(c.officeId) as Iterable<string>) {
    const found = reportSearchText(c.sql, id)!;
    const folded = fold(found.text);
    searchRows.set(id, { voided: found.voided, folded });
    for (const word of wordsOf(folded)) words.add(word);
  }
  const rawInsert = async (label: string, triggers: boolean): Promise<Sample> => {
    const fresh = await office(join(dir, `real-fresh-${label}`), { code: '40', name: 'Công an tỉnh Nghệ An', level: 'higher', parentCode: '100', parentName: 'Bộ Công an' });
    const target = fresh.requireStore().sql;
    const took = measured(() =>
      target.transaction(() => {
        if (!triggers) for (const name of SUMMARY_TRIGGERS) target.exec(`DROP TRIGGER ${name}`);
        const rowids = new Map<string, number | bigint>();
        for (const table of recordBundleTables) {
          const columns = (c.sql.pragma(`table_info(${table})`) as { name: string }[]).map((col) => col.name);
          const idAt = columns.indexOf('id');
          const insert = target.prepare(`INSERT INTO ${table} (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`);
          for (const row of c.sql.prepare(`SELECT * FROM ${table} WHERE office_id = ? ORDER BY seq`).raw().iterate(c.officeId)) {
            const { lastInsertRowid } = insert.run(...(row as unknown[]));
            if (table === 'reports') rowids.set((row as unknown[])[idAt] as string, lastInsertRowid);
          }
        }
        const insertText = target.prepare('INSERT INTO report_search (rowid, text) VALUES (?, ?)');
        for (const [id, { voided, folded }] of searchRows) {
          const rowid = BigInt(rowids.get(id)!);
          insertText.run(voided ? -rowid : rowid, folded);
        }
        const insertWord = target.prepare('INSERT OR IGNORE INTO search_terms (term) VALUES (?)');
        for (const word of words) insertWord.run(word);
      })(),
    );
    fresh.close();
    rmSync(join(dir, `real-fresh-${label}`), { recursive: true, force: true });
    return took;
  };
  // The three in turn, each round in another order (the first of a round finds the disk and the
  // page cache busier).
  const samples: Record<'applied' | 'bare' | 'triggers', Sample[]> = { applied: [], bare: [], triggers: [] };
  const steps: ['applied' | 'bare' | 'triggers', (round: number) => Promise<Sample> | Sample][] = [
    ['applied', apply],
    ['bare', () => rawInsert('bare', false)],
    ['triggers', () => rawInsert('triggers', true)],
  ];
  for (let round = 0; round < rounds; round += 1) {
    for (let k = 0; k < steps.length; k += 1) {
      const [name, step] = steps[(round + k) % steps.length]!;
      samples[name].push(await step(round));
    }
  }
  const applied = timingOf(samples.applied.map((sample) => sample.wall));
  const bare = timingOf(samples.bare.map((sample) => sample.wall));
  const withTriggers = timingOf(samples.triggers.map((sample) => sample.wall));
  // The process's CPU time beside the wall time: on a machine shared with other work the wall time of
  // a few seconds moves by half from one run to the next; the CPU time much less.
  const cpu = (list: Sample[]) => timingOf(list.map((sample) => sample.cpu)).median;
  const cpuNote = `CPU ${cpu(samples.applied).toFixed(0)} ms against ${cpu(samples.bare).toFixed(0)} bare (${(cpu(samples.applied) / cpu(samples.bare)).toFixed(2)}×), ${cpu(samples.triggers).toFixed(0)} with the triggers (${(cpu(samples.applied) / cpu(samples.triggers)).toFixed(2)}×); ${rounds} rounds`;
  const counts = Object.entries(written.byTable)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([table, n]) => `${table} ${n.toLocaleString('en')}`)
    .join(', ');
  const rows: BenchRow[] = [
    {
      name: `realistic import, ${exported.records.toLocaleString('en')} records (${reports.toLocaleString('en')} reports), applied; baseline: raw insert of the same rows and their search rows, without the summary triggers (the import sets them aside)`,
      ours: applied,
      baseline: bare,
      note: `${counts}…; generated in ${(generated / 1000).toFixed(0)} s; budget ≤ 1.5× the raw insert`,
    },
    {
      name: 'the same import; baseline: the same raw insert with the summary triggers (no budget)',
      ours: applied,
      baseline: withTriggers,
      note: cpuNote,
    },
  ];
  if (applied.median > 1.5 * bare.median) overBudget.push(`Exchange: ${rows[0]!.name} (${(applied.median / bare.median).toFixed(2)}× > 1.5×)`);
  commune.close();
  return rows;
}
