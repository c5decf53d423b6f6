import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { electronSqliteBuild } from '../../build/electron-sqlite-path.mjs';
import {
  buildCommands,
  failureMessage,
  installedElectron,
  PrepareError,
  prepareElectron,
  projectRoot,
  toolEnv,
  type LoggedStep,
} from '../../build/prepare-electron.mjs';
import { sqliteBuildFor } from '../../electron/app-paths';

/**
 * `npm start`'s first step (build/prepare-electron.mjs), run here without a network: on a project
 * folder made for the test, with the build tools replaced by stand-ins that do what prebuild-install
 * and node-gyp do (write build/Release/better_sqlite3.node in their working folder) or fail as they do
 * without Internet. Nothing here downloads anything.
 */

const VERSION = '39.8.10';
const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project with electron's package (binary downloaded or not) and the SQLite module built for Node. */
function fakeProject(options: { binary?: boolean; electronPackage?: string } = {}): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'so-antt-prepare-'));
  made.push(root);
  writeFileSync(path.join(root, 'package.json'), '{"name":"so-antt"}');
  const electron = path.join(root, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  writeFileSync(path.join(electron, 'package.json'), options.electronPackage ?? JSON.stringify({ name: 'electron', version: VERSION }));
  writeFileSync(path.join(electron, 'install.js'), '');
  if (options.binary ?? true) {
    mkdirSync(path.join(electron, 'dist'));
    writeFileSync(path.join(electron, 'path.txt'), 'electron');
    writeFileSync(path.join(electron, 'dist', 'electron'), 'binary');
  }
  const sqlite = path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers');
  mkdirSync(path.join(sqlite, 'build', 'Release'), { recursive: true });
  mkdirSync(path.join(sqlite, 'src'));
  writeFileSync(path.join(sqlite, 'package.json'), JSON.stringify({ name: 'better-sqlite3-multiple-ciphers', version: '12.11.1' }));
  writeFileSync(path.join(sqlite, 'binding.gyp'), '{}');
  writeFileSync(path.join(sqlite, 'src', 'better_sqlite3.cpp'), '// source');
  writeFileSync(path.join(sqlite, 'build', 'Release', 'better_sqlite3.node'), 'the Node build');
  // The build tools are resolved from the project, as in a real checkout.
  for (const tool of ['prebuild-install', 'node-gyp']) symlinkSync(path.join(projectRoot, 'node_modules', tool), path.join(root, 'node_modules', tool), 'junction');
  return root;
}

const nodeBuild = (root: string) => path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node');
const hashOf = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A stand-in for the tools: each step answers with the outcome given for its name. */
function tools(outcomes: Record<string, 'writes' | 'offline' | 'not-found' | 'compile-error'>) {
  const steps: LoggedStep[] = [];
  const run = async (step: LoggedStep) => {
    steps.push(step);
    const tool = step.args[0] ?? '';
    const name = tool.endsWith('install.js') ? 'electron' : tool.includes('prebuild-install') ? 'prebuilt' : 'compile';
    const outcome = outcomes[name] ?? 'compile-error';
    if (outcome === 'writes') {
      mkdirSync(path.join(step.cwd, 'build', 'Release'), { recursive: true });
      writeFileSync(path.join(step.cwd, 'build', 'Release', 'better_sqlite3.node'), `the Electron build from ${name}`);
      return { code: 0, output: '' };
    }
    const output = {
      offline: 'prebuild-install warn install getaddrinfo ENOTFOUND github.com',
      'not-found': 'prebuild-install warn install No prebuilt binaries found (target=39.8.10 runtime=electron arch=x64)',
      'compile-error': 'gyp ERR! stack Error: not found: make',
    }[outcome];
    return { code: 1, output };
  };
  return { steps, run };
}

const quiet = () => undefined;

describe('the installed Electron', () => {
  it('is read from node_modules/electron/package.json, the version package.json asks for', () => {
    const wanted = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron;
    expect(installedElectron(projectRoot).version).toBe(wanted);
  });

  it('knows whether its binary was downloaded', () => {
    expect(installedElectron(fakeProject({ binary: true }))).toEqual({ version: VERSION, binaryPresent: true });
    expect(installedElectron(fakeProject({ binary: false }))).toEqual({ version: VERSION, binaryPresent: false });
  });

  it('is missing when its package is absent or names no version', () => {
    const root = fakeProject();
    rmSync(path.join(root, 'node_modules', 'electron'), { recursive: true });
    expect(() => installedElectron(root)).toThrow(PrepareError);
    expect(() => installedElectron(fakeProject({ electronPackage: '{"name":"electron","version":"../../x"}' }))).toThrow(PrepareError);
  });
});

