import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresStore, type PostgresStore } from '../../db/stores/postgres';
import { freshDatabase, type TestDatabase } from '../support/postgres';
import { CONFORMANCE_TABLE, storeConformance, type ConformanceDb } from '../support/store-conformance';

/** A fresh database on the run's throwaway cluster with the conformance table, and the Store on it. */
async function freshStore(): Promise<{ database: TestDatabase; store: PostgresStore<ConformanceDb> }> {
  const database = await freshDatabase();
  const client = new pg.Client(database.config);
  await client.connect();
  try {
    await client.query(CONFORMANCE_TABLE);
  } finally {
    await client.end();
  }
  return { database, store: await openPostgresStore<ConformanceDb>({ connection: database.config }) };
}

storeConformance('PostgreSQL', async () => {
  const { database, store } = await freshStore();
  return { store, remove: database.drop };
});

describe('PostgreSQL Store: what is its own', () => {
  let opened: Awaited<ReturnType<typeof freshStore>> | null = null;
  const fresh = async () => (opened = await freshStore()).store;
  afterEach(async () => {
    if (!opened) return;
    await opened.store.close().catch(() => undefined);
    await opened.database.drop();
    opened = null;
  });
  const insert = (store: { run: PostgresStore<ConformanceDb>['run']; qb: PostgresStore<ConformanceDb>['qb'] }, id: number) =>
    store.run(store.qb.insertInto('items').values({ id, name: `item ${id}`, n: id }));

  it('compiles for PostgreSQL, and keeps PostgreSQL’s SQLSTATE in the error', async () => {
    const store = await fresh();
    expect(store.dialect).toBe('postgres');
    expect(store.qb.selectFrom('items').select('id').where('id', '=', 1).compile().sql).toBe('select "id" from "items" where "id" = $1');
    await insert(store, 1);
    await expect(store.run(store.qb.insertInto('items').values({ id: 2, name: 'item 1', n: 2 }))).rejects.toMatchObject({ code: '23505' });
    await expect(store.all(store.qb.selectFrom('missing' as 'items').select('id'))).rejects.toMatchObject({ code: '42P01' });
    await expect(store.transaction(async (tx) => insert(tx, 1))).rejects.toMatchObject({ code: '23505' });
  });

  it('refuses to open on a database that is not UTF-8, and says why', async () => {
    const database = await freshDatabase(`TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C'`);
    try {
      await expect(openPostgresStore({ connection: database.config })).rejects.toThrow(/must be UTF-8.*SQL_ASCII/);
    } finally {
      await database.drop();
    }
  });

  it('gives bigints (counts, the schema’s integers) as numbers, as SQLite does', async () => {
    const store = await fresh();
    await insert(store, 1);
    expect(await store.first(sql<{ c: number; big: number; huge: string }>`SELECT count(*) AS c, ${1_700_000_000_000}::bigint AS big, 9007199254740993::bigint AS huge FROM items`)).toEqual({
      c: 1,
      big: 1_700_000_000_000,
      // Beyond 2^53 a number would lie: the text stays.
      huge: '9007199254740993',
    });
  });

  it('refuses to acknowledge a transaction whose work swallowed a failed statement: nothing of it is written', async () => {
    const store = await fresh();
    const swallowed = store.transaction(async (tx) => {
      await insert(tx, 1);
      // Against the rule (catch a statement only inside tx.savepoint): PostgreSQL aborts the transaction.
      await insert(tx, 1).catch(() => undefined);
      return 'acknowledged';
    });
    await expect(swallowed).rejects.toMatchObject({ code: '25P02' });
    expect(await store.all(store.qb.selectFrom('items').select('id'))).toEqual([]);
    // The same with a savepoint: only the failed part is undone.
    await store.transaction(async (tx) => {
      await insert(tx, 1);
      await tx.savepoint(async (inner) => insert(inner, 1)).catch(() => undefined);
      await insert(tx, 2);
    });
    expect((await store.all(store.qb.selectFrom('items').select('id').orderBy('id'))).map((row) => row.id)).toEqual([1, 2]);
  });

  it('streams inside a transaction while the work writes between pages, and sees its own writes', async () => {
    const store = await fresh();
    await store.transaction(async (tx) => {
      for (let id = 1; id <= 25; id += 1) await insert(tx, id);
    });
    const seen: number[] = [];
    await store.transaction(async (tx) => {
      await insert(tx, 26);
      for await (const page of tx.stream(tx.qb.selectFrom('items').select(['id', 'n']).orderBy('id'), 10)) {
        seen.push(...page.map((row) => row.id));
        // A write on the same connection between two pages does not wait for the cursor.
        for (const row of page) await tx.run(tx.qb.updateTable('items').set({ n: row.n * 10 }).where('id', '=', row.id));
      }
    });
    expect(seen).toEqual(Array.from({ length: 26 }, (_, index) => index + 1));
    expect(Number((await store.first(sql<{ total: string }>`SELECT sum(n) AS total FROM items`))?.total)).toBe(3510);
  });

  it('streams outside a transaction from one snapshot, while writes commit between its pages', async () => {
    const store = await fresh();
    await store.transaction(async (tx) => {
      for (let id = 1; id <= 30; id += 1) await insert(tx, id);
    });
    const pages: number[][] = [];
    for await (const page of store.stream(store.qb.selectFrom('items').select('id').orderBy('id'), 10)) {
      pages.push(page.map((row) => row.id));
      // Committed during the stream: a later page does not see it.
      if (pages.length === 1) await store.run(store.qb.deleteFrom('items').where('id', '>', 20));
    }
    expect(pages.flat()).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
    expect(Number((await store.first(sql<{ c: string }>`SELECT count(*) AS c FROM items`))?.c)).toBe(20);
    // No connection was left behind in a transaction by the streams.
    const idle = await store.all(sql<{ state: string }>`SELECT state FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`);
    expect(idle).toEqual([]);
  });

  it('connects again after its connections were ended by the server, between or during transactions', async () => {
    const store = await fresh();
    const writerPid = () => store.transaction(async (tx) => (await tx.first(sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`))!.pid);
    const terminate = (pid: number) => store.all(sql`SELECT pg_terminate_backend(${pid})`);
    const first = await writerPid();
    await terminate(first);
    // Between transactions: the next write runs on a new connection (at once: the old one may not have
    // said yet that it was ended).
    await insert(store, 1);
    const second = await writerPid();
    expect(second).not.toBe(first);
    // During one: that transaction fails, nothing of it is written, and the next one goes through.
    const cut = store.transaction(async (tx) => {
      await insert(tx, 2);
      await terminate(second);
      await insert(tx, 3);
    });
    await expect(cut).rejects.toThrow();
    await insert(store, 4);
    expect((await store.all(store.qb.selectFrom('items').select('id').orderBy('id'))).map((row) => row.id)).toEqual([1, 4]);
    // Every connection of the pool ended too: a read answers all the same.
    await store.all(sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    expect((await store.all(store.qb.selectFrom('items').select('id').orderBy('id'))).map((row) => row.id)).toEqual([1, 4]);
  });

  it('close() waits for the queued writes, then ends every connection', async () => {
    const store = await fresh();
    const writes = [1, 2, 3].map((id) => store.transaction(async (tx) => insert(tx, id)));
    const closed = store.close();
    await Promise.all(writes);
    await closed;
    const client = new pg.Client(opened!.database.config);
    await client.connect();
    try {
      expect((await client.query('SELECT count(*)::int AS c FROM items')).rows[0]).toEqual({ c: 3 });
      const others = await client.query(`SELECT count(*)::int AS c FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
      expect(others.rows[0]).toEqual({ c: 0 });
    } finally {
      await client.end();
    }
  });
});
