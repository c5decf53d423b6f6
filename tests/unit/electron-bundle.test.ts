import { builtinModules } from 'node:module';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron, projectRoot } from '../../build/build-electron.mjs';
import { electronSqliteBuild } from '../../build/electron-sqlite-path.mjs';
import { openSqlite } from '../../db/store';
import { contentSecurityPolicy } from '../../host/guards';
import { APP_VERSION } from '../../db/app-version';

/**
 * The Electron binary cannot run here, so this test runs the real bundles against a stand-in for
 * the `electron` module: main.cjs in a child Node process (a require hook hands it the fake), and
 * preload.cjs with the few globals a sandboxed preload has. The fake records what the shell asks of
 * Electron and then plays the part of Chromium: it requests files over app://, makes IPC calls,
 * tries to navigate, open windows and use permissions, and finally closes the window.
 */

const FAKE_ELECTRON = String.raw`
const { EventEmitter } = require('node:events');
const fs = require('node:fs');
const path = require('node:path');

const report = { openedExternal: [] };
let ready = false;
let nextId = 1;
const windows = [];
const protocolHandlers = {};
const ipcHandlers = new Map();
const sessionHandlers = {};

class App extends EventEmitter {
  constructor() {
    super();
    this.paths = { appData: process.env.FAKE_APPDATA };
    this.isPackaged = !process.env.FAKE_UNPACKAGED;
    this.commandLine = { appendSwitch: (name, value) => { (report.switches ??= {})[name] = value; } };
  }
  getPath(name) {
    if (!(name in this.paths)) throw new Error('fake electron: no path ' + name);
    return this.paths[name];
  }
  setPath(name, value) { this.paths[name] = value; }
  enableSandbox() { report.sandboxEnabledBeforeReady = !ready; }
  requestSingleInstanceLock() { report.singleInstanceLock = this.paths.userData; return true; }
  whenReady() {
    return new Promise((resolve) => setImmediate(() => {
      ready = true;
      resolve();
      // The shell opens its window once the backend's thread has started: the scenario waits for it
      // (or for the shell giving up), however long the start takes on a busy machine.
      const began = Date.now();
      const waitForStart = () => {
        if (windows.length === 0 && report.exit === undefined && Date.now() - began < 60000) return setTimeout(waitForStart, 20);
        // A shell that gave up at start (app.exit) opened no window: report what it did and stop.
        if (report.exit !== undefined) {
          report.sqliteBinding = process.env.SO_ANTT_SQLITE_BINDING;
          report.windows = windows.length;
          process.stdout.write('REPORT ' + JSON.stringify(report) + '\n');
          process.exit(0);
        }
        scenario().catch((error) => { console.error(error); process.exit(3); });
      };
      setTimeout(waitForStart, 20);
    }));
  }
  isReady() { return ready; }
  getVersion() { return '0.0.0-test'; }
  quit() { report.quit = true; this.emit('will-quit', { preventDefault() {} }); }
  exit(code) { report.exit = code; }
}
const app = new App();

class WebContents extends EventEmitter {
  constructor() { super(); this.id = nextId++; }
  setWindowOpenHandler(handler) { this.windowOpenHandler = handler; }
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.shown = false;
    this.webContents = new WebContents();
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows() { return windows; }
  loadURL(url) { report.loadedUrl = url; return Promise.resolve(); }
  isMinimized() { return false; }
  restore() {}
  show() { this.shown = true; }
  focus() {}
}

module.exports = {
  app,
  BrowserWindow,
  dialog: { showErrorBox(title, content) { report.errorBox = content; } },
  ipcMain: {
    handle(channel, listener) { ipcHandlers.set(channel, listener); },
    removeHandler(channel) { ipcHandlers.delete(channel); },
  },
  Menu: {
    buildFromTemplate(template) { return { template }; },
    setApplicationMenu(menu) { report.menu = menu.template.map((item) => item.label); },
  },
  protocol: {
    registerSchemesAsPrivileged(schemes) { report.schemes = schemes; report.schemesBeforeReady = !ready; },
    handle(scheme, handler) { protocolHandlers[scheme] = handler; },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler(handler) { sessionHandlers.request = handler; },
      setPermissionCheckHandler(handler) { sessionHandlers.check = handler; },
      setDevicePermissionHandler(handler) { sessionHandlers.device = handler; },
      setSpellCheckerEnabled(enabled) { sessionHandlers.spellchecker = enabled; },
      webRequest: { onBeforeRequest(...args) { sessionHandlers.network = args[args.length - 1]; sessionHandlers.filtered = args.length > 1; } },
    },
  },
  shell: { openExternal(url) { report.openedExternal.push(url); return Promise.resolve(); } },
};

async function scenario() {
  const win = windows[0];
  win.emit('ready-to-show');
  report.window = { count: windows.length, options: win.options, shown: win.shown };
  report.secondInstanceListeners = app.listenerCount('second-instance');

  const serve = protocolHandlers.app;
  const index = await serve({ url: 'app://so-antt/index.html', method: 'GET' });
  report.index = { status: index.status, csp: index.headers.get('content-security-policy'), body: await index.text() };
  report.escape = (await serve({ url: 'app://so-antt/%2e%2e/%2e%2e/secret.txt', method: 'GET' })).status;

  const invoke = ipcHandlers.get('api:invoke');
  const frame = { url: 'app://so-antt/index.html', parent: null };
  report.calls = {
    trusted: await invoke({ sender: win.webContents, senderFrame: frame }, 'setup.status', {}),
    stranger: await invoke({ sender: new WebContents(), senderFrame: frame }, 'setup.status', {}),
    subframe: await invoke({ sender: win.webContents, senderFrame: { url: frame.url, parent: frame } }, 'setup.status', {}),
  };

  const prevented = (eventName, url) => {
    let result = false;
    win.webContents.emit(eventName, { url, preventDefault() { result = true; } });
    return result;
  };
  let webviewPrevented = false;
  win.webContents.emit('will-attach-webview', { preventDefault() { webviewPrevented = true; } }, {}, {});
  report.navigation = {
    external: prevented('will-navigate', 'https://evil.example/'),
    legalText: prevented('will-navigate', 'https://thuvienphapluat.vn/van-ban/a'),
    inApp: prevented('will-navigate', 'app://so-antt/reports'),
    redirect: prevented('will-redirect', 'http://localhost/'),
    subframe: prevented('will-frame-navigate', 'file:///etc/passwd'),
    webview: webviewPrevented,
  };
  report.windowOpen = [
    win.webContents.windowOpenHandler({ url: 'https://vbpl.vn/TW/a' }),
    win.webContents.windowOpenHandler({ url: 'https://evil.example/' }),
  ];

  let granted = null;
  sessionHandlers.request(win.webContents, 'media', (value) => { granted = value; }, {});
  const cancelled = {};
  for (const url of ['https://evil.example/x.js', 'http://localhost:5173/', 'file:///etc/passwd', 'app://so-antt/assets/a.js', 'data:image/png;base64,AA']) {
    sessionHandlers.network({ url }, (response) => { cancelled[url] = response.cancel; });
  }
  report.session = {
    request: granted,
    check: sessionHandlers.check(win.webContents, 'clipboard-read', 'app://so-antt', {}),
    device: sessionHandlers.device({}),
    spellchecker: sessionHandlers.spellchecker,
    filtered: sessionHandlers.filtered,
    cancelled,
  };

  win.webContents.emit('destroyed');
  win.emit('closed');
  app.emit('window-all-closed');
  report.ipcChannelsAfterQuit = [...ipcHandlers.keys()];
  report.dataDirExists = fs.existsSync(path.join(process.env.FAKE_APPDATA, 'so-antt', 'data'));
  process.stdout.write('REPORT ' + JSON.stringify(report) + '\n');
  process.exit(0);
}
`;