describe('the commands', () => {
  const root = projectRoot;
  const workDir = path.join(os.tmpdir(), 'copy-of-the-module');
  const [prebuilt, compile] = buildCommands({ root, workDir, electronVersion: VERSION, platform: 'win32', arch: 'x64', node: '/usr/bin/node' });

  it('first fetch the prebuilt binary for Electron, then compile against its headers', () => {
    expect(prebuilt?.name).toBe('prebuilt');
    expect(prebuilt?.args.slice(1)).toEqual(['--runtime', 'electron', '--target', VERSION, '--platform', 'win32', '--arch', 'x64']);
    expect(compile?.name).toBe('compile');
    expect(compile?.args.slice(1)).toEqual(['rebuild', '--release', '--runtime=electron', `--target=${VERSION}`, '--arch=x64', '--dist-url=https://electronjs.org/headers']);
  });

  it('run the installed tools with Node, in the copy of the module, never in node_modules', () => {
    for (const step of [prebuilt, compile]) {
      expect(step?.command).toBe('/usr/bin/node');
      expect(step?.cwd).toBe(workDir);
      expect(existsSync(step?.args[0] ?? ''), step?.args[0]).toBe(true);
    }
    expect(prebuilt?.args[0]).toMatch(/prebuild-install[\\/]bin\.js$/);
    expect(compile?.args[0]).toMatch(/node-gyp[\\/]bin[\\/]node-gyp\.js$/);
  });

  it('leave out npm_package_* variables of `npm start` (prebuild-install would take them for the module) and keep the rest', () => {
    expect(toolEnv({ PATH: '/bin', npm_package_from: 'git+x', npm_package_name: 'so-antt', npm_lifecycle_event: 'start', npm_config_proxy: 'http://p', GONE: undefined })).toEqual({
      PATH: '/bin',
      npm_config_proxy: 'http://p',
    });
  });
});

describe('preparing', () => {
  it('puts the Electron build beside the Node build, which stays as it was, and only once per Electron version', async () => {
    const root = fakeProject();
    const before = hashOf(nodeBuild(root));
    const first = tools({ prebuilt: 'writes' });
    const result = await prepareElectron({ root, env: {}, run: first.run, say: quiet });
    expect(result).toEqual({ electronVersion: VERSION, binding: electronSqliteBuild(root, VERSION), made: true });
    expect(result.binding).toBe(path.join(root, 'node_modules', '.cache', 'so-antt-electron', VERSION, 'better_sqlite3.node'));
    expect(readFileSync(result.binding, 'utf8')).toBe('the Electron build from prebuilt');
    expect(hashOf(nodeBuild(root))).toBe(before);
    expect(first.steps.map((step) => step.cwd)).toEqual([path.join(path.dirname(result.binding), 'work')]);
    // The copy is gone once the build is out of it.
    expect(existsSync(path.join(path.dirname(result.binding), 'work'))).toBe(false);

    const second = tools({ prebuilt: 'writes' });
    expect(await prepareElectron({ root, env: {}, run: second.run, say: quiet })).toEqual({ ...result, made: false });
    expect(second.steps).toEqual([]);
  });

  it('the copy holds the module without its Node build', async () => {
    const root = fakeProject();
    let seen: string[] = [];
    await prepareElectron({
      root,
      env: {},
      say: quiet,
      run: async (step) => {
        seen = ['package.json', 'binding.gyp', 'src/better_sqlite3.cpp', 'build'].filter((file) => existsSync(path.join(step.cwd, file)));
        return { code: 1, output: 'getaddrinfo ENOTFOUND github.com' };
      },
    }).catch(() => undefined);
    expect(seen).toEqual(['package.json', 'binding.gyp', 'src/better_sqlite3.cpp']);
  });

  it('compiles when there is no prebuilt binary', async () => {
    const root = fakeProject();
    const { steps, run } = tools({ prebuilt: 'not-found', compile: 'writes' });
    const result = await prepareElectron({ root, env: {}, run, say: quiet });
    expect(steps.map((step) => path.basename(step.args[0] ?? ''))).toEqual(['bin.js', 'node-gyp.js']);
    expect(readFileSync(result.binding, 'utf8')).toBe('the Electron build from compile');
  });

  it('without Internet: the offline failure, and nothing left behind to pass for a build', async () => {
    const root = fakeProject();
    const before = hashOf(nodeBuild(root));
    const { run } = tools({ prebuilt: 'offline', compile: 'offline' });
    const failure = await prepareElectron({ root, env: {}, run, say: quiet }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PrepareError);
    expect((failure as PrepareError).kind).toBe('offline');
    expect(existsSync(electronSqliteBuild(root, VERSION))).toBe(false);
    expect(hashOf(nodeBuild(root))).toBe(before);
  });

  it('a compile that fails for another reason says what it needs', async () => {
    const { run } = tools({ prebuilt: 'not-found', compile: 'compile-error' });
    const failure = (await prepareElectron({ root: fakeProject(), env: {}, run, say: quiet }).catch((error: unknown) => error)) as PrepareError;
    expect(failure.kind).toBe('build-failed');
  });

  it('downloads a missing Electron binary first, and fails as offline when that cannot be done', async () => {
    const { steps, run } = tools({ electron: 'offline' });
    const failure = (await prepareElectron({ root: fakeProject({ binary: false }), env: {}, run, say: quiet }).catch((error: unknown) => error)) as PrepareError;
    expect(steps.map((step) => path.basename(step.args[0] ?? ''))).toEqual(['install.js']);
    expect(failure.kind).toBe('offline');
  });

  it('says to unset ELECTRON_SKIP_BINARY_DOWNLOAD rather than run the download it would skip', async () => {
    const { steps, run } = tools({});
    const failure = (await prepareElectron({ root: fakeProject({ binary: false }), env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, run, say: quiet }).catch((error: unknown) => error)) as PrepareError;
    expect(failure.kind).toBe('electron-skipped');
    expect(steps).toEqual([]);
  });
});

