import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CallInput } from '../../api/contract';
import { addUser, cleanup, createOffice, expectOk } from '../support/backend';
import { openSqliteStore } from '../../db/stores/sqlite';
import { openSqlite } from '../../db/store';
import { qb, run } from '../../db/query';
import { CONFORMANCE_TABLE, storeConformance, type ConformanceDb } from '../support/store-conformance';

const KEY = 'c3'.repeat(32);

/** A fresh encrypted store file with the conformance table, its write connection and the Store on it. */
function freshStore(options: { ownsWriter?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'store-sqlite-'));
  const file = join(dir, 'store.sqlite');
  const writer = openSqlite(file, KEY);
  writer.exec(CONFORMANCE_TABLE);
  const store = openSqliteStore<ConformanceDb>(writer, { file, keyHex: KEY, ownsWriter: options.ownsWriter ?? true });
  return { dir, file, writer, store };
}

storeConformance('SQLite', async () => {
  const { dir, store } = freshStore();
  return { store, remove: async () => rmSync(dir, { recursive: true, force: true }) };
});

describe('SQLite Store beside the synchronous write path', () => {
  it('refuses a synchronous write on its connection while one of its transactions is open, and commits only its own work', async () => {
    const { dir, writer, store } = freshStore();
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let opened!: () => void;
      const open = new Promise<void>((resolve) => (opened = resolve));
      const writing = store.transaction(async (tx) => {
        await tx.run(tx.qb.insertInto('items').values({ id: 1, name: 'item 1', n: 1 }));
        opened();
        // Against the rule: the work awaits something outside the transaction.
        await held;
      });
      await open;
      // Another call's synchronous write on the same connection (db/query.ts): refused, not taken into the transaction.
      expect(() => run(writer, qb.insertInto('items' as never).values({ id: 2, name: 'item 2', n: 2 } as never))).toThrow(/asynchronous Store is open/);
      // A synchronous read still answers (it is no write).
      expect(writer.prepare('SELECT count(*) AS c FROM items').get()).toEqual({ c: 1 });
      release();
      await writing;
      // After the transaction the synchronous path writes again.
      expect(run(writer, qb.insertInto('items' as never).values({ id: 3, name: 'item 3', n: 3 } as never))).toEqual({ changes: 1 });
      expect((await store.all(store.qb.selectFrom('items').select('id').orderBy('id'))).map((row) => row.id)).toEqual([1, 3]);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives a reader its SQLite error with the code kept, and a wrong key as the store error', async () => {
    const { dir, file, store } = freshStore();
    try {
      await expect(store.all(store.qb.selectFrom('missing' as 'items').select('id'))).rejects.toMatchObject({ code: 'SQLITE_ERROR', message: expect.stringContaining('no such table') });
      const wrong = openSqliteStore<ConformanceDb>(openSqlite(join(dir, 'other.sqlite'), KEY), { file, keyHex: 'd4'.repeat(32), ownsWriter: true });
      await expect(wrong.all(wrong.qb.selectFrom('items').select('id'))).rejects.toMatchObject({ name: 'AppError', code: 'store.wrong_key' });
      await wrong.close();
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses, once closed, a read that was waiting for a reader held by a stream', async () => {
    const { dir, writer } = freshStore();
    const store = openSqliteStore<ConformanceDb>(writer, { file: join(dir, 'store.sqlite'), keyHex: KEY, readers: 1, ownsWriter: true });
    try {
      await store.transaction(async (tx) => {
        for (let id = 1; id <= 30; id += 1) await tx.run(tx.qb.insertInto('items').values({ id, name: `item ${id}`, n: id }));
      });
      const pages = store.stream(store.qb.selectFrom('items').select('id').orderBy('id'), 10)[Symbol.asyncIterator]();
      expect((await pages.next()).value).toHaveLength(10);
      // The one reader is held by the stream: this read waits for it.
      const waiting = store.all(store.qb.selectFrom('items').select('id'));
      store.closeNow();
      await expect(waiting).rejects.toThrow('the store is closed');
      await expect(pages.next()).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('closes its readers at once when asked, so the file may be re-keyed, and reads again after with the new key', async () => {
    const { dir, writer, store } = freshStore({ ownsWriter: false });
    try {
      await store.run(store.qb.insertInto('items').values({ id: 1, name: 'item 1', n: 1 }));
      expect(await store.all(store.qb.selectFrom('items').select('id'))).toEqual([{ id: 1 }]);
      store.endReaders('e5'.repeat(32));
      writer.pragma('wal_checkpoint(TRUNCATE)');
      // SQLite refuses this while another connection holds the file.
      expect(writer.pragma('journal_mode = DELETE', { simple: true })).toBe('delete');
      writer.pragma(`hexrekey='${'e5'.repeat(32)}'`);
      writer.pragma('journal_mode = WAL');
      expect(await store.all(store.qb.selectFrom('items').select('id'))).toEqual([{ id: 1 }]);
    } finally {
      await store.close();
      writer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the Store of an open office', () => {
  afterAll(cleanup);

  const report = (summary: string): CallInput<'reports.create'> => ({
    receivedAt: Date.parse('2026-03-02T10:00:00+07:00'),
    channel: 'in_person',
    kind: 'crime_report',
    categoryCode: 'theft',
    summary,
  });
  // Counted on the open store's readers (the Store the backend holds), not on its write connection.
  const total = async (office: Awaited<ReturnType<typeof createOffice>>) => {
    const data = office.backend.requireStore().data;
    return (await data.first(data.qb.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n'))))?.n;
  };

  it('reads the register on its readers before and after a restore replaces the file (its readers closed first)', async () => {
    const office = await createOffice();
    expectOk(await office.call('reports.create', report('Mất trộm xe máy tại nhà văn hóa thôn')));
    // Read on a reader: the report just committed on the write connection is seen.
    expect(await total(office)).toBe(1);
    const taken = expectOk(await office.call('backups.create', {}));
    expectOk(await office.call('reports.create', report('Đánh nhau tại quán nước đầu làng')));
    expect(await total(office)).toBe(2);
    expectOk(await office.call('backups.restore', { name: taken.name, confirm: true }));
    // New readers on the restored file: the report made after the backup is gone.
    expect(await total(office)).toBe(1);
  });

  it('reads the register on its readers before and after the store key rotates (its readers closed for the re-key, reopened with the new key)', async () => {
    const office = await createOffice();
    const officerId = await addUser(office, { username: 'can.bo', password: 'Lúa-chín-2026-abc-Tràm-Chim' });
    expectOk(await office.call('reports.create', report('Mất trộm xe máy tại nhà văn hóa thôn')));
    expect(await total(office)).toBe(1);
    const before = office.backend.requireStore().key;
    // Deactivating a user rotates the store key (db/rotation.ts), in the backups' queue.
    expectOk(await office.call('users.setActive', { userId: officerId, active: false }));
    await office.backend.backups.settled();
    expect(office.backend.requireStore().key.equals(before)).toBe(false);
    expectOk(await office.call('reports.create', report('Đánh nhau tại quán nước đầu làng')));
    expect(await total(office)).toBe(2);
  });
});
