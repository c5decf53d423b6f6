/**
 * Regression tests for the findings of a review of api/, db/ and web/: each finding was a bug, each
 * is fixed, and each test checks the behaviour that replaced it, as its name says (an extension only
 * for a complex case, numbers kept in the year of receipt, no duplicate links after a merge, the
 * lockout holding against guesses sent at once, keyring and store in step, a setup that can be
 * finished, loopback-only Host headers). Each fails again if its bug comes back.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../api/contract';
import { BackendService } from '../../db/backend-service';
import { Keyring } from '../../db/keyring';
import { CALL_HEADER, createWebHost } from '../../web/server';
import { addUser, callOn, cleanup, createOffice, expectError, expectOk, manualClock, newBackend, tempDir, type TestOffice } from '../support/backend';

const vn = (date: string, time = '09:00') => Date.parse(`${date}T${time}:00+07:00`);

afterEach(cleanup);

async function officeAt(start: number) {
  const clock = manualClock(start);
  const office = await createOffice({ now: clock.now });
  office.stayLoggedIn();
  return { office, clock };
}

function crimeReport(receivedAt: number, extra: Partial<CallInput<'reports.create'>> = {}): CallInput<'reports.create'> {
  return { receivedAt, channel: 'in_person', kind: 'crime_report', summary: 'Trộm cắp xe máy tại chợ', ...extra };
}

async function person(office: TestOffice, fullName: string, extra: { birthYear?: number; citizenId?: string } = {}): Promise<string> {
  return expectOk(await office.call('persons.create', { fullName, ...extra })).id;
}

describe('legal clock', () => {
  it('refuses an extension of a case that is not complex (CPC 2015 art. 147(2): only the 2-month limit is extendable)', async () => {
    const { office } = await officeAt(vn('2026-03-02'));
    const report = expectOk(await office.call('reports.create', crimeReport(vn('2026-03-02'))));
    // 20 days: 22/03 (a Sunday) → Monday 23/03. The report is NOT marked complex.
    const extended = await office.call('reports.transition', {
      id: report.id,
      baseVersion: report.version,
      step: { action: 'extend', until: '2026-05-15', decisionNo: '05/QĐ-VKS' },
    });
    expectError(extended, 'record.invalid_step');
  });

  it('does not keep a 4-month extension on a case that is unmarked complex afterwards', async () => {
    const { office } = await officeAt(vn('2026-03-02'));
    let report = expectOk(await office.call('reports.create', crimeReport(vn('2026-03-02'))));
    report = expectOk(await office.call('reports.transition', { id: report.id, baseVersion: report.version, step: { action: 'mark_complex', complex: true } }));
    report = expectOk(
      await office.call('reports.transition', { id: report.id, baseVersion: report.version, step: { action: 'extend', until: '2026-06-30', decisionNo: '05/QĐ-VKS' } }),
    );
    const unmarked = await office.call('reports.transition', { id: report.id, baseVersion: report.version, step: { action: 'mark_complex', complex: false } });
    if (unmarked.ok) {
      // If allowed, the decision limit must fall back to the 20-day limit, not stay at the extension.
      const decision = unmarked.value.deadlines.find((d) => d.kind === 'decision');
      expect(decision?.dueAt).toBe(Date.parse('2026-03-24T00:00:00+07:00'));
    } else {
      expect(unmarked.error.code).toBe('record.invalid_step');
    }
  });

  it('refuses step instants that cannot be true: a decision before the report was received', async () => {
    const { office } = await officeAt(vn('2026-03-10'));
    const report = expectOk(await office.call('reports.create', crimeReport(vn('2026-03-10'))));
    const decided = await office.call('reports.transition', {
      id: report.id,
      baseVersion: report.version,
      step: { action: 'decide', decision: 'not_prosecute', at: 0, decisionNo: '01/QĐ' },
    });
    expectError(decided, 'validation');
  });
});

describe('register numbering', () => {
  it('does not give a number of a future year to a report "received" years ahead (a typo burns that year’s numbers)', async () => {
    const { office } = await officeAt(vn('2026-03-10'));
    const typo = await office.call('reports.create', crimeReport(vn('2062-03-10')));
    expectError(typo, 'validation');
  });

  it('keeps the register year equal to the year of receipt when the receipt date is corrected', async () => {
    const { office } = await officeAt(vn('2026-01-02'));
    const report = expectOk(await office.call('reports.create', crimeReport(vn('2026-01-02'))));
    expect(report.number).toBe('1/2026');
    // The officer typed the wrong day: it was received on 31/12/2025.
    const corrected = await office.call('reports.update', { id: report.id, baseVersion: report.version, fields: crimeReport(vn('2025-12-31')) });
    if (corrected.ok) {
      expect(corrected.value.registerYear).toBe(2025);
    } else {
      // Refusing a change of year (with a clear message) is also acceptable; an inconsistent entry is not.
      expect(corrected.error.code).toBe('validation');
    }
  });
});

describe('persons and merge', () => {
  it('does not leave a report naming the same person twice in the same role after a merge', async () => {
    const { office } = await officeAt(vn('2026-03-10'));
    const keep = await person(office, 'Nguyễn Văn An', { birthYear: 1990 });
    const drop = await person(office, 'Nguyen Van An', { birthYear: 1990 });
    const report = expectOk(
      await office.call(
        'reports.create',
        crimeReport(vn('2026-03-10'), {
          persons: [
            { personId: keep, role: 'suspect' },
            { personId: drop, role: 'suspect' },
          ],
        }),
      ),
    );
    const keepRow = expectOk(await office.call('persons.get', { id: keep }));
    const dropRow = expectOk(await office.call('persons.get', { id: drop }));
    expectOk(await office.call('persons.merge', { keepId: keep, keepVersion: keepRow.version, dropId: drop, dropVersion: dropRow.version }));
    const after = expectOk(await office.call('reports.get', { id: report.id }));
    expect(after.persons.map((p) => [p.person.id, p.role])).toEqual([[keep, 'suspect']]);
  });

  it('does not link a report to a person record that was merged away (voided)', async () => {
    const { office } = await officeAt(vn('2026-03-10'));
    const keep = await person(office, 'Trần Văn Bình', { birthYear: 1990 });
    const drop = await person(office, 'Tran Van Binh', { birthYear: 1990 });
    const keepRow = expectOk(await office.call('persons.get', { id: keep }));
    const dropRow = expectOk(await office.call('persons.get', { id: drop }));
    expectOk(await office.call('persons.merge', { keepId: keep, keepVersion: keepRow.version, dropId: drop, dropVersion: dropRow.version }));
    // A form opened before the merge still holds the dropped id.
    const created = await office.call('reports.create', crimeReport(vn('2026-03-10'), { persons: [{ personId: drop, role: 'victim' }] }));
    if (created.ok) {
      // Following merged_into would also be right; a link to the voided record is not.
      expect(created.value.persons.map((p) => p.person.id)).toEqual([keep]);
    } else {
      expect(created.error.code).toBe('validation');
    }
  });
});

describe('programs', () => {
  it('recomputes the next drug test when a program is changed to a kind that has drug tests', async () => {
    const { office } = await officeAt(vn('2026-03-20'));
    const an = await person(office, 'Lê Văn Cường', { birthYear: 1988 });
    const program = expectOk(
      await office.call('programs.create', { personId: an, kindCode: 'released_prisoner', startDate: '2026-03-15', endDate: '2027-03-15' }),
    );
    expect(program.nextTestOn).toBeNull();
    // Corrected: the decision was in fact for an illegal drug user (12 months, tests every 90 days).
    const changed = expectOk(
      await office.call('programs.update', {
        id: program.id,
        baseVersion: program.version,
        fields: { personId: an, kindCode: 'drug_user', startDate: '2026-03-15' },
      }),
    );
    expect(changed.endDate).toBe('2027-03-15');
    expect(changed.nextTestOn).toBe('2026-06-13');
  });
});

describe('authentication', () => {
  it('does not evaluate more password guesses than the lockout allows when they arrive at once', async () => {
    const office = await createOffice();
    await addUser(office, { username: 'huong.tt', password: 'dung-mat-khau-1-Tràm-Chim' });
    // 30 guesses sent together (the browser host serves them concurrently); the last one is right.
    const guesses = Array.from({ length: 30 }, (_, i) => (i === 29 ? 'dung-mat-khau-1-Tràm-Chim' : `sai-${i}-mat-khau`));
    const results = await Promise.all(guesses.map((password) => office.tryLogin('huong.tt', password)));
    // After five failures the account is locked: the 30th guess must not be checked, let alone succeed.
    expect(results[29]!.result.ok).toBe(false);
  });
});

describe('users: keyring and store stay in step', () => {
  /** Makes every keyring write fail (its temp file name is taken by a folder), as a full disk or an antivirus lock would. */
  function breakKeyringWrites(office: TestOffice): () => void {
    const temp = `${office.backend.paths.keyring}.tmp`;
    mkdirSync(temp);
    return () => rmSync(temp, { recursive: true, force: true });
  }

  it('users.create that fails to write the keyring leaves no user behind', async () => {
    const office = await createOffice();
    const restore = breakKeyringWrites(office);
    const created = await office.call('users.create', {
      fullName: 'Phạm Thị Mai',
      username: 'mai.pt',
      role: 'officer',
      password: 'mat-khau-mai-1-Tràm-Chim',
      passwordConfirm: 'mat-khau-mai-1-Tràm-Chim',
    });
    restore();
    expect(created.ok).toBe(false);
    const users = expectOk(await office.call('users.list', {}));
    // Otherwise: an active user who can never log in, and whose username is taken.
    expect(users.map((u) => u.username)).not.toContain('mai.pt');
  });

  it('users.setActive(false) that fails to write the keyring does not leave the store saying "inactive"', async () => {
    const office = await createOffice();
    const userId = await addUser(office, { username: 'binh.tv', password: 'mat-khau-binh-1-Tràm-Chim' });
    const restore = breakKeyringWrites(office);
    const result = await office.call('users.setActive', { userId, active: false });
    restore();
    const stillHasKey = Keyring.load(office.backend.paths.keyring).entryForUser(userId) !== undefined;
    const users = expectOk(await office.call('users.list', {}));
    const active = users.find((u) => u.id === userId)?.active;
    // Either the deactivation happened fully (no key left) or not at all (still active).
    expect({ ok: result.ok, consistent: active === stillHasKey }).toEqual({ ok: false, consistent: true });
  });
});