describe('the message', () => {
  it('says, in Vietnamese then English, that the download failed and what to do, with no stack trace', () => {
    const message = failureMessage(new PrepareError('offline', { electronVersion: VERSION, logFile: '/x/prepare.log' }));
    const lines = message.split('\n');
    expect(lines[0]).toBe(`Không tải được thành phần cần cho Electron ${VERSION} (chương trình Electron hoặc mô-đun SQLite dựng sẵn).`);
    expect(message).toContain('Hãy kiểm tra kết nối Internet');
    expect(message).toContain(`Could not download what Electron ${VERSION} needs`);
    expect(message).toContain('Check the Internet connection');
    expect(lines.at(-1)).toBe('Chi tiết / Details: /x/prepare.log');
    expect(message).not.toMatch(/^\s+at /m);
  });

  it('has words for every failure', () => {
    for (const kind of ['electron-missing', 'electron-skipped', 'offline', 'build-failed'] as const) {
      const message = failureMessage(new PrepareError(kind, { electronVersion: VERSION }));
      expect(message, kind).toMatch(/[ạảãấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏõốồổỗộớờởỡợụủũứừửữựỳỷỹđ]/);
      expect(message.split('\n').length, kind).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('the command', () => {
  it('prints the message and exits 1 when it cannot go on, and downloads nothing to find out', async () => {
    // The script in a project of its own whose Electron binary is missing and may not be downloaded.
    const root = fakeProject({ binary: false });
    mkdirSync(path.join(root, 'build'));
    for (const file of ['prepare-electron.mjs', 'electron-sqlite-path.mjs']) copyFileSync(path.join(projectRoot, 'build', file), path.join(root, 'build', file));
    const failure = (await promisify(execFile)(process.execPath, [path.join(root, 'build', 'prepare-electron.mjs')], {
      env: { PATH: process.env.PATH, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      timeout: 20_000,
    }).catch((error: unknown) => error)) as { code: number; stdout: string; stderr: string };
    expect(failure.code).toBe(1);
    expect(failure.stderr.trim()).toBe(failureMessage(new PrepareError('electron-skipped', { electronVersion: VERSION })));
    expect(failure.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('the shell finds what was prepared', () => {
  it('unpackaged, from its bundle folder dist/electron; packaged, nothing (the packaged module was rebuilt)', () => {
    const bundleDir = path.join(projectRoot, 'dist', 'electron');
    expect(sqliteBuildFor({ packaged: false, bundleDir, electronVersion: VERSION })).toBe(electronSqliteBuild(projectRoot, VERSION));
    expect(sqliteBuildFor({ packaged: true, bundleDir, electronVersion: VERSION })).toBeNull();
  });
});
