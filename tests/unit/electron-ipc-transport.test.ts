import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { Backend } from '../../db/backend';
import { BackendService } from '../../db/backend-service';
import { IPC_CHANNEL } from '../../electron/channel';
import type { FrameLike } from '../../host/guards';
import { mountIpc, type InvokeEventLike, type InvokeListener, type IpcMainLike, type IpcTransportOptions } from '../../electron/ipc-transport';
import { isJsonLike } from '../../electron/json-like';
import { APP_VERSION } from '../../db/app-version';

// Compile-time checks: Electron's own ipcMain and invoke events fit the transport's interfaces, so
// main.ts passes the real ones and these tests drive the same code with fakes.
const _realIpcMainFits = (ipcMain: IpcMain): IpcMainLike => ipcMain;
const _realEventFits = (event: IpcMainInvokeEvent): InvokeEventLike => event;
void _realIpcMainFits;
void _realEventFits;

/** A stand-in for ipcMain that keeps the registered handler and calls it like Electron would. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, InvokeListener>();
  handle(channel: string, listener: InvokeListener): void {
    // Electron throws on a second handler for one channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(event: InvokeEventLike, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(IPC_CHANNEL);
    if (!listener) throw new Error('no handler registered');
    return listener(event, ...args);
  }
}

/** A webContents: an id and a 'destroyed' event. */
class FakeWebContents extends EventEmitter {
  constructor(readonly id: number) {
    super();
  }
  destroy(): void {
    this.emit('destroyed');
  }
}

const APP_FRAME: FrameLike = { url: 'app://so-antt/index.html', parent: null };

function event(sender: FakeWebContents, frame: FrameLike | null = APP_FRAME): InvokeEventLike {
  return { sender, senderFrame: frame };
}

const temps: string[] = [];
const backends: Backend[] = [];

afterEach(() => {
  for (const backend of backends.splice(0)) backend.close();
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup(options: IpcTransportOptions = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'so-antt-ipc-'));
  temps.push(dataDir);
  const logged: string[] = [];
  const backend = new Backend({ dataDir, log: (message) => logged.push(message) });
  backends.push(backend);
  const ipcMain = new FakeIpcMain();
  // The backend in this thread, so the test can look at its sessions (tests/integration/backend-thread.test.ts
  // drives the same port on its worker thread).
  const service = new BackendService(backend);
  const mounted = mountIpc(ipcMain, service, options);
  /** The session a window's pin holds in the backend. */
  const sessionOf = async (webContentsId: number) => {
    const pin = mounted.pinOf(webContentsId);
    return pin === undefined ? undefined : service.pinned(await pin);
  };
  return { backend, ipcMain, mounted, logged, sessionOf };
}

/** Lets the port's promises run: a window's session is ended asynchronously, as on the backend's thread. */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

const refused = { ok: false, error: { code: 'request.invalid', message: expect.any(String) } };

