import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Backend } from '../../../db/backend';
import { dispatch } from '../../../db/dispatch';
import { exportBundle } from '../../../db/exchange/export';
import { enrolPeer, identity, publicKeyFile } from '../../../db/exchange/identity';
import { importBundle } from '../../../db/exchange/import';
import { uuidv7 } from '../../../db/ids';
import type { Sqlite } from '../../../db/store';
import { setupInput } from '../../support/backend';
import { time, type BenchRow } from '../harness';
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
