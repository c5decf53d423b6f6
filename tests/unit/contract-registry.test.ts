import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, isCallName } from '../../api/contract';
import { errorCodes } from '../../api/result';
import { permissionRoles, roleHasPermission, roles } from '../../api/roles';
import { setupInput } from '../../api/calls/setup';
import { fieldErrors } from '../../api/validation';
import { handlers } from '../../db/handlers/registry';

describe('the contract and the handler registry', () => {
  it('have exactly the same calls', () => {
    const calls = Object.keys(contract).sort();
    const implemented = Object.keys(handlers).sort();
    expect(calls.length).toBeGreaterThan(0);
    expect(implemented).toEqual(calls);
    for (const name of calls) expect(typeof (handlers as Record<string, unknown>)[name], name).toBe('function');
  });

  it('every call names a permission that exists', () => {
    const permissions = Object.keys(permissionRoles);
    for (const [name, spec] of Object.entries(contract)) expect(permissions, name).toContain(spec.permission);
  });

  it('every call has a zod object schema for its input', () => {
    for (const [name, spec] of Object.entries(contract)) {
      expect(spec.input, name).toBeInstanceOf(z.ZodType);
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    }
  });

  it('is frozen: no call can be added or replaced at run time', () => {
    expect(Object.isFrozen(contract)).toBe(true);
    expect(Object.isFrozen(handlers)).toBe(true);
    for (const spec of Object.values(contract)) expect(Object.isFrozen(spec)).toBe(true);
  });

  it('isCallName accepts the calls and nothing inherited', () => {
    expect(isCallName('auth.login')).toBe(true);
    expect(isCallName('toString')).toBe(false);
    expect(isCallName('__proto__')).toBe(false);
    expect(isCallName('auth.Login')).toBe(false);
  });

  it('public calls are only those needed before a login', () => {
    const publicCalls = Object.entries(contract)
      .filter(([, spec]) => spec.permission === 'public')
      .map(([name]) => name)
      .sort();
    expect(publicCalls).toEqual(['auth.login', 'auth.logout', 'auth.session', 'auth.unlock', 'setup.create', 'setup.demo', 'setup.status']);
  });
});

describe('roles', () => {
  it('every permission lists only known roles', () => {
    for (const [permission, allowed] of Object.entries(permissionRoles)) {
      for (const role of allowed) expect(roles, permission).toContain(role);
    }
  });

  it('grants user and settings management to administrators only', () => {
    expect(roles.filter((r) => roleHasPermission(r, 'users.manage'))).toEqual(['admin']);
    expect(roles.filter((r) => roleHasPermission(r, 'settings.manage'))).toEqual(['admin']);
    expect(roles.filter((r) => roleHasPermission(r, 'office.lead'))).toEqual(['chief', 'admin']);
    for (const r of roles) {
      expect(roleHasPermission(r, 'public')).toBe(true);
      expect(roleHasPermission(r, 'session')).toBe(true);
      expect(roleHasPermission(r, 'records.write')).toBe(true);
    }
  });
});

describe('validation keys', () => {
  it('maps zod issues to i18n keys by dotted path', () => {
    const input = {
      office: { name: '', code: '1', level: 'town', parentName: 'Công an tỉnh Thanh Hóa', parentCode: '38' },
      admin: { fullName: 'Nguyễn Văn Đức', username: 'duc.nv', password: 'Mật-khẩu-2026!-Tràm-Chim', passwordConfirm: 'Mật-khẩu-2026!-Tràm-Chim' },
    };
    const parsed = setupInput.safeParse(input);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrors(parsed.error, input)).toEqual({
      'office.name': 'v.required',
      'office.code': 'v.unit_code',
      'office.level': 'v.required',
    });
  });

  it('a value of the wrong type is v.invalid; only a missing one is v.required', () => {
    const input = {
      office: { name: 'Công an xã Quảng Hưng', code: '12345', level: 'commune', parentName: 'Công an tỉnh Thanh Hóa', parentCode: '38' },
      localities: 'Thôn Đông',
      admin: { fullName: 'Nguyễn Văn Đức', username: 'duc.nv', password: 'Mật-khẩu-2026!-Tràm-Chim', passwordConfirm: 12345678 },
    };
    const parsed = setupInput.safeParse(input);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrors(parsed.error, input)).toEqual({ localities: 'v.invalid', 'admin.passwordConfirm': 'v.invalid' });
    const missingInput = { ...input, localities: undefined, admin: { ...input.admin, passwordConfirm: undefined } };
    const missing = setupInput.safeParse(missingInput);
    expect(missing.success).toBe(false);
    if (missing.success) return;
    // localities has a default; the missing confirmation is required.
    expect(fieldErrors(missing.error, missingInput)).toEqual({ 'admin.passwordConfirm': 'v.required' });
  });

  it('a missing object is required; the first problem of a field wins', () => {
    const parsed = setupInput.safeParse({});
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const fields = fieldErrors(parsed.error, {});
    expect(fields.office).toBe('v.required');
    expect(fields.admin).toBe('v.required');
    for (const key of Object.values(fields)) expect(key).toMatch(/^v\./);
  });

  it('error codes are unique', () => {
    expect(new Set(errorCodes).size).toBe(errorCodes.length);
  });
});

describe('calendar dates in the contract', () => {
  it('accepts real dates from 1900 to 2100 only', async () => {
    const { isoDate } = await import('../../api/fields');
    for (const ok of ['2026-02-28', '2028-02-29', '1900-01-01', '2100-12-31']) expect(isoDate.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['2026-02-29', '0026-01-01', '9999-01-01', '2101-01-01', '26-01-01', '2026-1-1']) expect(isoDate.safeParse(bad).success, bad).toBe(false);
  });
});
