import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type CallName } from '../../api/contract';
import type { ErrorCode, Result } from '../../api/result';
import { permissionRoles, roleHasPermission, roles, type Role } from '../../api/roles';
import type { Session } from '../../db/sessions';
import { ADMIN, addUser, callOn, cleanup, createOffice, expectError, expectOk, manualClock, type ManualClock, type TestOffice } from '../support/backend';
import { buildFixture, callSamples, sampleOf, SAMPLE_NOW, storeFingerprint, type Actor, type Fixture } from '../support/call-samples';

/**
 * The permission matrix (issue #9): every call of the contract × every role of api/roles.ts × an active,
 * an idle-locked and a deactivated user, checked against api/roles.ts and each call's `permission`,
 * the single source of who may do what. Each call runs with a valid sample (tests/support/call-samples.ts),
 * so validation passes and the permission check is what decides.
 *
 * One office per role, built once: its administrator builds the fixture, then a user of that role (for
 * `admin`, a second administrator, so the first can deactivate them at the end) runs every call in
 * order. Calls that end or lock the caller's own session (auth.logout, auth.lock) run on a throwaway
 * session of the same user; no call is left out of any dimension.
 */

const callNames = Object.keys(contract) as CallName[];
const publicCalls = callNames.filter((name) => contract[name].permission === 'public');
const gatedCalls = callNames.filter((name) => contract[name].permission !== 'public');

const ACTORS: Record<Role, { username: string; password: string; fullName: string }> = {
  officer: { username: 'pm.officer', password: 'Cán-bộ-2026-abc-Tràm-Chim', fullName: 'Trần Thị Hương' },
  chief: { username: 'pm.chief', password: 'Phó-trưởng-2026-Tràm-Chim', fullName: 'Lê Quốc Tuấn' },
  admin: { username: 'pm.admin', password: 'Quản-trị-2026-x-Tràm-Chim', fullName: 'Phạm Văn Minh' },
};

/** Calls that end or lock the session they are made on: each runs on a fresh session of the actor. */
const ENDS_OWN_SESSION = new Set<CallName>(['auth.logout', 'auth.lock']);

/** Allowed calls whose sample ends, by design, in a domain error instead of ok. Every other allowed call must be ok. */
const EXPECTED_WHEN_ALLOWED: Partial<Record<CallName, ErrorCode>> = {
  // This machine is set up already: the call passes the permission check and is refused as setup.done.
  'setup.create': 'setup.done',
  'setup.demo': 'setup.done',
  // The sample gives the current password again, which the history refuses: the permission let it through.
  'auth.changePassword': 'validation',
};

/** What the public calls give on a session whose user was deactivated: nothing that needs the user works. */
const PUBLIC_WHEN_DEACTIVATED: Record<string, ErrorCode | 'ok'> = {
  'setup.status': 'ok',
  'setup.create': 'setup.done',
  'setup.demo': 'setup.done',
  // The deactivated user's key was removed from the keyring.
  'auth.login': 'auth.invalid',
  'auth.logout': 'ok',
  'auth.session': 'ok',
  'auth.unlock': 'auth.required',
};

const outcome = (result: Result<unknown>): ErrorCode | 'ok' => (result.ok ? 'ok' : result.error.code);
const allowed = (role: Role, name: CallName) => roleHasPermission(role, contract[name].permission);
const sessionState = (session: Session) => ({ userId: session.userId, locked: session.locked });

type State = 'active' | 'idle-locked' | 'deactivated';
/** Every cell run, for the totals and the no-`internal` check at the end. */
const cells: { role: Role; state: State; call: CallName; outcome: ErrorCode | 'ok' }[] = [];
const logged: string[] = [];

afterAll(() => cleanup());

interface RoleOffice {
  readonly office: TestOffice;
  readonly clock: ManualClock;
  readonly actor: Actor;
  readonly fixture: Fixture;
}

async function roleOffice(role: Role): Promise<RoleOffice> {
  const clock = manualClock(SAMPLE_NOW);
  const office = await createOffice({ now: clock.now, log: (message, error) => logged.push(`${message}: ${String(error)}`) });
  const creds = ACTORS[role];
  const actor: Actor = { id: await addUser(office, { ...creds, role }), username: creds.username, password: creds.password };
  return { office, clock, actor, fixture: await buildFixture(office, actor) };
}

