import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type WebContents } from 'electron';
import { BackendThread } from '../db/backend-thread';
import { SQLITE_BINDING_ENV } from '../db/native-binding';
import { resolveDataDir, shellPaths, sqliteBuildFor, USER_DATA_FOLDER } from './app-paths';
import { APP_ENTRY_URL, isAllowedExternal, isAllowedNavigation, isLocalRequest } from '../host/guards';
import { leaveDialog, mayLeave } from './leave-guard';
import { mountIpc, type MountedIpc } from './ipc-transport';
import { fileLogger, type LogFunction } from './log';
import { aboutText, menuTemplate } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { runSmoke, smokeFolder } from './smoke';
import { windowPrinter, windowTransport } from './smoke-shell';
import { windowOptions } from './window-options';

/**
 * The Electron shell: lifecycle, the one window, its guards, the app:// protocol and the IPC
 * transport. Everything it decides is in the pure modules beside it (guards, window-options,
 * ipc-transport), which the unit tests cover; this file only wires them into Electron.
 *
 * Printing: the interface prints with window.print(), which opens the system print dialog and
 * needs no IPC. Saving a PDF (webContents.printToPDF) will be added as a contract call when the
 * print routes exist.
 */

// Both must happen before 'ready': privileged schemes are fixed at startup, and enableSandbox
// applies the sandbox to every renderer, whatever options a future window is created with.
registerAppScheme();
app.enableSandbox();
// Chromium's own widgets (date inputs show dd/mm/yyyy, spin buttons, dialogs) follow this language.
app.commandLine.appendSwitch('lang', 'vi');

// `--smoke-test <empty folder>` (electron/smoke.ts): the whole app on a throw-away office in that
// folder, its user-data folder included, so it never meets the user's own office or running instance.
const smokeDir = smokeFolder(process.argv);

// A plain ASCII folder name under the OS's app-data folder (productName has diacritics). Set before
// the single-instance lock, which lives in this folder.
app.setPath('userData', smokeDir ? path.resolve(smokeDir, 'user-data') : path.join(app.getPath('appData'), USER_DATA_FOLDER));

const paths = shellPaths(__dirname);
const logFile = path.join(app.getPath('userData'), 'logs', 'main.log');
const log: LogFunction = fileLogger(logFile);
const developer = !app.isPackaged;

let mainWindow: BrowserWindow | null = null;
/** webContents ids of the windows this shell created: the only ones the IPC transport serves. */
const ownWebContents = new Set<number>();
/** The backend on its worker thread (db/backend-thread.ts): this thread runs the window's events and only waits for answers. */
let backend: BackendThread | null = null;
let ipc: MountedIpc | null = null;
/** Set once the app began to quit: no window is opened again on the backend being closed. */
let quitting = false;
/** How long quitting waits for the store to close behind a call still running on the backend's thread. */
const CLOSE_WAIT_MS = 15_000;

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow(windowOptions({ preload: paths.preload, devTools: developer }));
  const contentsId = win.webContents.id;
  ownWebContents.add(contentsId);
  win.webContents.once('destroyed', () => ownWebContents.delete(contentsId));
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.webContents.on('render-process-gone', (_event, details) => log(`renderer gone: ${details.reason}`, details));
  // A form with unsaved changes refused the unload (closing, quitting or reloading): ask, and let it go only if told to.
  win.webContents.on('will-prevent-unload', (event) => {
    const answer = dialog.showMessageBoxSync(win, { ...leaveDialog(), buttons: [...leaveDialog().buttons] });
    if (mayLeave(answer)) event.preventDefault();
  });
  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => log('could not load the interface', error));
  return win;
}

function focusMainWindow(): void {
  if (!mainWindow) {
    mainWindow = createMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** Navigation guards for every webContents the app ever gets, windows and DevTools alike. */
function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    // A link to an official legal text opens in the user's browser instead of replacing the app.
    if (isAllowedExternal(event.url)) void shell.openExternal(event.url);
  });
  // Subframes too: nothing inside the page may be navigated away from the app's origin.
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No new windows, ever. target=_blank links on the allowlist go to the user's browser.
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** The default session (the window's): no permissions, no network, no spellchecker downloads. */
function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setSpellCheckerEnabled(false);
  // No remote content: every request that would leave the app (http, https, ws, file, …) is
  // cancelled here, whatever the CSP says (defence in depth; it also covers what CSP does not govern).
  ses.webRequest.onBeforeRequest((details, callback) => {
    const local = isLocalRequest(details.url);
    if (!local) log(`blocked a request to ${details.url}`, null);
    callback({ cancel: !local });
  });
}

