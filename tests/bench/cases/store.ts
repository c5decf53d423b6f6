import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { newNodeId } from '../../../db/ids';
import { migrate } from '../../../db/migrations/runner';
import { migrations } from '../../../db/migrations/registry';
import { openSqlite, type Sqlite } from '../../../db/store';
import { initClock, WritePath, type WriteContext } from '../../../db/write-path';
import { time, type BenchRow } from '../harness';

const OFFICE = '12345';

/** A migrated, encrypted store with `rows` localities written in bulk. */
function makeStore(dir: string, rows: number): { file: string; key: string } {
  const file = join(dir, `store-${rows}.sqlite`);
  const key = randomBytes(32).toString('hex');
  const db = openSqlite(file, key);
  migrate(db, migrations);
  initClock(db, newNodeId());
  const insert = db.prepare(
    `INSERT INTO localities (id, office_id, version, seq, created_at, updated_at, name, kind) VALUES (?, ?, ?, ?, ?, ?, ?, 'thôn')`,
  );
  db.transaction(() => {
    for (let i = 0; i < rows; i += 1) insert.run(`id-${i}`, OFFICE, `v-${i}`, i, i, i, `Thôn ${i}`);
  })();
  db.close();
  return { file, key };
}

/** The same table in a plain, unencrypted SQLite file: what raw SQLite costs for the same question. */
function makePlain(dir: string, rows: number): string {
  const file = join(dir, `plain-${rows}.sqlite`);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE localities (id TEXT PRIMARY KEY, office_id TEXT, version TEXT, seq INTEGER, created_at INTEGER, updated_at INTEGER, name TEXT, kind TEXT) STRICT`);
  const insert = db.prepare(`INSERT INTO localities VALUES (?, ?, ?, ?, ?, ?, ?, 'thôn')`);
  db.transaction(() => {
    for (let i = 0; i < rows; i += 1) insert.run(`id-${i}`, OFFICE, `v-${i}`, i, i, i, `Thôn ${i}`);
  })();
  db.close();
  return file;
}

export function openCases(dir: string, rows: number): BenchRow[] {
  const store = makeStore(dir, rows);
  const plain = makePlain(dir, rows);
  const open = (quickCheck: boolean) => () => {
    const db = openSqlite(store.file, store.key, { quickCheck });
    migrate(db, migrations);
    db.close();
  };
  const baseline = time(() => {
    const db = new Database(plain);
    db.pragma('journal_mode = WAL');
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    db.close();
  }, 20);
  return [
    { name: `open store (${rows.toLocaleString('en')} rows; decrypt, pragmas, schema check), after a clean close`, ours: time(open(false), 20), baseline, budgetMs: 500 },
    { name: `open store after a session that did not end (the same and quick_check)`, ours: time(open(true), 5), baseline },
  ];
}

export function writeCases(dir: string, count: number): BenchRow[] {
  const store = makeStore(dir, 0);
  const db: Sqlite = openSqlite(store.file, store.key);
  const writes = new WritePath(db);
  const ctx: WriteContext = { userId: 'bench', officeId: OFFICE, call: 'bench' };
  const plain = new Database(makePlain(dir, 0));
  plain.pragma('journal_mode = WAL');
  plain.pragma('synchronous = FULL');
  const raw = plain.prepare(`INSERT INTO localities VALUES (?, ?, ?, ?, ?, ?, ?, 'thôn')`);
  let n = 0;
  const single = (label: string, ours: () => void, baseline: () => void, runs: number): BenchRow => {
    const a = time(ours, runs);
    const b = time(baseline, runs);
    return { name: label, ours: a, baseline: b, note: `${Math.round(1000 / a.median)} /s vs ${Math.round(1000 / b.median)} /s` };
  };
  const rows = [
    single(
      'write path: one record per transaction (id, HLC, seq, audit)',
      () => writes.insert('localities', { name: `Thôn ${n++}`, kind: 'thôn' }, ctx),
      () => raw.run(`p-${n++}`, OFFICE, 'v', n, n, n, `Thôn ${n}`),
      count,
    ),
  ];
  const batch = 1000;
  const a = time(() => db.transaction(() => { for (let i = 0; i < batch; i += 1) writes.insert('localities', { name: `Thôn ${n++}`, kind: 'thôn' }, ctx); })(), 5, 1);
  const b = time(() => plain.transaction(() => { for (let i = 0; i < batch; i += 1) raw.run(`p-${n++}`, OFFICE, 'v', n, n, n, `Thôn ${n}`); })(), 5, 1);
  rows.push({ name: `write path: ${batch} records in one transaction`, ours: a, baseline: b, note: `${Math.round((batch * 1000) / a.median)} /s vs ${Math.round((batch * 1000) / b.median)} /s` });
  db.close();
  plain.close();
  return rows;
}