/** A session object that still names `userId`, as a host holding a stale copy would: the dispatcher must not trust it. */
function staleSession(userId: string, now: number): Session {
  return { id: 'stale-copy', userId, loggedInAt: now, lastActive: now, locked: false, mustChangePassword: false };
}

describe('the sample table', () => {
  it('has exactly one sample per call of the contract', () => {
    expect(Object.keys(callSamples).sort()).toEqual([...callNames].sort());
  });

  it('gives the import of old registers (issue 22) to chiefs and administrators only', () => {
    const legacyCalls = callNames.filter((name) => name.startsWith('legacy.'));
    expect(legacyCalls.sort()).toEqual(['legacy.apply', 'legacy.cancel', 'legacy.imports', 'legacy.mappings', 'legacy.preview', 'legacy.progress', 'legacy.saveMapping', 'legacy.undo', 'legacy.upload']);
    for (const name of legacyCalls) expect(roles.filter((role) => allowed(role, name)), name).toEqual(['chief', 'admin']);
  });

  it('covers every permission of api/roles.ts with at least one call, and every call names a known permission', () => {
    const used = new Set<string>(callNames.map((name) => contract[name].permission));
    expect([...used].sort()).toEqual(Object.keys(permissionRoles).sort());
  });
});

describe.each(roles)('the %s role', (role) => {
  let ro: RoleOffice;
  beforeAll(async () => {
    ro = await roleOffice(role);
  }, 60_000);

  it('as an active user: each allowed call runs, each other call is exactly auth.forbidden and changes nothing', async () => {
    const { office, actor, fixture } = ro;
    const session = await office.login(actor.username, actor.password);
    const failures: string[] = [];
    for (const name of callNames) {
      const input = sampleOf(name, fixture);
      const parsed = contract[name].input.safeParse(input);
      if (!parsed.success) {
        failures.push(`${name}: the sample fails its schema: ${parsed.error.message}`);
        continue;
      }
      const on = ENDS_OWN_SESSION.has(name) ? await office.login(actor.username, actor.password) : session;
      const before = storeFingerprint(office.backend);
      const sessionBefore = sessionState(on);
      const result = await callOn(office.backend, on, name, input as never);
      const got = outcome(result);
      cells.push({ role, state: 'active', call: name, outcome: got });
      const detail = result.ok ? '' : ` (${result.error.message} ${JSON.stringify(result.error.fields ?? {})})`;
      if (allowed(role, name)) {
        const expected = EXPECTED_WHEN_ALLOWED[name] ?? 'ok';
        if (got !== expected) failures.push(`${name} [${contract[name].permission}]: allowed, expected ${expected}, got ${got}${detail}`);
        const ended = { 'auth.lock': { userId: actor.id, locked: true }, 'auth.logout': { userId: null, locked: false } }[name as string];
        if (ended && JSON.stringify(sessionState(on)) !== JSON.stringify(ended)) failures.push(`${name}: the throwaway session is ${JSON.stringify(sessionState(on))}`);
      } else {
        if (got !== 'auth.forbidden') failures.push(`${name} [${contract[name].permission}]: expected auth.forbidden, got ${got}${detail}`);
        const after = storeFingerprint(office.backend);
        if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${name}: forbidden, but the store changed: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
        if (JSON.stringify(sessionState(on)) !== JSON.stringify(sessionBefore)) failures.push(`${name}: forbidden, but the session changed`);
      }
    }
    expect(failures).toEqual([]);
    // The session that ran the matrix is still the actor's and open.
    expect(sessionState(session)).toEqual({ userId: actor.id, locked: false });
    const forbidden = callNames.filter((name) => !allowed(role, name));
    expect(cells.filter((c) => c.role === role && c.state === 'active' && c.outcome === 'auth.forbidden').map((c) => c.call)).toEqual(forbidden);
  }, 60_000);

  it('idle-locked: every call that needs a session gives auth.idle_locked and changes nothing; public calls still work', async () => {
    const { office, clock, actor, fixture } = ro;
    const admin = await office.login(ADMIN.username, ADMIN.password);
    expectOk(await office.callAs(admin, 'settings.update', { idleLockMinutes: 1, remoteCommune: false }));
    const session = await office.login(actor.username, actor.password);
    // auth.login, auth.logout and auth.unlock change the session they run on: each gets its own locked one.
    const own = new Map<CallName, Session>();
    for (const name of ['auth.login', 'auth.logout', 'auth.unlock'] as const) own.set(name, await office.login(actor.username, actor.password));
    clock.advance(2 * 60_000);

    const failures: string[] = [];
    for (const name of gatedCalls) {
      const before = storeFingerprint(office.backend);
      const result = await callOn(office.backend, session, name, sampleOf(name, fixture) as never);
      const got = outcome(result);
      cells.push({ role, state: 'idle-locked', call: name, outcome: got });
      if (got !== 'auth.idle_locked') failures.push(`${name}: expected auth.idle_locked, got ${got}`);
      if (JSON.stringify(storeFingerprint(office.backend)) !== JSON.stringify(before)) failures.push(`${name}: locked, but the store changed`);
      if (JSON.stringify(sessionState(session)) !== JSON.stringify({ userId: actor.id, locked: true })) failures.push(`${name}: the session is no longer the actor's, locked`);
    }
    expect(failures).toEqual([]);

    // Public calls are not gated by the lock: they are how a locked session is shown, opened or left.
    for (const name of publicCalls) {
      const on = own.get(name) ?? session;
      const result = await callOn(office.backend, on, name, sampleOf(name, fixture) as never);
      cells.push({ role, state: 'idle-locked', call: name, outcome: outcome(result) });
      switch (name) {
        case 'setup.create':
        case 'setup.demo':
          expectError(result, 'setup.done');
          break;
        case 'auth.session':
          expect(expectOk(result)).toMatchObject({ locked: true, user: { id: actor.id } });
          break;
        case 'auth.logout':
          expectOk(result);
          expect(sessionState(on)).toEqual({ userId: null, locked: false });
          break;
        case 'auth.login':
        case 'auth.unlock':
          expect(expectOk(result), name).toMatchObject({ locked: false, user: { id: actor.id } });
          expect(sessionState(on)).toEqual({ userId: actor.id, locked: false });
          break;
        default:
          expect(outcome(result), name).toBe('ok');
      }
    }
    // The main session is still locked after all that.
    expectError(await office.callAs(session, 'office.get', {}), 'auth.idle_locked');
  }, 60_000);

  it('deactivated: every call that needs a session gives auth.required on the user’s session, or on any copy naming them, and changes nothing', async () => {
    const { office, clock, actor, fixture } = ro;
    const admin = await office.login(ADMIN.username, ADMIN.password);
    expectOk(await office.callAs(admin, 'settings.update', { idleLockMinutes: 60, remoteCommune: false }));
    const session = await office.login(actor.username, actor.password);
    expectOk(await office.callAs(session, 'office.get', {}));
    expectOk(await office.callAs(admin, 'users.setActive', { userId: actor.id, active: false }));

    const failures: string[] = [];
    for (const name of callNames) {
      // The registered session (ended by the deactivation) and a copy that still names the user, made anew
      // for each call because the dispatcher clears it on the first.
      for (const [how, on] of [
        ['session', session],
        ['stale copy', staleSession(actor.id, clock.now())],
      ] as const) {
        const before = storeFingerprint(office.backend);
        const result = await callOn(office.backend, on, name, sampleOf(name, fixture) as never);
        const got = outcome(result);
        cells.push({ role, state: 'deactivated', call: name, outcome: got });
        const expected = contract[name].permission === 'public' ? PUBLIC_WHEN_DEACTIVATED[name] : 'auth.required';
        if (got !== expected) failures.push(`${name} on the ${how}: expected ${expected}, got ${got}`);
        if (JSON.stringify(storeFingerprint(office.backend)) !== JSON.stringify(before)) failures.push(`${name} on the ${how}: deactivated, but the store changed`);
        if (on.userId !== null) failures.push(`${name} on the ${how}: the session still names the deactivated user`);
      }
    }
    expect(failures).toEqual([]);
    expect(Object.keys(PUBLIC_WHEN_DEACTIVATED).sort()).toEqual([...publicCalls].sort());
    expectError((await office.tryLogin(actor.username, actor.password)).result, 'auth.invalid');
  }, 60_000);
});

