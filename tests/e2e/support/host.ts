import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { CallInput, CallName, CallOutput } from '../../../api/contract';
import type { Result } from '../../../api/result';

/**
 * End-to-end support: the browser host (web/main.ts) on a fresh temp data folder, Debian's Chromium
 * driven by playwright-core, and a page that records console errors and uncaught exceptions.
 */

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const screenshotDir = join(root, 'test-output', 'screenshots');

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const START_TIMEOUT_MS = 60_000;
const CALL_TIMEOUT_MS = 60_000;
const LAUNCH_TIMEOUT_MS = 40_000;

/** `npm test` builds the renderer first; a lone `vitest run --project e2e` builds it here when missing. */
export function ensureRendererBuilt(): void {
  if (existsSync(join(root, 'dist', 'renderer', 'index.html'))) return;
  execFileSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', 'renderer/vite.config.ts'], { cwd: root, stdio: 'pipe' });
}

export interface Host {
  readonly url: string;
  readonly dataDir: string;
  /** What the host printed, for a failing test's message. */
  readonly output: () => string;
  /** The process started (tsx, whose child node process runs the host). */
  readonly pid: number;
  readonly stop: () => Promise<void>;
}

/**
 * Starts `tsx web/main.ts --data <temp> --port 0` and waits for its "listening on http://…" line. With
 * `dataDir` the host serves that folder (an office prepared beforehand), which `stop` leaves in place.
 */
export async function startHost(options: { readonly dataDir?: string; readonly env?: Readonly<Record<string, string>> } = {}): Promise<Host> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'so-antt-e2e-'));
  const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['web/main.ts', '--data', dataDir, '--port', '0'], {
    cwd: root,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (output += chunk));

  const stop = async () => {
    await stopChild(child);
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the browser host did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
      child.stdout.on('data', (chunk: string) => {
        output += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the browser host exited with code ${code}:\n${output}`));
      });
    });
    return { url, dataDir, output: () => output, pid: child.pid!, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Calls made as a logged-in user: the session cookie of `auth.login` is sent with each call. */
export type HostSession = <N extends CallName>(name: N, input: CallInput<N>) => Promise<Result<CallOutput<N>>>;

export async function loginHost(host: Host, username: string, password: string): Promise<HostSession> {
  const login = await postToHost(host, 'auth.login', { username, password });
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const result = (await login.json()) as Result<unknown>;
  if (!result.ok) throw new Error(`login as ${username} failed: ${JSON.stringify(result.error)}`);
  return async (name, input) => (await (await postToHost(host, name, input, cookie)).json()) as Result<CallOutput<typeof name>>;
}

/**
 * One call to the host's API, as the renderer sends it. A call the host leaves unanswered fails after
 * CALL_TIMEOUT_MS with its name and what the host printed, instead of holding a test's hook until the
 * hook's own timeout says nothing of where it stopped.
 */
export async function postToHost(host: Host, name: CallName, input: unknown, cookie?: string): Promise<Response> {
  try {
    return await fetch(`${host.url}/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-So-Antt': '1', ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify(input),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
  } catch (error) {
    throw new Error(`${name}: no answer from the browser host (${String(error)}); the host printed:\n${host.output()}`);
  }
}

/**
 * A user the administrator created who has since chosen `account.password` at their first login: the
 * administrator's password is one-time (docs/security.md), so it is a temporary one changed over HTTP.
 */
export async function createUserHost(
  host: Host,
  asAdmin: (name: 'users.create', input: CallInput<'users.create'>) => Promise<Result<CallOutput<'users.create'>>>,
  account: Omit<CallInput<'users.create'>, 'passwordConfirm'>,
): Promise<Result<CallOutput<'users.create'>>> {
  const temporary = `${account.password} tạm thời`;
  const added = await asAdmin('users.create', { ...account, password: temporary, passwordConfirm: temporary });
  if (!added.ok) return added;
  const asUser = await loginHost(host, account.username, temporary);
  const changed = await asUser('auth.changePassword', { current: temporary, password: account.password, passwordConfirm: account.password });
  if (!changed.ok) throw new Error(`${account.username} could not choose a password: ${JSON.stringify(changed.error)}`);
  return added;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * `extraArgs`: such as '--lang=en-US', a Chromium whose own language is not Vietnamese. A launch that
 * has not connected within LAUNCH_TIMEOUT_MS is tried once more: on a loaded 2-core runner Chromium
 * has hung at start (a hook then timed out with no word of why), and that is the test rig, not the app.
 */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  const launch = () => chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs], timeout: LAUNCH_TIMEOUT_MS });
  try {
    return await launch();
  } catch (error) {
    console.warn(`Chromium did not start, trying once more: ${String(error).split('\n')[0]}`);
    return launch();
  }
}

export interface WatchedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  readonly errors: string[];
  /** Saves test-output/screenshots/<name>.png. */
  readonly screenshot: (name: string) => Promise<void>;
}

/** A fresh context (no cookies, no storage) at 1280×720 (or `viewport`) with its page watched for errors. */
export async function openPage(
  browser: Browser,
  options: { readonly locale?: string; readonly viewport?: { readonly width: number; readonly height: number } } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 720 }, locale: options.locale ?? 'vi-VN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  mkdirSync(screenshotDir, { recursive: true });
  const screenshot = async (name: string) => {
    await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
  };
  return { context, page, errors, screenshot };
}
