import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../electron/app-files';
import { contentSecurityPolicy } from '../../host/guards';

let base = '';
let root = '';

beforeAll(() => {
  // base/renderer is what the protocol serves; base/secret.txt must stay out of reach.
  base = mkdtempSync(path.join(os.tmpdir(), 'so-antt-files-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Sổ ANTT</title>');
  writeFileSync(path.join(root, 'assets', 'app-1a2b.js'), 'console.log("app")');
  writeFileSync(path.join(root, 'assets', 'app-1a2b.css'), 'body{margin:0}');
  writeFileSync(path.join(root, 'assets', 'tinos.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(path.join(base, 'secret.txt'), 'TOP SECRET');
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

const get = (url: string) => serveAppRequest(root, { url, method: 'GET' });

describe('app:// file serving', () => {
  it('serves index.html with its type and the CSP', async () => {
    const response = await get('app://so-antt/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('Sổ ANTT');
  });

  it('serves assets with their types', async () => {
    const js = await get('app://so-antt/assets/app-1a2b.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log("app")');
    const css = await get('app://so-antt/assets/app-1a2b.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const font = await get('app://so-antt/assets/tinos.woff2');
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  });

  it('answers routes of the single-page app with index.html', async () => {
    const response = await get('app://so-antt/incidents/15-2026');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Sổ ANTT</title>');
  });

  it('answers 404, with the CSP, for a missing file', async () => {
    const response = await get('app://so-antt/assets/missing.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
  });

  it('answers 404 for a folder', async () => {
    expect((await get('app://so-antt/assets.d/x.js')).status).toBe(404);
    mkdirSync(path.join(root, 'folder.js'), { recursive: true });
    expect((await get('app://so-antt/folder.js')).status).toBe(404);
  });

  it.each([
    'app://so-antt/../secret.txt',
    'app://so-antt/%2e%2e/secret.txt',
    'app://so-antt/assets/..%2f..%2fsecret.txt',
    'app://so-antt/..%5csecret.txt',
    'app://so-antt/%2e%2e%2fsecret.txt',
    `app://so-antt/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
    'app://other/secret.txt',
  ])('never serves a file outside the renderer: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('TOP SECRET');
  });

  it('answers HEAD without a body', async () => {
    const response = await serveAppRequest(root, { url: 'app://so-antt/index.html', method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength('<!doctype html><title>Sổ ANTT</title>')));
    expect(await response.text()).toBe('');
  });

  it('refuses other methods', async () => {
    const response = await serveAppRequest(root, { url: 'app://so-antt/index.html', method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it.skipIf(process.platform === 'win32')('answers 500 without details for a file that cannot be read', async () => {
    // A symlink to itself fails with ELOOP: an unexpected error even for root, unlike permissions.
    const file = path.join(root, 'assets', 'loop.js');
    symlinkSync(file, file);
    const errors: unknown[] = [];
    const response = await serveAppRequest(root, { url: 'app://so-antt/assets/loop.js', method: 'GET' }, (error) => errors.push(error));
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('Internal Server Error');
    expect(errors).toHaveLength(1);
  });
});