/**
 * Names the native SQLite build the store loads (db/native-binding.ts) before anything opens it; worker
 * threads inherit the choice. False when `npm start` has not prepared it (`electron .` run by hand).
 */
function chooseSqliteBuild(): boolean {
  const build = sqliteBuildFor({ packaged: app.isPackaged, bundleDir: __dirname, electronVersion: process.versions.electron });
  if (build === null) {
    delete process.env[SQLITE_BINDING_ENV];
    return true;
  }
  process.env[SQLITE_BINDING_ENV] = build;
  if (existsSync(build)) return true;
  const message = `Chưa có mô-đun SQLite cho Electron ${process.versions.electron}: hãy chạy \`npm start\` thay cho \`electron .\`.\nThe SQLite module for this Electron is not prepared: run \`npm start\` instead of \`electron .\`.\n(${build})`;
  console.error(message);
  if (!smokeDir) dialog.showErrorBox('Sổ ANTT', message);
  return false;
}

/** The smoke run on the window (electron/smoke.ts), then the app ends with its status. */
async function smoke(win: BrowserWindow): Promise<void> {
  // Also kept in the folder: a packaged app on Windows may have no console to write to.
  const logFile = path.resolve(smokeDir ?? '.', 'smoke.log');
  mkdirSync(path.dirname(logFile), { recursive: true });
  const say = (line: string) => {
    process.stdout.write(`smoke: ${line}\n`);
    appendFileSync(logFile, `${line}\n`);
  };
  const passed = await runSmoke({ transport: windowTransport(win.webContents), printer: windowPrinter(win.webContents), log: say });
  ipc?.unmount();
  ipc = null;
  await backend?.closeWhenIdle();
  backend = null;
  say(passed ? 'PASSED' : 'FAILED');
  app.exit(passed ? 0 : 1);
}

async function start(): Promise<void> {
  if (!chooseSqliteBuild()) {
    app.exit(1);
    return;
  }
  const dataDir = smokeDir ? path.resolve(smokeDir, 'data') : resolveDataDir(process.env, app.getPath('userData'));
  backend = new BackendThread({ dataDir, log });
  // A backend that cannot start (the data folder cannot be made, the worker's file missing) ends here,
  // in the start-up error below, not in a window whose every call fails.
  await backend.ready;
  ipc = mountIpc(ipcMain, backend, { isKnownSender: (sender) => ownWebContents.has(sender.id) });
  lockDownSession();
  serveRenderer(paths.renderer, log);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ developer, version: app.getVersion(), showAbout })));
  mainWindow = createMainWindow();
  if (smokeDir) {
    smoke(mainWindow).catch((error: unknown) => {
      process.stdout.write(`smoke: FAILED ${error instanceof Error ? error.message : String(error)}\n`);
      app.exit(1);
    });
  }
}

/** Help → About: the program's name and version (package.json), in the platform's message box. */
function showAbout(): void {
  const options = { type: 'info' as const, title: 'Sổ ANTT', message: aboutText(app.getVersion()), buttons: ['Đóng'] };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the data folder (one writer): it is asked to come forward, and this one ends.
  app.quit();
} else {
  app.on('second-instance', () => {
    // While quitting (the store closing on the backend's thread) no window opens on a backend let go.
    if (app.isReady() && !quitting) focusMainWindow();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (app.isReady() && !quitting && BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
  app.on('will-quit', (event) => {
    quitting = true;
    ipc?.unmount();
    ipc = null;
    const closing = backend;
    backend = null;
    if (!closing) return;
    // The store is closed on the backend's thread (its open marker removed: a clean end) before the
    // process ends; then quit again, with nothing left to close. A close stuck behind a long call is not
    // waited for past CLOSE_WAIT_MS: the marker stays, and the next start checks the store.
    event.preventDefault();
    let late: NodeJS.Timeout | undefined;
    const tooLate = new Promise<void>((resolve) => {
      late = setTimeout(() => {
        log(`the backend did not close within ${CLOSE_WAIT_MS} ms: quitting; the next start checks the store`, null);
        resolve();
      }, CLOSE_WAIT_MS);
    });
    void Promise.race([closing.close().catch((error: unknown) => log('the backend did not close', error)), tooLate]).finally(() => {
      clearTimeout(late);
      app.quit();
    });
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log('startup failed', error);
      // The developer text goes to the log; the user gets Vietnamese and where to find the details.
      dialog.showErrorBox('Sổ ANTT', `Không khởi động được Sổ ANTT.\n\nChi tiết lỗi được ghi trong tệp:\n${logFile}`);
      app.exit(1);
    });
}