const HOOK = String.raw`
const Module = require('node:module');
const fake = require('node:path').join(__dirname, 'fake-electron.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? fake : resolve.call(this, request, ...rest);
};
`;

interface Report {
  readonly sandboxEnabledBeforeReady: boolean;
  readonly switches: Record<string, string>;
  readonly schemesBeforeReady: boolean;
  readonly schemes: ReadonlyArray<{ scheme: string; privileges: Record<string, boolean> }>;
  readonly singleInstanceLock: string;
  readonly loadedUrl: string;
  readonly menu: readonly string[];
  readonly window: { count: number; shown: boolean; options: { webPreferences: Record<string, unknown>; title: string; show: boolean } };
  readonly secondInstanceListeners: number;
  readonly index: { status: number; csp: string; body: string };
  readonly escape: number;
  readonly calls: Record<'trusted' | 'stranger' | 'subframe', unknown>;
  readonly navigation: Record<string, boolean>;
  readonly windowOpen: ReadonlyArray<{ action: string }>;
  readonly openedExternal: readonly string[];
  readonly session: { request: boolean; check: boolean; device: boolean; spellchecker: boolean; filtered: boolean; cancelled: Record<string, boolean> };
  readonly quit: boolean;
  readonly ipcChannelsAfterQuit: readonly string[];
  readonly dataDirExists: boolean;
}

