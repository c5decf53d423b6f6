import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../api/contract';
import { BackendThread } from '../../db/backend-thread';
import { parseHostArgs } from '../../web/args';
import { ANONYMOUS_MAX_BYTES, CALL_HEADER, createWebHost, SESSION_COOKIE } from '../../web/server';
import { APP_VERSION } from '../../db/app-version';

const setupInput = {
  office: { name: 'Công an xã Quảng Hưng', code: '12345', level: 'commune', parentName: 'Công an tỉnh Thanh Hóa', parentCode: '38' },
  localities: ['Thôn Đông'],
  admin: { fullName: 'Lê Văn Tâm', username: 'quantri', password: 'mat-khau-dai-Tràm-Chim', passwordConfirm: 'mat-khau-dai-Tràm-Chim' },
};

describe('browser host', () => {
  let dir: string;
  let server: Server;
  let base: string;
  let backend: BackendThread;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'so-antt-web-'));
    const staticDir = join(dir, 'static');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Sổ ANTT</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'do not serve');
    // The backend on its worker thread, as web/main.ts and Electron run it.
    backend = new BackendThread({ dataDir: join(dir, 'data'), log: () => undefined });
    server = createWebHost({ backend, staticDir });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (call: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/${call}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CALL_HEADER]: '1', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('lists every call with its permission and its input as JSON Schema', async () => {
    const calls = (await (await fetch(`${base}/api/calls`)).json()) as { name: string; permission: string; input: { type?: string } }[];
    expect(calls.map((c) => c.name).sort()).toEqual(Object.keys(contract).sort());
    const login = calls.find((c) => c.name === 'auth.login');
    expect(login?.permission).toBe('public');
    expect(login?.input.type).toBe('object');
    expect(calls.find((c) => c.name === 'users.create')?.permission).toBe('users.manage');
  });

  it('refuses calls without the custom header, from another origin, or not JSON', async () => {
    const noHeader = await fetch(`${base}/api/setup.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noHeader.status).toBe(403);
    expect(((await noHeader.json()) as { error: { code: string } }).error.code).toBe('request.invalid');
    expect((await post('setup.status', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('setup.status', 'not json')).status).toBe(400);
    const form = await fetch(`${base}/api/setup.status`, { method: 'POST', headers: { [CALL_HEADER]: '1', 'content-type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    expect((await fetch(`${base}/api/setup.status`)).status).toBe(405);
  });

  it('refuses a body over the limit', async () => {
    const response = await post('auth.login', { username: 'x', password: 'y'.repeat(2 * 1024 * 1024) });
    expect(response.status).toBe(413);
  });

  it('runs setup and login over HTTP with an HttpOnly, SameSite=Strict session cookie', async () => {
    const status = await post('setup.status', {});
    const cookie = status.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{40,};`));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const session = cookie.split(';')[0]!;
    expect(await status.json()).toEqual({ ok: true, value: { state: 'new', office: null, checkOnOpen: false, appVersion: APP_VERSION } });

    const invalid = (await (await post('setup.create', { office: {} }, { cookie: session })).json()) as { ok: boolean; error: { code: string; fields: Record<string, string> } };
    expect(invalid.ok).toBe(false);
    expect(invalid.error.code).toBe('validation');
    expect(invalid.error.fields['office.name']).toBe('v.required');

    expect(await (await post('setup.create', setupInput, { cookie: session })).json()).toEqual({ ok: true, value: null });
    const loginResponse = await post('auth.login', { username: 'quantri', password: 'mat-khau-dai-Tràm-Chim' }, { cookie: session });
    const login = (await loginResponse.json()) as { ok: boolean; value: { user: { fullName: string } } };
    expect(login.ok).toBe(true);
    expect(login.value.user.fullName).toBe('Lê Văn Tâm');
    // The login hands out a new session id; the one held before names nothing (session fixation).
    const loggedIn = (loginResponse.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(loggedIn).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(loggedIn).not.toBe(session);
    expect(((await (await post('users.list', {}, { cookie: session })).json()) as { error: { code: string } }).error.code).toBe('auth.required');

    const users = (await (await post('users.list', {}, { cookie: loggedIn })).json()) as { ok: boolean; value: unknown[] };
    expect(users.ok).toBe(true);
    expect(users.value).toHaveLength(1);
    // Another client without the cookie is not logged in.
    const stranger = (await (await post('users.list', {})).json()) as { ok: boolean; error: { code: string } };
    expect(stranger.error.code).toBe('auth.required');
    const unknown = (await (await post('users.drop', {}, { cookie: loggedIn })).json()) as { error: { code: string } };
    expect(unknown.error.code).toBe('call.unknown');

    // Logout ends the session and expires the cookie.
    const logout = await post('auth.logout', {}, { cookie: loggedIn });
    expect(logout.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=; .*Max-Age=0`));
    expect(((await (await post('users.list', {}, { cookie: loggedIn })).json()) as { error: { code: string } }).error.code).toBe('auth.required');
  });

  it('without a login: a protected call answers auth.required unread, a body over 64 KiB is refused with 413, no field errors', async () => {
    // Declared over the limit: refused before a byte is parsed.
    const big = await post('auth.login', { username: 'quantri', password: 'y'.repeat(ANONYMOUS_MAX_BYTES) });
    expect(big.status).toBe(413);
    // Sent in chunks without a declared length: counted as it comes, refused all the same.
    const chunked = await fetch(`${base}/api/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CALL_HEADER]: '1' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 80; i += 1) controller.enqueue(new TextEncoder().encode(i === 0 ? '{"x":"' : 'y'.repeat(1024)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    // A protected call is refused whatever it carries (even over the limit, even not JSON).
    const protectedCall = await post('users.create', `{"fullName": "${'x'.repeat(200 * 1024)}"`);
    expect(protectedCall.status).toBe(200);
    expect(((await protectedCall.json()) as { error: { code: string; fields?: unknown } }).error).toEqual({ code: 'auth.required', message: 'log in first' });
    // A public call with a bad input: a generic refusal, no field names.
    const invalid = (await (await post('auth.login', { username: 5 })).json()) as { error: { code: string; fields?: unknown } };
    expect(invalid.error.code).toBe('validation');
    expect(invalid.error.fields).toBeUndefined();
    // A logged-in caller may send up to the call's own limit.
    const login = await post('auth.login', { username: 'quantri', password: 'mat-khau-dai-Tràm-Chim' });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const large = await post('localities.create', { name: 'x'.repeat(100 * 1024) }, { cookie });
    expect(large.status).toBe(200);
    expect(((await large.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({ name: 'v.too_long' });
  });

  it('serves the renderer with security headers and never a file outside it', async () => {
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('Sổ ANTT');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${base}/assets/app.js`)).headers.get('content-type')).toContain('javascript');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const response = await fetch(`${base}${path}`);
      expect(await response.text(), path).not.toContain('do not serve');
    }
  });
});

describe('browser host arguments', () => {
  it('accepts loopback hosts only', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost']) expect(parseHostArgs(['--host', host]).ok, host).toBe(true);
    for (const host of ['0.0.0.0', '192.168.1.10', '10.0.0.1', '::', 'example.com']) {
      const parsed = parseHostArgs(['--host', host]);
      expect(parsed.ok, host).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain('127.0.0.1');
    }
  });

  it('reads --data and --port, in both spellings', () => {
    expect(parseHostArgs(['--data', '/tmp/x', '--port=8080'])).toEqual({ ok: true, value: { dataDir: '/tmp/x', port: 8080, host: '127.0.0.1' } });
    expect(parseHostArgs(['--port', 'abc']).ok).toBe(false);
    expect(parseHostArgs(['--verbose']).ok).toBe(false);
  });

  it('exits non-zero with a clear message for a non-loopback --host', () => {
    const result = spawnSync(join('node_modules', '.bin', 'tsx'), ['web/main.ts', '--data', join(tmpdir(), 'so-antt-never'), '--host', '0.0.0.0'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Từ chối --host 0.0.0.0');
  });
});
