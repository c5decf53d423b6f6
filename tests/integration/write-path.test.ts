import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../db/app-error';
import type { OpenStore } from '../../db/backend';
import type { WriteContext } from '../../db/write-path';
import { cleanup, createOffice, expectOk, OFFICE, type TestOffice } from '../support/backend';

const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const VERSION = /^\d{13}-\d{5}-[0-9a-f]{16}$/;

interface AuditRow {
  id: number;
  at: number;
  user_id: string | null;
  call: string;
  table_name: string | null;
  record_id: string | null;
  action: string;
  before: string | null;
  after: string | null;
}

let office: TestOffice;
let store: OpenStore;
let ctx: WriteContext;

function auditCount(): number {
  return (store.sql.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}

function auditSince(id: number): AuditRow[] {
  return store.sql.prepare('SELECT * FROM audit_log WHERE id > ? ORDER BY id').all(id) as AuditRow[];
}

function lastAuditId(): number {
  return (store.sql.prepare('SELECT coalesce(max(id), 0) AS id FROM audit_log').get() as { id: number }).id;
}

function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

beforeEach(async () => {
  office = await createOffice();
  store = office.backend.requireStore();
  ctx = { userId: office.adminId, officeId: store.officeId, call: 'test.write' };
});

afterEach(() => cleanup());

describe('insert', () => {
  it('stamps identity, owner, version, sequence and who/when', () => {
    const before = Date.now();
    const row = store.writes.insert('localities', { name: 'Thôn Bắc', kind: 'thôn' }, ctx);
    const after = Date.now();
    expect(row.id).toMatch(UUIDV7);
    expect(row.office_id).toBe(OFFICE.code);
    expect(row.office_id).toBe(store.officeId);
    expect(row.version).toMatch(VERSION);
    expect(row.base_version).toBeNull();
    expect(row.created_by).toBe(office.adminId);
    expect(row.updated_by).toBe(office.adminId);
    expect(row.created_at).toBeGreaterThanOrEqual(before);
    expect(row.created_at).toBeLessThanOrEqual(after);
    expect(row.updated_at).toBe(row.created_at);
    expect(row.deleted_at).toBeNull();
    expect(row.void_reason).toBeNull();
    // The id's timestamp is the creation time (UUIDv7's first 48 bits).
    expect(parseInt(row.id.replace(/-/g, '').slice(0, 12), 16)).toBe(row.created_at);
    // What was returned is what was stored.
    expect(store.sql.prepare('SELECT * FROM localities WHERE id = ?').get(row.id)).toEqual(row);
  });

  it('advances seq by exactly one per write, across tables, and versions grow', () => {
    const rows = [
      store.writes.insert('localities', { name: 'Thôn Nam', kind: 'thôn' }, ctx),
      store.writes.insert('category_groups', { code: 'test_group', name_vi: 'Nhóm thử', name_en: 'Test group', sort: 99 }, ctx),
      store.writes.insert('categories', { code: 'test_type', group_code: 'test_group', name_vi: 'Loại thử', name_en: 'Test type', sort: 1 }, ctx),
      store.writes.insert('localities', { name: 'Xóm Mới', kind: 'xóm' }, ctx),
    ];
    const first = rows[0]!.seq;
    expect(rows.map((r) => r.seq)).toEqual([first, first + 1, first + 2, first + 3]);
    const versions = rows.map((r) => r.version);
    expect([...versions].sort()).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
    // The clock's seq is the highest stamped.
    expect((store.sql.prepare('SELECT seq FROM clock_state').get() as { seq: number }).seq).toBe(first + 3);
    // Every version carries this installation's node id.
    const node = (store.sql.prepare('SELECT node_id FROM clock_state').get() as { node_id: string }).node_id;
    for (const v of versions) expect(v.endsWith(`-${node}`)).toBe(true);
  });

  it('makes distinct UUIDv7 ids that sort by creation', () => {
    const ids = Array.from({ length: 30 }, (_, i) => store.writes.insert('localities', { name: `Tổ ${i}`, kind: 'tổ' }, ctx).id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUIDV7);
    const stamps = ids.map((id) => id.slice(0, 13));
    expect([...stamps].sort()).toEqual(stamps);
  });

  it('appends exactly one audit entry with the record after', () => {
    const mark = lastAuditId();
    const row = store.writes.insert('localities', { name: 'Thôn Trung', kind: 'thôn' }, ctx);
    const entries = auditSince(mark);
    expect(entries).toHaveLength(1);
    const entry = entries[0]!;
    expect(entry).toMatchObject({ user_id: office.adminId, call: 'test.write', table_name: 'localities', record_id: row.id, action: 'insert', before: null });
    expect(JSON.parse(entry.after ?? 'null')).toEqual(row);
  });

  it('turns a unique clash into record.duplicate, leaving nothing behind', () => {
    const count = auditCount();
    const seq = (store.sql.prepare('SELECT seq FROM clock_state').get() as { seq: number }).seq;
    const error = caught(() => store.writes.insert('category_groups', { code: 'social_order', name_vi: 'Trùng', name_en: 'Dup', sort: 1 }, ctx));
    expect(error.code).toBe('record.duplicate');
    expect(auditCount()).toBe(count);
    // The clock step was rolled back with the rest.
    expect((store.sql.prepare('SELECT seq FROM clock_state').get() as { seq: number }).seq).toBe(seq);
  });

  it('is what localities.create does through the dispatcher', async () => {
    const mark = lastAuditId();
    const view = expectOk(await office.call('localities.create', { name: 'Thôn Đoài', kind: 'thôn' }));
    const row = store.sql.prepare('SELECT * FROM localities WHERE id = ?').get(view.id) as { id: string; version: string; created_by: string };
    expect(row.id).toMatch(UUIDV7);
    expect(row.version).toMatch(VERSION);
    expect(row.created_by).toBe(office.adminId);
    expect(auditSince(mark).map((e) => [e.action, e.call, e.record_id])).toEqual([['insert', 'localities.create', view.id]]);
  });
});

describe('update', () => {
  it('from the current version: a greater version and the next seq; the base stays the last version from elsewhere', () => {
    const created = store.writes.insert('localities', { name: 'Thôn Bắc', kind: 'thôn' }, ctx);
    const mark = lastAuditId();
    const updated = store.writes.update('localities', created.id, created.version, { name: 'Thôn Bắc Sơn' }, ctx);
    expect(updated.id).toBe(created.id);
    expect(updated.name).toBe('Thôn Bắc Sơn');
    expect(updated.kind).toBe('thôn');
    // Made and edited here: no version from elsewhere to start from (db/exchange/import.ts reads this).
    expect(updated.base_version).toBeNull();
    expect(updated.version).toMatch(VERSION);
    expect(updated.version > created.version).toBe(true);
    expect(updated.seq).toBe(created.seq + 1);
    expect(updated.created_at).toBe(created.created_at);
    expect(updated.created_by).toBe(created.created_by);
    expect(updated.updated_at).toBeGreaterThanOrEqual(created.updated_at);

    const entries = auditSince(mark);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.action).toBe('update');
    expect(JSON.parse(entries[0]!.before ?? 'null')).toEqual(created);
    expect(JSON.parse(entries[0]!.after ?? 'null')).toEqual(updated);

    // A second edit needs the first's version; a version that came from another PC becomes the base.
    const again = store.writes.update('localities', created.id, updated.version, { kind: 'xóm' }, ctx);
    expect(again.base_version).toBeNull();
    expect(again.version > updated.version).toBe(true);
    const remote = `${String(Date.now() + 1000).padStart(13, '0')}-00000-00000000000000ff`;
    store.sql.prepare('UPDATE localities SET version = ? WHERE id = ?').run(remote, created.id);
    const afterRemote = store.writes.update('localities', created.id, remote, { kind: 'thôn' }, ctx);
    expect(afterRemote.base_version).toBe(remote);
    const next = store.writes.update('localities', created.id, afterRemote.version, { kind: 'xóm' }, ctx);
    expect(next.base_version).toBe(remote);
  });

  it('from a stale version: record.conflict, and neither the row nor the audit log changes', () => {
    const created = store.writes.insert('localities', { name: 'Thôn Bắc', kind: 'thôn' }, ctx);
    const current = store.writes.update('localities', created.id, created.version, { name: 'Thôn Bắc 1' }, ctx);
    const count = auditCount();
    const error = caught(() => store.writes.update('localities', created.id, created.version, { name: 'Thôn Bắc 2' }, ctx));
    expect(error.code).toBe('record.conflict');
    expect(error.params).toEqual({ current: current.version });
    expect(store.sql.prepare('SELECT * FROM localities WHERE id = ?').get(created.id)).toEqual(current);
    expect(auditCount()).toBe(count);
  });

  it('of a missing record: record.not_found', () => {
    expect(caught(() => store.writes.update('localities', '01900000-0000-7000-8000-000000000000', 'x', { name: 'X' }, ctx)).code).toBe('record.not_found');
  });

  it("of another office's record: auth.forbidden, nothing changed", () => {
    const theirs = store.writes.insert('localities', { name: 'Thôn Khác', kind: 'thôn' }, { ...ctx, officeId: '54321' });
    expect(theirs.office_id).toBe('54321');
    const count = auditCount();
    expect(caught(() => store.writes.update('localities', theirs.id, theirs.version, { name: 'Sửa trộm' }, ctx)).code).toBe('auth.forbidden');
    expect(caught(() => store.writes.void('localities', theirs.id, 'không phải của ta', ctx)).code).toBe('auth.forbidden');
    expect(store.sql.prepare('SELECT * FROM localities WHERE id = ?').get(theirs.id)).toEqual(theirs);
    expect(auditCount()).toBe(count);
  });
});