let temp = '';
let bundles = { main: '', preload: '', backendWorker: '', backupWorker: '', sqliteReader: '' };
let report: Report;

beforeAll(async () => {
  temp = mkdtempSync(path.join(os.tmpdir(), 'so-antt-bundle-'));
  bundles = await buildElectron({ outDir: path.join(temp, 'dist', 'electron'), logLevel: 'silent' });
  mkdirSync(path.join(temp, 'dist', 'renderer'), { recursive: true });
  writeFileSync(path.join(temp, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Sổ ANTT</title>');
  writeFileSync(path.join(temp, 'secret.txt'), 'TOP SECRET');
  writeFileSync(path.join(temp, 'fake-electron.cjs'), FAKE_ELECTRON);
  writeFileSync(path.join(temp, 'hook.cjs'), HOOK);
  const appData = path.join(temp, 'appData');
  const { stdout } = await promisify(execFile)(process.execPath, ['--require', path.join(temp, 'hook.cjs'), bundles.main], {
    env: { PATH: process.env.PATH, NODE_PATH: path.join(projectRoot, 'node_modules'), FAKE_APPDATA: appData },
    timeout: 20_000,
  });
  const line = stdout.split('\n').find((text) => text.startsWith('REPORT '));
  if (!line) throw new Error(`the shell printed no report:\n${stdout}`);
  report = JSON.parse(line.slice('REPORT '.length)) as Report;
}, 60_000);

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('main bundle, unpackaged (electron . without npm start)', () => {
  it('names the Electron build of the SQLite module npm start prepares, and says to run npm start when it is missing', async () => {
    // As Electron would: its version in process.versions (the fake runs in plain Node).
    const preload = path.join(temp, 'electron-version.cjs');
    writeFileSync(preload, "process.versions.electron = '39.8.10';");
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--require', path.join(temp, 'hook.cjs'), '--require', preload, bundles.main], {
      env: { PATH: process.env.PATH, NODE_PATH: path.join(projectRoot, 'node_modules'), FAKE_APPDATA: path.join(temp, 'appData-unpackaged'), FAKE_UNPACKAGED: '1' },
      timeout: 20_000,
    });
    const line = stdout.split('\n').find((text) => text.startsWith('REPORT '));
    const unpackaged = JSON.parse(line?.slice('REPORT '.length) ?? '{}') as { exit: number; sqliteBinding: string; windows: number; errorBox: string };
    // The bundle is in <temp>/dist/electron, so the project it belongs to is <temp>.
    expect(unpackaged.sqliteBinding).toBe(electronSqliteBuild(temp, '39.8.10'));
    expect(unpackaged.exit).toBe(1);
    expect(unpackaged.windows).toBe(0);
    expect(unpackaged.errorBox).toContain('hãy chạy `npm start`');
    expect(stderr).toContain('run `npm start` instead of `electron .`');
  });
});