describe('a role change', () => {
  const NOPE = '01900000-0000-7000-8000-0000000000ff';
  /** One call per permission whose sample, when allowed, changes nothing (a read, or a record that does not exist). */
  const probes: { [P in 'session' | 'records.write' | 'office.lead' | 'users.manage' | 'settings.manage' | 'backups.manage']: { name: CallName; input: unknown; whenAllowed: ErrorCode | 'ok' } } = {
    session: { name: 'office.get', input: {}, whenAllowed: 'ok' },
    'records.write': { name: 'operations.void', input: { id: NOPE, reason: 'Thử quyền' }, whenAllowed: 'record.not_found' },
    'office.lead': { name: 'campaigns.adjust', input: { campaignId: NOPE, measureCode: 'heroin', delta: 1, reason: 'Thử quyền' }, whenAllowed: 'record.not_found' },
    'users.manage': { name: 'users.list', input: {}, whenAllowed: 'ok' },
    'settings.manage': { name: 'safety.retireCriterion', input: { code: 'khong_co', reason: 'Thử quyền' }, whenAllowed: 'record.not_found' },
    'backups.manage': { name: 'backups.inspect', input: { name: '20260101-000000-manual.sqlite' }, whenAllowed: 'backup.not_found' },
  };

  async function probe(office: TestOffice, session: Session, role: Role): Promise<string[]> {
    const failures: string[] = [];
    for (const [permission, { name, input, whenAllowed }] of Object.entries(probes)) {
      expect(contract[name].permission).toBe(permission);
      const before = storeFingerprint(office.backend);
      const got = outcome(await callOn(office.backend, session, name, input as never));
      const expected = allowed(role, name) ? whenAllowed : 'auth.forbidden';
      if (got !== expected) failures.push(`${role} ${name}: expected ${expected}, got ${got}`);
      if (JSON.stringify(storeFingerprint(office.backend)) !== JSON.stringify(before)) failures.push(`${role} ${name}: the store changed`);
    }
    return failures;
  }

  it('takes effect on the very next call of the user’s existing session, for each change between the roles', async () => {
    const clock = manualClock(SAMPLE_NOW);
    const office = await createOffice({ now: clock.now });
    const password = 'Đổi-vai-trò-2026';
    const userId = await addUser(office, { username: 'pm.mover', password, fullName: 'Bùi Văn Khánh', role: 'officer' });
    // officer → chief → admin → officer → admin → chief → officer: each of the six changes once.
    const path: Role[] = ['officer', 'chief', 'admin', 'officer', 'admin', 'chief', 'officer'];
    const failures: string[] = [];
    for (let i = 1; i < path.length; i += 1) {
      const [from, to] = [path[i - 1]!, path[i]!];
      const session = await office.login('pm.mover', password);
      const stale = staleSession(userId, clock.now());
      failures.push(...(await probe(office, session, from)));
      expectOk(await office.call('users.update', { userId, fullName: 'Bùi Văn Khánh', role: to }));
      // The backend ends every session of a user whose role changes: the next call must log in again.
      const before = storeFingerprint(office.backend);
      const next = outcome(await office.callAs(session, 'office.get', {}));
      if (next !== 'auth.required') failures.push(`${from} → ${to}: the existing session's next call gave ${next}, expected auth.required`);
      if (JSON.stringify(storeFingerprint(office.backend)) !== JSON.stringify(before)) failures.push(`${from} → ${to}: the store changed`);
      // A copy of the session the backend could not end gets the new role at once: roles are read on every call.
      failures.push(...(await probe(office, stale, to)).map((f) => `${from} → ${to}, stale copy: ${f}`));
      failures.push(...(await probe(office, await office.login('pm.mover', password), to)).map((f) => `${from} → ${to}, new login: ${f}`));
    }
    expect(failures).toEqual([]);
  }, 60_000);
});

describe('across the whole matrix', () => {
  it('no call ever returned internal, and every cell was run', () => {
    expect(cells.filter((c) => c.outcome === 'internal')).toEqual([]);
    expect(logged).toEqual([]);
    const count = (state: State) => cells.filter((c) => c.state === state).length;
    expect(count('active')).toBe(callNames.length * roles.length);
    expect(count('idle-locked')).toBe(callNames.length * roles.length);
    // Each call twice: on the user's own session and on a stale copy naming them.
    expect(count('deactivated')).toBe(2 * callNames.length * roles.length);
  });
});