describe('setup', () => {
  it('a setup interrupted after the store file was made can be finished (no dead end between "new" and "setup.done")', async () => {
    const dir = tempDir();
    const backend = newBackend(dir);
    // What a power cut between creating the store and renaming keyring.json into place leaves behind.
    writeFileSync(backend.paths.store, Buffer.alloc(4096, 7));
    const session = backend.sessions.create(backend.now());
    const status = expectOk(await callOn(backend, session, 'setup.status', {}));
    const create = await callOn(backend, session, 'setup.create', {
      office: { name: 'Công an xã Quảng Hưng', code: '12345', level: 'commune', parentName: 'Công an tỉnh Thanh Hóa', parentCode: '38' },
      admin: { fullName: 'Nguyễn Văn Đức', username: 'duc.nv', password: 'mat-khau-dai-1-Tràm-Chim', passwordConfirm: 'mat-khau-dai-1-Tràm-Chim' },
    });
    // The interface shows the setup form when the state is "new": setup must then be possible.
    expect(status.state === 'new' ? create.ok : true).toBe(true);
  });
});

describe('browser host', () => {
  it('refuses calls whose Host is not the loopback address it serves (DNS rebinding)', async () => {
    const dir = tempDir();
    const staticDir = join(dir, 'static');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
    const backend = newBackend(join(dir, 'data'));
    const server: Server = createWebHost({ backend: new BackendService(backend), staticDir });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      // A page on http://attacker.example:<port> whose name now resolves to 127.0.0.1: its own origin,
      // so it may set the custom header and JSON content type, and Origin matches Host.
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/setup.status',
            headers: {
              host: `attacker.example:${port}`,
              origin: `http://attacker.example:${port}`,
              'content-type': 'application/json',
              [CALL_HEADER]: '1',
            },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end('{}');
      });
      expect(status).toBe(403);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
