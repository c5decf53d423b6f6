import { closeSync, existsSync, openSync, readSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../db/backup';
import { contract, type CallName } from '../../api/contract';
import { ADMIN, cleanup, createOffice, expectError, expectOk, manualClock, restart, type TestOffice } from '../support/backend';
import { buildFixture, SAMPLE_NOW, sampleOf } from '../support/call-samples';

afterEach(cleanup);

/** What a power cut leaves: the store closed without its marker removed. */
function powerCut(office: TestOffice): TestOffice {
  const marker = office.backend.paths.openMarker;
  const next = restart(office);
  writeFileSync(marker, '4242');
  return next;
}

/** Holds the backups' queue (so the check waits its turn) until the returned function is called. */
function holdBackups(office: TestOffice): () => void {
  let release = () => undefined as void;
  void office.backend.backups.exclusive(() => new Promise<void>((resolve) => (release = resolve)));
  return () => release();
}

describe('after a power cut the store is checked in the background (issue #23)', () => {
  it('the login answers at once; reads work and every write is refused with store.checking until the check passes', async () => {
    let office = await createOffice();
    await office.backend.backups.settled();
    expectOk(await office.call('localities.create', { name: 'Xóm Bãi Ngang', kind: 'xóm' }));
    office = powerCut(office);
    const release = holdBackups(office);
    const session = await office.login(ADMIN.username, ADMIN.password);
    const seen = expectOk(await office.callAs(session, 'auth.session', {}));
    expect(seen?.storeCheck.state).toBe('checking');
    // Reading works…
    const names = expectOk(await office.callAs(session, 'localities.list', {})).map((l) => l.name);
    expect(names).toContain('Xóm Bãi Ngang');
    // …writing is refused, in the backend, with its own code and a message.
    const refused = expectError(await office.callAs(session, 'localities.create', { name: 'Xóm Trại', kind: 'xóm' }), 'store.checking');
    expect(refused.message).toMatch(/checked/);
    expectError(await office.callAs(session, 'settings.update', { idleLockMinutes: 30 } as never), 'store.checking');
    // The write path refuses too, whoever calls it.
    expect(() =>
      office.backend.requireStore().writes.insert('localities', { name: 'Xóm Mới', kind: 'xóm' } as never, { userId: null, officeId: office.backend.requireStore().officeId, call: 'test' }),
    ).toThrow(/checked/);
    release();
    await office.backend.backups.settled();
    const after = expectOk(await office.callAs(session, 'auth.session', {}));
    expect(after?.storeCheck).toMatchObject({ state: 'passed' });
    expect(after!.storeCheck.total).toBeGreaterThan(10);
    expect(after!.storeCheck.done).toBe(after!.storeCheck.total);
    expectOk(await office.callAs(session, 'localities.create', { name: 'Xóm Trại', kind: 'xóm' }));
  });

  it('a quit while the check runs keeps the marker: the next start checks again', async () => {
    let office = await createOffice();
    await office.backend.backups.settled();
    office = powerCut(office);
    const release = holdBackups(office);
    await office.login(ADMIN.username, ADMIN.password);
    expect(office.backend.storeCheck.status().state).toBe('checking');
    const before = office.backend;
    office = restart(office);
    release();
    await before.backups.settled();
    expect(existsSync(office.backend.paths.openMarker)).toBe(true);
    const session = await office.login(ADMIN.username, ADMIN.password);
    expect(expectOk(await office.callAs(session, 'auth.session', {}))?.storeCheck.state).not.toBe('none');
    await office.backend.backups.settled();
    expect(office.backend.storeCheck.status().state).toBe('passed');
  });

  it('a clean start checks nothing and writes at once', async () => {
    let office = await createOffice();
    office = restart(office);
    const session = await office.login(ADMIN.username, ADMIN.password);
    expect(expectOk(await office.callAs(session, 'auth.session', {}))?.storeCheck.state).toBe('none');
    expectOk(await office.callAs(session, 'localities.create', { name: 'Xóm Trại', kind: 'xóm' }));
  });

  it('each call the contract marks readOnly is answered while the check runs, with its sample; every other call is refused', async () => {
    const clock = manualClock(SAMPLE_NOW);
    let office = await createOffice({ now: clock.now });
    const fixture = await buildFixture(office, { id: office.adminId, username: ADMIN.username, password: ADMIN.password });
    await office.backend.backups.settled();
    const marker = office.backend.paths.openMarker;
    office = restart(office, { now: clock.now });
    writeFileSync(marker, '4242');
    const release = holdBackups(office);
    try {
      const session = await office.login(ADMIN.username, ADMIN.password);
      const outcomes = new Map<CallName, string>();
      for (const name of Object.keys(contract) as CallName[]) {
        // auth.lock and auth.logout end the session they run on: each gets its own.
        const on = name === 'auth.lock' || name === 'auth.logout' ? await office.login(ADMIN.username, ADMIN.password) : session;
        const result = await office.callAs(on, name, sampleOf(name, fixture) as never);
        outcomes.set(name, result.ok ? 'ok' : result.error.code);
      }
      const readOnly = [...outcomes.keys()].filter((name) => contract[name].readOnly === true);
      expect(readOnly.length).toBeGreaterThan(40);
      for (const [name, outcome] of outcomes) {
        // A read that wrote through the write path would meet store.checking there: none may.
        if (contract[name].readOnly) expect([name, outcome]).not.toEqual([name, expect.stringMatching(/^(store\.checking|internal)$/)]);
        else expect([name, outcome]).toEqual([name, 'store.checking']);
      }
      expect(office.backend.storeCheck.status().state).toBe('checking');
    } finally {
      release();
    }
    await office.backend.backups.settled();
  });

  it('damage found: the state says so and names the last backup; writes stay refused, the restore is offered', async () => {
    let office = await createOffice();
    await office.backend.backups.settled();
    // The day of setup has its backup.
    const last = listBackups(office.backend.paths.backups)[0]!;
    expect(last.reason).toBe('daily');
    for (let i = 0; i < 400; i += 1) expectOk(await office.call('localities.create', { name: `Xóm số ${i} với một tên khá dài để lấp đầy trang`, kind: 'xóm' }));
    office = powerCut(office);
    // A page near the end of the file (the localities just written, far from what a login reads) damaged.
    const file = office.backend.paths.store;
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    const at = size - 3 * 4096 + 1000;
    const bytes = Buffer.alloc(64);
    readSync(fd, bytes, 0, 64, at);
    for (let i = 0; i < 64; i += 1) bytes[i] = bytes[i]! ^ 0xff;
    writeSync(fd, bytes, 0, 64, at);
    closeSync(fd);
    const session = await office.login(ADMIN.username, ADMIN.password);
    await office.backend.backups.settled();
    const seen = expectOk(await office.callAs(session, 'auth.session', {}));
    expect(seen?.storeCheck).toMatchObject({ state: 'damaged', lastBackup: last.name, lastBackupAt: last.at });
    const refused = expectError(await office.callAs(session, 'localities.create', { name: 'Xóm Trại', kind: 'xóm' }), 'store.corrupt');
    expect(refused.params).toEqual({ backup: last.name });
    // No daily backup of the damaged store was taken (it would rotate a good one out).
    expect(listBackups(office.backend.paths.backups).map((b) => b.name)).toEqual([last.name]);
  });
});
