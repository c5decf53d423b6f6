import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../api/contract';
import { dispatch } from '../../db/dispatch';
import { cleanup, createOffice, expectError, expectOk, newBackend, setupInput, tempDir } from '../support/backend';
import { APP_VERSION } from '../../db/app-version';

afterEach(() => cleanup());

function freshBackend() {
  const backend = newBackend(tempDir());
  return { backend, session: backend.sessions.create(backend.now()) };
}

function withChanges(change: (input: CallInput<'setup.create'>) => void): CallInput<'setup.create'> {
  const input = setupInput();
  change(input);
  return input;
}

describe('setup.create validation', () => {
  it('an empty office name → office.name = v.required, and nothing is created', async () => {
    const { backend, session } = freshBackend();
    const result = await dispatch(backend, session, 'setup.create', withChanges((i) => (i.office.name = '   ')));
    const error = expectError(result, 'validation');
    expect(error.fields).toEqual({ 'office.name': 'v.required' });
    expect(existsSync(backend.paths.store)).toBe(false);
    expect(existsSync(backend.paths.keyring)).toBe(false);
    expect(expectOk(await dispatch(backend, session, 'setup.status', {}))).toEqual({ state: 'new', office: null, checkOnOpen: false, appVersion: APP_VERSION });
  });

  it('passwords that differ → admin.passwordConfirm = v.password_mismatch', async () => {
    const { backend, session } = freshBackend();
    const error = expectError(await dispatch(backend, session, 'setup.create', withChanges((i) => (i.admin.passwordConfirm = 'Mật-khẩu-2027!-Tràm-Chim'))), 'validation');
    expect(error.fields).toEqual({ 'admin.passwordConfirm': 'v.password_mismatch' });
  });

  it('a commune with a 2-digit code, or a higher office with a 5-digit one → office.code', async () => {
    const { backend, session } = freshBackend();
    const commune = expectError(await dispatch(backend, session, 'setup.create', withChanges((i) => (i.office.code = '38'))), 'validation');
    expect(commune.fields).toEqual({ 'office.code': 'v.unit_code_level' });
    const higher = expectError(await dispatch(backend, session, 'setup.create', withChanges((i) => (i.office.level = 'higher'))), 'validation');
    expect(higher.fields).toEqual({ 'office.code': 'v.unit_code_level' });
    const malformed = expectError(await dispatch(backend, session, 'setup.create', withChanges((i) => (i.office.code = '12a45'))), 'validation');
    expect(malformed.fields).toEqual({ 'office.code': 'v.unit_code' });
  });

  it('reports several problems at once, each by its path', async () => {
    const { backend, session } = freshBackend();
    const error = expectError(
      await dispatch(
        backend,
        session,
        'setup.create',
        withChanges((i) => {
          i.admin.fullName = '';
          i.admin.username = 'Đức';
          i.admin.password = 'ngắn';
          i.admin.passwordConfirm = 'ngắn';
          i.office.parentCode = '';
        }),
      ),
      'validation',
    );
    expect(error.fields).toEqual({
      'office.parentCode': 'v.unit_code',
      'admin.fullName': 'v.required',
      'admin.username': 'v.username',
      'admin.password': 'v.password_short',
    });
  });

  it('a malformed body is a validation error, not a crash', async () => {
    const { backend, session } = freshBackend();
    for (const input of [null, undefined, 'text', 42, [], { office: 'x' }]) {
      const result = await dispatch(backend, session, 'setup.create', input);
      expect(expectError(result, 'validation').fields).toBeDefined();
    }
  });
});

describe('dispatch', () => {
  it('an unknown call → call.unknown, also for names inherited from Object', async () => {
    const { backend, session } = freshBackend();
    for (const name of ['incidents.delete', '', 'toString', '__proto__', 'constructor', 'auth.login ']) {
      const error = expectError(await dispatch(backend, session, name, {}), 'call.unknown');
      expect(error.message).toContain(JSON.stringify(name));
    }
  });

  it('setup.create a second time → setup.done, and the first office is kept', async () => {
    const office = await createOffice();
    const error = expectError(
      await office.call('setup.create', withChanges((i) => {
        i.office.name = 'Công an xã Khác';
        i.admin.username = 'khac.admin';
      })),
      'setup.done',
    );
    expect(error.message).toMatch(/already/);
    expect(expectOk(await office.call('office.get', {})).name).toBe('Công an xã Quảng Hưng');
    expect((await office.tryLogin('khac.admin', setupInput().admin.password)).result.ok).toBe(false);
  });

  it('setup.create on a folder that already holds a store → setup.done, even with a fresh backend', async () => {
    const office = await createOffice();
    office.backend.close();
    const second = newBackend(office.dir);
    const session = second.sessions.create(second.now());
    expectError(await dispatch(second, session, 'setup.create', setupInput()), 'setup.done');
  });

  it('setup.status tells new from ready and names the office before any login', async () => {
    const { backend, session } = freshBackend();
    expect(expectOk(await dispatch(backend, session, 'setup.status', {}))).toEqual({ state: 'new', office: null, checkOnOpen: false, appVersion: APP_VERSION });
    expectOk(await dispatch(backend, session, 'setup.create', setupInput()));
    expect(expectOk(await dispatch(backend, session, 'setup.status', {}))).toEqual({ state: 'ready', office: { code: '12345', name: 'Công an xã Quảng Hưng', demo: false }, checkOnOpen: false, appVersion: APP_VERSION });
  });

  it('a login before setup → setup.required', async () => {
    const { backend, session } = freshBackend();
    expectError(await dispatch(backend, session, 'auth.login', { username: 'duc.nv', password: 'Mật-khẩu-2026!-Tràm-Chim' }), 'setup.required');
  });

  it('an unexpected failure is reported as internal, logged, never as a stack', async () => {
    const logged: { message: string; error: unknown }[] = [];
    const office = await createOffice({ log: (message, error) => logged.push({ message, error }) });
    // Something nobody planned for: the connection goes away under the backend.
    office.backend.requireStore().sql.close();
    const error = expectError(await office.call('office.get', {}), 'internal');
    expect(error.message).toBe('an unexpected error happened; nothing was changed');
    expect(error.message).not.toMatch(/database|connection|\.ts/);
    expect(error.fields).toBeUndefined();
    expect(logged).toHaveLength(1);
    expect(logged[0]!.message).toBe('call office.get failed');
    expect(logged[0]!.error).toBeInstanceOf(Error);
  });

  it('an expected error (AppError) is returned with its code and not logged', async () => {
    const logged: string[] = [];
    const office = await createOffice({ log: (message) => logged.push(message) });
    expectError(await office.call('users.update', { userId: '01900000-0000-7000-8000-000000000099', fullName: 'Không có', role: 'officer' }), 'record.not_found');
    expect(logged).toEqual([]);
  });
});