describe('IPC transport', () => {
  it('registers one channel, api:invoke', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()]).toEqual(['api:invoke']);
  });

  it('passes a trusted call to the dispatcher and returns its Result', async () => {
    const { ipcMain } = setup();
    const result = await ipcMain.invoke(event(new FakeWebContents(1)), 'setup.status', {});
    expect(result).toEqual({ ok: true, value: { state: 'new', office: null, checkOnOpen: false, appVersion: APP_VERSION } });
  });

  it('accepts a call without input', async () => {
    const { ipcMain } = setup();
    const result = await ipcMain.invoke(event(new FakeWebContents(1)), 'setup.status');
    expect(result).toEqual({ ok: true, value: { state: 'new', office: null, checkOnOpen: false, appVersion: APP_VERSION } });
  });

  it('returns the dispatcher errors as they are (unknown call, invalid input)', async () => {
    const { ipcMain } = setup();
    const sender = new FakeWebContents(1);
    expect(await ipcMain.invoke(event(sender), 'no.such.call', {})).toMatchObject({ ok: false, error: { code: 'call.unknown' } });
    expect(await ipcMain.invoke(event(sender), 'setup.create', { office: 'x' })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it.each([
    ['a subframe of the app', { url: 'app://so-antt/index.html', parent: APP_FRAME }],
    ['a file:// page', { url: 'file:///C:/Users/x/Desktop/index.html', parent: null }],
    ['a local web server', { url: 'http://localhost:5173/', parent: null }],
    ['DevTools', { url: 'devtools://devtools/bundled/devtools_app.html', parent: null }],
    ['another app:// host', { url: 'app://evil/index.html', parent: null }],
    ['a detached frame', { url: 'app://so-antt/index.html', parent: null, detached: true }],
    ['a frame that is gone', null],
  ] as const)('refuses a call from %s, and makes no session for it', async (_name, frame) => {
    const { ipcMain, mounted, logged } = setup();
    const result = await ipcMain.invoke(event(new FakeWebContents(7), frame), 'setup.status', {});
    expect(result).toEqual(refused);
    expect(mounted.pinOf(7)).toBeUndefined();
    expect(logged.some((line) => line.startsWith('ipc: refused'))).toBe(true);
  });

  it('refuses a webContents the shell does not know, even with the app URL', async () => {
    const { ipcMain } = setup({ isKnownSender: (sender) => sender.id === 1 });
    expect(await ipcMain.invoke(event(new FakeWebContents(2)), 'setup.status', {})).toEqual(refused);
    expect(await ipcMain.invoke(event(new FakeWebContents(1)), 'setup.status', {})).toMatchObject({ ok: true });
  });

  it.each([
    ['a number', 42],
    ['undefined', undefined],
    ['null', null],
    ['an object', { call: 'setup.status' }],
    ['an array', ['setup.status']],
    ['an empty string', ''],
    ['a very long string', 'a'.repeat(101)],
  ])('refuses %s as the call name', async (_name, callName) => {
    const { ipcMain } = setup();
    expect(await ipcMain.invoke(event(new FakeWebContents(1)), callName, {})).toEqual(refused);
  });

  it('refuses input that JSON could not carry', async () => {
    const { ipcMain } = setup();
    const sender = new FakeWebContents(1);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const input of [new Date(), new Map(), new Set(), new Uint8Array(4), cyclic, { when: new Date() }, [1, undefined], Number.NaN, 10n]) {
      expect(await ipcMain.invoke(event(sender), 'setup.status', input)).toEqual(refused);
    }
  });

  it('refuses extra arguments', async () => {
    const { ipcMain } = setup();
    expect(await ipcMain.invoke(event(new FakeWebContents(1)), 'setup.status', {}, 'extra')).toEqual(refused);
  });

  it('keeps one session per webContents', async () => {
    const { ipcMain, backend, sessionOf } = setup();
    const first = new FakeWebContents(1);
    const second = new FakeWebContents(2);
    await ipcMain.invoke(event(first), 'setup.status', {});
    const session = await sessionOf(1);
    expect(session).toBeDefined();
    await ipcMain.invoke(event(first), 'setup.status', {});
    expect(await sessionOf(1)).toBe(session);
    await ipcMain.invoke(event(second), 'setup.status', {});
    expect(await sessionOf(2)).toBeDefined();
    expect((await sessionOf(2))?.id).not.toBe(session?.id);
    expect(backend.sessions.get(session?.id)).toBe(session);
  });

  it('gives two first calls of one window at once the same session', async () => {
    const { ipcMain, backend, sessionOf } = setup();
    const window = new FakeWebContents(1);
    await Promise.all([ipcMain.invoke(event(window), 'setup.status', {}), ipcMain.invoke(event(window), 'setup.status', {})]);
    expect(backend.sessions.size).toBe(1);
    expect(backend.sessions.get((await sessionOf(1))?.id)).toBeDefined();
    expect(window.listenerCount('destroyed')).toBe(1);
  });

  it('ends a session when its webContents is destroyed', async () => {
    const { ipcMain, mounted, backend, sessionOf } = setup();
    const first = new FakeWebContents(1);
    const second = new FakeWebContents(2);
    await ipcMain.invoke(event(first), 'setup.status', {});
    await ipcMain.invoke(event(second), 'setup.status', {});
    const ended = await sessionOf(1);
    first.destroy();
    expect(mounted.pinOf(1)).toBeUndefined();
    await settled();
    expect(backend.sessions.get(ended?.id)).toBeUndefined();
    expect(await sessionOf(2)).toBeDefined();
    // The listener was registered once, whatever the number of calls.
    expect(first.listenerCount('destroyed')).toBe(0);
    expect(second.listenerCount('destroyed')).toBe(1);
  });

  it('a window whose session ended (logout) gets a new anonymous one on its next call, and one destroy listener', async () => {
    const { ipcMain, backend, sessionOf } = setup();
    const window = new FakeWebContents(1);
    await ipcMain.invoke(event(window), 'setup.status', {});
    const first = (await sessionOf(1))!;
    first.userId = 'someone';
    backend.sessions.end(first);
    await ipcMain.invoke(event(window), 'auth.session', {});
    const next = (await sessionOf(1))!;
    expect(next).not.toBe(first);
    expect(next.userId).toBeNull();
    expect(backend.sessions.get(next.id)).toBe(next);
    expect(window.listenerCount('destroyed')).toBe(1);
    window.destroy();
    await settled();
    expect(backend.sessions.get(next.id)).toBeUndefined();
  });

  it('unmounts: removes the channel and ends its sessions', async () => {
    const { ipcMain, mounted, backend, sessionOf } = setup();
    await ipcMain.invoke(event(new FakeWebContents(1)), 'setup.status', {});
    const session = await sessionOf(1);
    mounted.unmount();
    expect(ipcMain.handlers.size).toBe(0);
    expect(mounted.pinOf(1)).toBeUndefined();
    await settled();
    expect(backend.sessions.get(session?.id)).toBeUndefined();
  });
});

describe('isJsonLike', () => {
  it('accepts what JSON can express', () => {
    for (const value of [undefined, null, true, 0, -1.5, 'Nguyễn Văn A', [], {}, [1, 'a', null], { a: { b: [{ c: 1 }] } }, { optional: undefined }]) {
      expect(isJsonLike(value), JSON.stringify(value)).toBe(true);
    }
    expect(isJsonLike(Object.create(null) as object)).toBe(true);
  });

  it('refuses what JSON cannot', () => {
    class Point {
      x = 1;
    }
    const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays -- a hole is the point
    const withSymbol = { [Symbol('s')]: 1 };
    const withGetter = Object.defineProperty({}, 'x', { get: () => 1, enumerable: true });
    const withProto = JSON.parse('{"__proto__": {"admin": true}}') as unknown;
    for (const value of [Number.NaN, Infinity, 1n, Symbol('x'), () => 1, new Date(), /x/, new Map(), new Set(), new ArrayBuffer(1), new Uint8Array(1), new Point(), new Error('x'), sparse, [undefined], withSymbol, withGetter, withProto]) {
      expect(isJsonLike(value), String(value)).toBe(false);
    }
  });

  it('stops at the depth and size limits', () => {
    let deep: unknown = {};
    for (let i = 0; i < 40; i += 1) deep = { deep };
    expect(isJsonLike(deep)).toBe(false);
    expect(isJsonLike(deep, { maxDepth: 100, maxNodes: 1000 })).toBe(true);
    expect(isJsonLike(new Array(200).fill(1), { maxDepth: 5, maxNodes: 100 })).toBe(false);
  });
});