describe('void', () => {
  it('keeps the row with deleted_at and the reason, as a new version', () => {
    const created = store.writes.insert('localities', { name: 'Thôn Cũ', kind: 'thôn' }, ctx);
    const mark = lastAuditId();
    const before = Date.now();
    const voided = store.writes.void('localities', created.id, 'Sáp nhập vào Thôn Đông', ctx);
    expect(voided.deleted_at).not.toBeNull();
    expect(voided.deleted_at!).toBeGreaterThanOrEqual(before);
    expect(voided.void_reason).toBe('Sáp nhập vào Thôn Đông');
    expect(voided.name).toBe('Thôn Cũ');
    expect(voided.base_version).toBeNull();
    expect(voided.version > created.version).toBe(true);
    expect(voided.seq).toBe(created.seq + 1);
    expect(store.sql.prepare('SELECT count(*) AS n FROM localities WHERE id = ?').get(created.id)).toEqual({ n: 1 });
    const entries = auditSince(mark);
    expect(entries.map((e) => e.action)).toEqual(['void']);
    expect(JSON.parse(entries[0]!.after ?? 'null')).toMatchObject({ id: created.id, void_reason: 'Sáp nhập vào Thôn Đông' });
  });

  it('refuses a second void and any update of a voided record with record.voided', () => {
    const created = store.writes.insert('localities', { name: 'Thôn Cũ', kind: 'thôn' }, ctx);
    const voided = store.writes.void('localities', created.id, 'Nhập sai', ctx);
    const count = auditCount();
    expect(caught(() => store.writes.void('localities', created.id, 'Lần hai', ctx)).code).toBe('record.voided');
    expect(caught(() => store.writes.update('localities', created.id, voided.version, { name: 'Sống lại' }, ctx)).code).toBe('record.voided');
    expect(store.sql.prepare('SELECT * FROM localities WHERE id = ?').get(created.id)).toEqual(voided);
    expect(auditCount()).toBe(count);
  });

  it('shows voided localities as voided in localities.list', async () => {
    const created = store.writes.insert('localities', { name: 'Thôn Cũ', kind: 'thôn' }, ctx);
    store.writes.void('localities', created.id, 'Nhập sai', ctx);
    const list = expectOk(await office.call('localities.list', {}));
    expect(list.find((l) => l.id === created.id)).toMatchObject({ name: 'Thôn Cũ', voided: true });
    expect(list.filter((l) => !l.voided).map((l) => l.name).sort()).toEqual(['Thôn Tây', 'Thôn Đông'].sort());
  });
});