describe('main bundle', () => {
  it('registers the app scheme as privileged and enables the sandbox before ready', () => {
    expect(report.schemesBeforeReady).toBe(true);
    expect(report.sandboxEnabledBeforeReady).toBe(true);
    // Chromium's own widgets (date inputs) in Vietnamese: dd/mm/yyyy.
    expect(report.switches).toEqual({ lang: 'vi' });
    expect(report.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('takes the single-instance lock in an ASCII user-data folder and creates the data folder', () => {
    expect(report.singleInstanceLock).toBe(path.join(temp, 'appData', 'so-antt'));
    expect(report.secondInstanceListeners).toBe(1);
    expect(report.dataDirExists).toBe(true);
  });

  it('opens one hardened window on app://so-antt/index.html, shown when ready', () => {
    expect(report.window.count).toBe(1);
    expect(report.loadedUrl).toBe('app://so-antt/index.html');
    expect(report.window.options.show).toBe(false);
    expect(report.window.shown).toBe(true);
    expect(report.window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
      preload: path.join(temp, 'dist', 'electron', 'preload.cjs'),
    });
    expect(existsSync(String(report.window.options.webPreferences.preload))).toBe(true);
  });

  it('serves the renderer beside it with the CSP, and nothing outside', () => {
    expect(report.index).toEqual({ status: 200, csp: contentSecurityPolicy(), body: '<!doctype html><title>Sổ ANTT</title>' });
    expect(report.escape).toBe(404);
  });

  it('answers IPC calls from its window only, through the backend on its worker thread', () => {
    expect(report.calls.trusted).toEqual({ ok: true, value: { state: 'new', office: null, checkOnOpen: false, appVersion: APP_VERSION } });
    expect(report.calls.stranger).toMatchObject({ ok: false, error: { code: 'request.invalid' } });
    expect(report.calls.subframe).toMatchObject({ ok: false, error: { code: 'request.invalid' } });
  });

  it('blocks navigation away from the app, webviews and new windows', () => {
    expect(report.navigation).toEqual({ external: true, legalText: true, inApp: false, redirect: true, subframe: true, webview: true });
    expect(report.windowOpen).toEqual([{ action: 'deny' }, { action: 'deny' }]);
    // Only allowlisted legal texts go to the user's browser.
    expect(report.openedExternal).toEqual(['https://thuvienphapluat.vn/van-ban/a', 'https://vbpl.vn/TW/a']);
  });

  it('denies every permission and every request that leaves the app', () => {
    expect(report.session).toEqual({
      request: false,
      check: false,
      device: false,
      spellchecker: false,
      // No URL filter: the listener sees every request and decides.
      filtered: false,
      cancelled: {
        'https://evil.example/x.js': true,
        'http://localhost:5173/': true,
        'file:///etc/passwd': true,
        'app://so-antt/assets/a.js': false,
        'data:image/png;base64,AA': false,
      },
    });
  });

  it('has a Vietnamese menu without developer items in a packaged build', () => {
    expect(report.menu).toEqual(['Tệp', 'Sửa', 'Xem', 'Trợ giúp']);
  });

  it('quits when the window closes, unmounting IPC', () => {
    expect(report.quit).toBe(true);
    expect(report.ipcChannelsAfterQuit).toEqual([]);
  });

  it('leaves only electron to load at run time: the store is opened on the backend thread', () => {
    expect(packagesRequired(bundles.main)).toEqual(['electron']);
  });
});

/** The packages a bundle loads at run time (Node's built-ins left out). */
function packagesRequired(bundle: string): string[] {
  const requires = new Set([...readFileSync(bundle, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]));
  return [...requires].filter((name): name is string => name !== undefined && !name.startsWith('node:') && !builtinModules.includes(name)).sort();
}

describe('backend worker bundle', () => {
  it('is found from main.cjs beside it, and loads only the native SQLite module (the Excel reader is bundled in)', () => {
    const main = readFileSync(bundles.main, 'utf8');
    expect(main).toContain('./backend-worker.cjs');
    // import.meta.url in the sources is the bundle's own URL (build/build-electron.mjs).
    expect(main).toContain("const importMetaUrl = require('node:url').pathToFileURL(__filename).href;");
    expect(main).not.toContain('import.meta');
    expect(packagesRequired(bundles.backendWorker)).toEqual(['better-sqlite3-multiple-ciphers']);
  });

  it('keeps the Excel reader out of the job worker, which writes an old register but never reads one', () => {
    // Every backup, check and import starts this worker: ExcelJS in it cost each one about 190 ms and 18 MB.
    const worker = readFileSync(bundles.backupWorker, 'utf8');
    expect(worker).toContain('legacy_import_rows');
    expect(worker).not.toMatch(/exceljs/i);
    expect(packagesRequired(bundles.backupWorker)).toEqual(['better-sqlite3-multiple-ciphers']);
  });

  it('answers a call on a worker thread of a plain Node process', async () => {
    const dataDir = path.join(temp, 'backend-worker-data');
    const script = String.raw`
      const { Worker } = require('node:worker_threads');
      const worker = new Worker(process.argv[1], { workerData: { dataDir: process.argv[2], nativeBinding: null } });
      worker.on('message', (message) => {
        if (message.kind !== 'answer') return;
        if (message.id === 1) worker.postMessage({ id: 2, op: 'call', pin: message.value.pin, name: 'setup.status', input: {} });
        else { process.stdout.write(JSON.stringify(message.value.result)); worker.terminate(); }
      });
      worker.postMessage({ id: 1, op: 'pin', heldId: undefined, options: {} });
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, bundles.backendWorker, dataDir], {
      env: { PATH: process.env.PATH, NODE_PATH: path.join(projectRoot, 'node_modules') },
      timeout: 20_000,
    });
    expect(JSON.parse(stdout)).toEqual({ ok: true, value: { state: 'new', office: null, checkOnOpen: false, appVersion: APP_VERSION } });
  });
});

describe('backup worker bundle', () => {
  it('is found from backend-worker.cjs beside it (the backend starts the backups)', () => {
    const worker = readFileSync(bundles.backendWorker, 'utf8');
    expect(worker).toContain('./backup-worker.cjs');
    expect(worker).toContain("const importMetaUrl = require('node:url').pathToFileURL(__filename).href;");
    expect(worker).not.toContain('import.meta');
  });

  it('writes an encrypted backup of a store on a worker thread of a plain Node process', async () => {
    const key = 'ab'.repeat(32);
    const store = path.join(temp, 'worker-store.sqlite');
    const target = path.join(temp, 'worker-backup.sqlite');
    const db = openSqlite(store, key);
    db.exec("CREATE TABLE t (x TEXT) STRICT; INSERT INTO t VALUES ('dữ liệu mật')");
    const script = String.raw`
      const { Worker } = require('node:worker_threads');
      const worker = new Worker(process.argv[1], { workerData: JSON.parse(process.argv[2]) });
      worker.on('message', (message) => process.stdout.write(JSON.stringify(message)));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, bundles.backupWorker, JSON.stringify({ kind: 'backup', store, keyHex: key, target, nativeBinding: null })], {
      env: { PATH: process.env.PATH, NODE_PATH: path.join(projectRoot, 'node_modules') },
      timeout: 20_000,
    });
    db.close();
    expect(JSON.parse(stdout)).toEqual({ ok: true, problems: [] });
    expect(readFileSync(target).includes(Buffer.from('dữ liệu mật'))).toBe(false);
    const copy = openSqlite(target, key, { readOnly: true });
    expect(copy.prepare('SELECT x FROM t').pluck().get()).toBe('dữ liệu mật');
    copy.close();
  });
});

