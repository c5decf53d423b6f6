import { afterEach, describe, expect, it } from 'vitest';
import { contract, type CallName } from '../../api/contract';
import type { ImportSummary } from '../../api/views';
import { verifyAuditChain } from '../../db/audit';
import type { ImportJob } from '../../db/backup-thread';
import type { Backend } from '../../db/backend';
import { openSqlite } from '../../db/store';
import { ADMIN, cleanup, createOffice, manualClock, type TestOffice } from '../support/backend';
import { buildFixture, SAMPLE_NOW, sampleOf } from '../support/call-samples';

/**
 * The window in which a bundle's import holds the store on its worker (db/exchange/import-job.ts), opened
 * with the import's own gate (`ImportJobs.run`) and, in the worker's place, another connection holding the
 * write lock as the worker's transaction does: what the backend's thread answers meanwhile. The import's
 * own run through the worker is tested in exchange.test.ts ("the register beside an import").
 */

afterEach(cleanup);

const NEW_PASSWORD = 'Hương-đi-chợ-Bến-Thành-sớm-nay';

function jobOf(backend: Backend): ImportJob {
  const store = backend.requireStore();
  return { store: backend.paths.store, keyHex: store.key.toString('hex'), path: '', apply: true, now: backend.now(), userId: null };
}

/** Runs `inside` while an import holds the store: the gate open, the write lock held by another connection. */
async function duringImport<T>(office: TestOffice, inside: () => Promise<T>): Promise<T> {
  const store = office.backend.requireStore();
  let value: T | undefined;
  await office.backend.imports.run(store.sql, jobOf(office.backend), async (_job, onProgress) => {
    const worker = openSqlite(office.backend.paths.store, store.key.toString('hex'), { quickCheck: false });
    worker.exec('BEGIN IMMEDIATE');
    try {
      onProgress(40);
      value = await inside();
    } finally {
      worker.exec('ROLLBACK');
      worker.close();
    }
    return {} as ImportSummary;
  });
  return value!;
}

const count = (office: TestOffice, sql: string) => (office.backend.requireStore().sql.prepare(sql).get() as { n: number }).n;

describe('while a bundle is imported', () => {
  it('answers every call the contract marks read-only, and writes their audit entries after the import', async () => {
    const office = await createOffice({ now: manualClock(SAMPLE_NOW).now });
    const fixture = await buildFixture(office, { id: office.adminId, username: ADMIN.username, password: ADMIN.password });
    await office.backend.backups.settled();
    const entriesBefore = count(office, 'SELECT count(*) AS n FROM audit_log');
    const logins = () => count(office, "SELECT count(*) AS n FROM audit_log WHERE action = 'login'");
    const reads = () => count(office, "SELECT count(*) AS n FROM audit_log WHERE action = 'read'");
    const [loginsBefore, readsBefore] = [logins(), reads()];
    const refused: string[] = [];
    let answered = 0;
    let duringWindow = -1;
    const progress = await duringImport(office, async () => {
      const session = await office.login(ADMIN.username, ADMIN.password);
      for (const name of Object.keys(contract) as CallName[]) {
        if (!contract[name].readOnly) continue;
        const on = name === 'auth.lock' || name === 'auth.logout' ? await office.login(ADMIN.username, ADMIN.password) : session;
        const result = await office.callAs(on, name, sampleOf(name, fixture) as never);
        answered += 1;
        if (!result.ok && ['internal', 'store.importing'].includes(result.error.code)) refused.push(`${name}: ${result.error.code} ${result.error.message}`);
      }
      duringWindow = count(office, 'SELECT count(*) AS n FROM audit_log');
      return expectSession(await office.call('auth.session', {}));
    });
    expect(answered).toBeGreaterThan(40);
    expect(refused).toEqual([]);
    // The screen was told an import runs, and how far.
    expect(progress).toEqual({ source: 'bundle', dryRun: false, percent: 40 });
    // Nothing was written during the window; the held entries (the reads, the logins) are there now, in one chain.
    expect(duringWindow).toBe(entriesBefore);
    expect(logins()).toBeGreaterThanOrEqual(loginsBefore + 3);
    expect(reads()).toBeGreaterThan(readsBefore + 10);
    expect(verifyAuditChain(office.backend.requireStore().sql)).toMatchObject({ ok: true });
    expect(office.backend.imports.progress()).toBeNull();
  });

  it('refuses with its own message a write that began before the import and reaches the store during it, and writes nothing', async () => {
    const office = await createOffice();
    await office.backend.backups.settled();
    const history = () => count(office, 'SELECT count(*) AS n FROM password_history');
    const entries = () => count(office, "SELECT count(*) AS n FROM audit_log WHERE action = 'password'");
    const [historyBefore, entriesBefore] = [history(), entries()];
    // The change checks the current password first (a key derivation, on libuv's pool): the import begins
    // meanwhile, and the change's write comes during it.
    const changing = office.call('auth.changePassword', { current: ADMIN.password, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    const result = await duringImport(office, () => changing);
    expect(result.ok ? 'ok' : result.error.code).toBe('store.importing');
    expect([history(), entries()]).toEqual([historyBefore, entriesBefore]);
    // After the import the same change goes through.
    const again = await office.call('auth.changePassword', { current: ADMIN.password, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(again.ok).toBe(true);
    expect(entries()).toBe(entriesBefore + 1);
  });

  it('logs a user in whose password wrap would be upgraded, leaving the upgrade to a later login', async () => {
    const office = await createOffice();
    await office.backend.backups.settled();
    // An update raised the key derivation's cost: the next login re-wraps the entry, which writes.
    const raised = { ...office.backend.kdf, N: office.backend.kdf.N * 2 };
    (office.backend as { kdf: typeof raised }).kdf = raised;
    const keyring = () => office.backend.keyring().entry(ADMIN.username);
    const before = keyring();
    const logging = office.tryLogin(ADMIN.username, ADMIN.password);
    const { result } = await duringImport(office, () => logging);
    expect(result.ok).toBe(true);
    expect(keyring()).toEqual(before);
    // The next login, with no import running, upgrades it.
    expect((await office.tryLogin(ADMIN.username, ADMIN.password)).result.ok).toBe(true);
    expect(keyring()).not.toEqual(before);
  });
});

function expectSession(result: Awaited<ReturnType<TestOffice['call']>>) {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.value as { importing: unknown }).importing;
}
