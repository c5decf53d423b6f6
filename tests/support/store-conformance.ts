import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store, Transaction } from '../../db/stores/store';

/** The one table the conformance cases use; each adapter's test creates it in its own dialect. */
export interface ConformanceDb {
  items: { id: number; name: string; n: number };
}

/** DDL each adapter runs to create the conformance table (the types are common to both dialects). */
export const CONFORMANCE_TABLE = 'CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL UNIQUE, n integer NOT NULL)';

export interface OpenedStore {
  readonly store: Store<ConformanceDb>;
  /** Removes what the test made (files, the database); the store is closed before. */
  readonly remove: () => Promise<void>;
}

/** A promise and the function that settles it: holds a transaction open while a test looks outside it. */
function gate(): { readonly opened: Promise<void>; readonly open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/**
 * What every adapter of db/stores/store.ts must do, run by each adapter's own test against a real
 * database (a SQLite file, a PostgreSQL cluster) made empty with the conformance table by `open`.
 */
export function storeConformance(name: string, open: () => Promise<OpenedStore>): void {
  describe(`${name}: the Store's contract`, () => {
    let opened: OpenedStore | null = null;
    const fresh = async () => (opened = await open()).store;
    afterEach(async () => {
      if (!opened) return;
      await opened.store.close().catch(() => undefined);
      await opened.remove();
      opened = null;
    });

    const insert = (store: Store<ConformanceDb> | Transaction<ConformanceDb>, id: number, n = id) =>
      store.run(store.qb.insertInto('items').values({ id, name: `item ${id}`, n }));

    it('writes with run, reads with all and first, and takes fragments of the sql tag', async () => {
      const store = await fresh();
      for (const id of [3, 1, 2]) expect(await insert(store, id)).toEqual({ changes: 1 });
      expect(await store.all(store.qb.selectFrom('items').select(['id', 'name']).orderBy('id'))).toEqual([
        { id: 1, name: 'item 1' },
        { id: 2, name: 'item 2' },
        { id: 3, name: 'item 3' },
      ]);
      expect(await store.first(store.qb.selectFrom('items').select('name').where('id', '=', 2))).toEqual({ name: 'item 2' });
      expect(await store.first(store.qb.selectFrom('items').select('name').where('id', '=', 9))).toBeUndefined();
      expect(await store.run(store.qb.updateTable('items').set({ n: 0 }).where('id', '>', 1))).toEqual({ changes: 2 });
      const counted = await store.first(sql<{ c: number }>`SELECT count(*) AS c FROM items WHERE n = ${0}`);
      expect(Number(counted?.c)).toBe(2);
    });

    it('commits a transaction whose work resolves, and undoes the whole of one whose work rejects', async () => {
      const store = await fresh();
      expect(
        await store.transaction(async (tx) => {
          await insert(tx, 1);
          await insert(tx, 2);
          return 'done';
        }),
      ).toBe('done');
      const failure = store.transaction(async (tx) => {
        await insert(tx, 3);
        // A unique name already taken: the statement fails, and so does the transaction.
        await tx.run(tx.qb.insertInto('items').values({ id: 4, name: 'item 1', n: 4 }));
      });
      await expect(failure).rejects.toThrow();
      const refused = store.transaction(async (tx) => {
        await insert(tx, 5);
        throw new Error('the work changed its mind');
      });
      await expect(refused).rejects.toThrow('the work changed its mind');
      expect((await store.all(store.qb.selectFrom('items').select('id').orderBy('id'))).map((row) => row.id)).toEqual([1, 2]);
    });

    it('undoes only a savepoint whose work rejects; the transaction goes on and commits', async () => {
      const store = await fresh();
      await store.transaction(async (tx) => {
        await insert(tx, 1);
        await expect(
          tx.savepoint(async (inner) => {
            await insert(inner, 2);
            throw new Error('not this one');
          }),
        ).rejects.toThrow('not this one');
        await tx.savepoint(async (inner) => {
          await insert(inner, 3);
          // Nested savepoints undo their own part only.
          await expect(inner.savepoint(async (deeper) => insert(deeper, 1))).rejects.toThrow();
        });
        expect((await tx.all(tx.qb.selectFrom('items').select('id').orderBy('id'))).map((row) => row.id)).toEqual([1, 3]);
      });
      expect((await store.all(store.qb.selectFrom('items').select('id').orderBy('id'))).map((row) => row.id)).toEqual([1, 3]);
    });

    it('answers a read outside a transaction at once, with the last committed state, while a transaction is open', async () => {
      const store = await fresh();
      await insert(store, 1);
      const held = gate();
      const inside = gate();
      const writing = store.transaction(async (tx) => {
        await insert(tx, 2);
        // Its own write is seen inside.
        expect((await tx.all(tx.qb.selectFrom('items').select('id'))).length).toBe(2);
        inside.open();
        await held.opened;
      });
      await inside.opened;
      // Answered while the transaction is still open: the gate is opened only after.
      expect((await store.all(store.qb.selectFrom('items').select('id'))).map((row) => row.id)).toEqual([1]);
      held.open();
      await writing;
      expect((await store.all(store.qb.selectFrom('items').select('id').orderBy('id'))).map((row) => row.id)).toEqual([1, 2]);
    });

    it('reads a snapshot at one committed state, while a transaction commits between its statements', async () => {
      const store = await fresh();
      await insert(store, 1);
      const ids = (reads: { all: Store<ConformanceDb>['all']; qb: Store<ConformanceDb>['qb'] }) => reads.all(reads.qb.selectFrom('items').select('id').orderBy('id'));
      const seen = await store.snapshot(async (reads) => {
        const before = (await ids(reads)).map((row) => row.id);
        await insert(store, 2);
        let streamed: number[] = [];
        for await (const page of reads.stream(reads.qb.selectFrom('items').select('id').orderBy('id'), 1)) streamed = [...streamed, ...page.map((row) => row.id)];
        return { before, after: (await ids(reads)).map((row) => row.id), streamed, outside: (await ids(store)).map((row) => row.id) };
      });
      expect(seen).toEqual({ before: [1], after: [1], streamed: [1], outside: [1, 2] });
      expect((await ids(store)).map((row) => row.id)).toEqual([1, 2]);
      // A snapshot whose work rejects passes the rejection on and leaves the store as it was.
      await expect(store.snapshot(async (reads) => {
        await ids(reads);
        throw new Error('the work failed');
      })).rejects.toThrow('the work failed');
      expect((await ids(store)).length).toBe(2);
    });

    it('runs writing transactions one after another, never interleaved', async () => {
      const store = await fresh();
      const order: string[] = [];
      const held = gate();
      const first = store.transaction(async (tx) => {
        order.push('first begins');
        await insert(tx, 1);
        await held.opened;
        order.push('first ends');
      });
      const second = store.transaction(async (tx) => {
        order.push('second begins');
        // It sees what the first committed.
        const seen = await tx.all(tx.qb.selectFrom('items').select('id'));
        order.push(`second sees ${seen.length}`);
        await insert(tx, 2);
      });
      const single = store.run(store.qb.insertInto('items').values({ id: 3, name: 'item 3', n: 3 }));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(order).toEqual(['first begins']);
      held.open();
      await Promise.all([first, second, single]);
      expect(order).toEqual(['first begins', 'first ends', 'second begins', 'second sees 1']);
      expect((await store.all(store.qb.selectFrom('items').select('id').orderBy('id'))).map((row) => row.id)).toEqual([1, 2, 3]);
    });

    it('streams a long result in pages, in order, and ends the statement when the loop breaks', async () => {
      const store = await fresh();
      await store.transaction(async (tx) => {
        for (let id = 1; id <= 1234; id += 1) await insert(tx, id);
      });
      const sizes: number[] = [];
      const ids: number[] = [];
      for await (const page of store.stream(store.qb.selectFrom('items').select('id').orderBy('id'), 500)) {
        sizes.push(page.length);
        ids.push(...page.map((row) => row.id));
      }
      expect(sizes).toEqual([500, 500, 234]);
      expect(ids).toEqual(Array.from({ length: 1234 }, (_, index) => index + 1));
      let pages = 0;
      for await (const page of store.stream(store.qb.selectFrom('items').select('id').orderBy('id'), 100)) {
        expect(page.length).toBe(100);
        pages += 1;
        if (pages === 2) break;
      }
      // The store goes on: a write after the broken stream commits.
      await store.transaction(async (tx) => {
        await insert(tx, 5000);
      });
      expect(Number((await store.first(sql<{ c: number }>`SELECT count(*) AS c FROM items`))?.c)).toBe(1235);
    });

    it('refuses every call once closed', async () => {
      const store = await fresh();
      await insert(store, 1);
      await store.close();
      await expect(store.all(store.qb.selectFrom('items').select('id'))).rejects.toThrow();
      await expect(insert(store, 2)).rejects.toThrow();
    });
  });
}