describe('store reader bundle', () => {
  it('is found from backend-worker.cjs beside it (the backend starts the readers), and loads only the native SQLite module', () => {
    const worker = readFileSync(bundles.backendWorker, 'utf8');
    expect(worker).toContain('./sqlite-reader.cjs');
    expect(packagesRequired(bundles.sqliteReader)).toEqual(['better-sqlite3-multiple-ciphers']);
  });

  it('answers a read of an encrypted store on a worker thread of a plain Node process', async () => {
    const key = 'cd'.repeat(32);
    const store = path.join(temp, 'reader-store.sqlite');
    const db = openSqlite(store, key);
    db.exec("CREATE TABLE t (x TEXT) STRICT; INSERT INTO t VALUES ('Nguyễn Văn Á')");
    const script = String.raw`
      const { Worker } = require('node:worker_threads');
      const worker = new Worker(process.argv[1], { workerData: JSON.parse(process.argv[2]) });
      worker.on('message', (message) => { process.stdout.write(JSON.stringify(message)); worker.terminate(); });
      worker.postMessage({ id: 7, op: 'all', sql: 'SELECT x FROM t WHERE fold(x) = ?', parameters: ['nguyen van a'] });
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, bundles.sqliteReader, JSON.stringify({ file: store, keyHex: key, nativeBinding: null })], {
      env: { PATH: process.env.PATH, NODE_PATH: path.join(projectRoot, 'node_modules') },
      timeout: 20_000,
    });
    db.close();
    expect(JSON.parse(stdout)).toEqual({ id: 7, ok: true, rows: [{ x: 'Nguyễn Văn Á' }] });
  });
});

describe('preload bundle', () => {
  /** Runs preload.cjs the way a sandboxed renderer does: CommonJS, a require that knows only electron. */
  function runPreload() {
    const exposed = new Map<string, unknown>();
    const sent: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
      ipcRenderer: { invoke: (...args: unknown[]) => (sent.push(args), Promise.resolve({ ok: true, value: null })) },
    };
    const sandboxRequire = (name: string): unknown => {
      if (name === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${name}`);
    };
    const module = { exports: {} };
    const code = readFileSync(bundles.preload, 'utf8');
    new Function('require', 'module', 'exports', code)(sandboxRequire, module, module.exports);
    return { exposed, sent };
  }

  it('is CommonJS and needs nothing but electron', () => {
    expect(() => runPreload()).not.toThrow();
    expect(readFileSync(bundles.preload, 'utf8')).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('exposes window.api with invoke and nothing else', () => {
    const { exposed } = runPreload();
    expect([...exposed.keys()]).toEqual(['api']);
    const api = exposed.get('api') as Record<string, unknown>;
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards a call on api:invoke with its name and input only', async () => {
    const { exposed, sent } = runPreload();
    const api = exposed.get('api') as { invoke: (...args: unknown[]) => Promise<unknown> };
    await expect(api.invoke('setup.status', { a: 1 }, 'extra')).resolves.toEqual({ ok: true, value: null });
    expect(sent).toEqual([['api:invoke', 'setup.status', { a: 1 }]]);
  });
});