describe('every write', () => {
  it('adds exactly one audit entry per insert, update and void', () => {
    const start = auditCount();
    const a = store.writes.insert('localities', { name: 'A', kind: 'thôn' }, ctx);
    expect(auditCount()).toBe(start + 1);
    const b = store.writes.update('localities', a.id, a.version, { name: 'B' }, ctx);
    expect(auditCount()).toBe(start + 2);
    store.writes.void('localities', b.id, 'Thử', ctx);
    expect(auditCount()).toBe(start + 3);
    const actions = auditSince(lastAuditId() - 3).map((e) => [e.action, e.record_id]);
    expect(actions).toEqual([
      ['insert', a.id],
      ['update', a.id],
      ['void', a.id],
    ]);
  });

  it('rolls back with the transaction it runs in: the audit entry goes too', () => {
    const count = auditCount();
    const rows = (store.sql.prepare('SELECT count(*) AS n FROM localities').get() as { n: number }).n;
    expect(() =>
      store.sql.transaction(() => {
        store.writes.insert('localities', { name: 'Không lưu', kind: 'thôn' }, ctx);
        throw new Error('abort');
      })(),
    ).toThrow('abort');
    expect(auditCount()).toBe(count);
    expect((store.sql.prepare('SELECT count(*) AS n FROM localities').get() as { n: number }).n).toBe(rows);
  });
});
