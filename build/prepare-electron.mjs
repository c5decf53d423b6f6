// `npm start`, step one: makes sure the things `electron .` needs beyond `npm install` are there.
//
// 1. The Electron binary (about 100 MB), which electron's own install script downloads during
//    `npm install`; when that was skipped or failed, it is downloaded here.
// 2. A build of better-sqlite3-multiple-ciphers for Electron's ABI, once per Electron version, in
//    node_modules/.cache/so-antt-electron/<version>/better_sqlite3.node (build/electron-sqlite-path.mjs).
//    The module's own build in node_modules stays built for Node: the tests load it. The Electron build
//    is made in a COPY of the module, never in place: first the prebuilt binary for
//    `--runtime electron --target <version>` (prebuild-install, a few MB), else a compile with node-gyp
//    against Electron's headers (a C++ toolchain and a few minutes).
//
// When something cannot be downloaded it says so in Vietnamese and English and exits 1; the tools'
// own output goes to a log file, never to the console as a stack trace.
//
// Only `npm start` runs this file; the tests import its functions and run nothing that downloads.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { electronSqliteBuild } from './electron-sqlite-path.mjs';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const SQLITE_MODULE = 'better-sqlite3-multiple-ciphers';

/**
 * The installed Electron: its version from node_modules/electron/package.json, and whether its binary
 * was downloaded (electron's install script writes path.txt and dist/ when it does).
 * @param {string} root
 * @returns {{ version: string, binaryPresent: boolean }}
 */
export function installedElectron(root) {
  const dir = path.join(root, 'node_modules', 'electron');
  let version;
  try {
    version = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  } catch {
    throw new PrepareError('electron-missing');
  }
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) throw new PrepareError('electron-missing');
  let binaryPresent = false;
  try {
    const executable = readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    binaryPresent = executable !== '' && existsSync(path.join(dir, 'dist', executable));
  } catch {
    binaryPresent = false;
  }
  return { version, binaryPresent };
}

/**
 * The commands that make the Electron build in `workDir` (a copy of the module), in the order tried.
 * @param {{ root: string, workDir: string, electronVersion: string, platform: string, arch: string, node: string }} options
 * @returns {{ name: 'prebuilt' | 'compile', command: string, args: string[], cwd: string }[]}
 */
export function buildCommands(options) {
  const { root, workDir, electronVersion, platform, arch, node } = options;
  const fromModule = createRequire(path.join(root, 'node_modules', SQLITE_MODULE, 'package.json'));
  const fromRoot = createRequire(path.join(root, 'package.json'));
  return [
    {
      name: 'prebuilt',
      command: node,
      args: [fromModule.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion, '--platform', platform, '--arch', arch],
      cwd: workDir,
    },
    {
      name: 'compile',
      command: node,
      args: [
        fromRoot.resolve('node-gyp/bin/node-gyp.js'),
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      cwd: workDir,
    },
  ];
}

/**
 * The environment for the build tools: npm's own package variables of `npm start` are about so-antt,
 * not about the module being built (prebuild-install reads npm_package_from), so they are left out.
 * npm's configuration (proxy, cache) is kept.
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {Record<string, string>}
 */
export function toolEnv(env) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined || /^npm_package_/i.test(key) || /^npm_lifecycle_/i.test(key)) continue;
    out[key] = value;
  }
  return out;
}

/** Text in the tools' output that means the network could not be reached. */
const NETWORK_FAILURE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|network/i;

/** @param {string} output */
export function isNetworkFailure(output) {
  return NETWORK_FAILURE.test(output);
}

/** A failure with a message for the person who typed `npm start`. */
export class PrepareError extends Error {
  /**
   * @param {'electron-missing' | 'electron-skipped' | 'offline' | 'build-failed'} kind
   * @param {{ electronVersion?: string, logFile?: string }} [details]
   */
  constructor(kind, details = {}) {
    super(kind);
    this.kind = kind;
    this.details = details;
  }
}

/**
 * What the console says when a step fails: Vietnamese first, then English; no stack trace.
 * @param {PrepareError} error
 * @returns {string}
 */
export function failureMessage(error) {
  const version = error.details.electronVersion ?? '';
  const log = error.details.logFile ? [`Chi tiết / Details: ${error.details.logFile}`] : [];
  switch (error.kind) {
    case 'electron-missing':
      return [
        'Chưa cài Electron. Hãy chạy `npm install` trước `npm start`.',
        'Electron is not installed. Run `npm install` before `npm start`.',
      ].join('\n');
    case 'electron-skipped':
      return [
        `Chưa có chương trình Electron ${version}: biến môi trường ELECTRON_SKIP_BINARY_DOWNLOAD đang bật nên không tải được.`,
        'Hãy bỏ biến này rồi chạy lại `npm start`.',
        `The Electron ${version} binary is missing and ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is not downloaded.`,
        'Unset it and run `npm start` again.',
      ].join('\n');
    case 'offline':
      return [
        `Không tải được thành phần cần cho Electron ${version} (chương trình Electron hoặc mô-đun SQLite dựng sẵn).`,
        'Hãy kiểm tra kết nối Internet (hoặc proxy) rồi chạy lại `npm start`. Chỉ lần chạy đầu tiên cần Internet.',
        `Could not download what Electron ${version} needs (the Electron binary or the prebuilt SQLite module).`,
        'Check the Internet connection (or proxy) and run `npm start` again. Only the first run needs the Internet.',
        ...log,
      ].join('\n');
    case 'build-failed':
      return [
        `Không dựng được mô-đun SQLite cho Electron ${version}: không có bản dựng sẵn và biên dịch không thành công`,
        '(cần Python và trình biên dịch C++: Visual Studio Build Tools trên Windows, build-essential trên Linux).',
        `Could not build the SQLite module for Electron ${version}: no prebuilt binary was found and compiling it failed`,
        '(it needs Python and a C++ compiler: Visual Studio Build Tools on Windows, build-essential on Linux).',
        ...log,
      ].join('\n');
    default:
      return String(error.kind);
  }
}

/**
 * Runs a command with its output appended to `logFile`; resolves with its exit code and output.
 * @param {{ command: string, args: string[], cwd: string, env: Record<string, string>, logFile: string }} step
 * @returns {Promise<{ code: number, output: string }>}
 */
export function runLogged(step) {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { cwd: step.cwd, env: step.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let output = '';
    const keep = (/** @type {Buffer} */ chunk) => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => resolve({ code: 1, output: `${output}\n${error.message}` }));
    child.on('close', (code) => {
      writeFileSync(step.logFile, `$ ${[step.command, ...step.args].join(' ')}\n${output}\n`, { flag: 'a' });
      resolve({ code: code ?? 1, output });
    });
  });
}

/**
 * Prepares Electron and its SQLite build; does nothing when both are already there.
 * @param {{
 *   root?: string,
 *   env?: Readonly<Record<string, string | undefined>>,
 *   platform?: string,
 *   arch?: string,
 *   run?: typeof runLogged,
 *   say?: (line: string) => void,
 * }} [options]
 * @returns {Promise<{ electronVersion: string, binding: string, made: boolean }>}
 */
export async function prepareElectron(options = {}) {
  const root = options.root ?? projectRoot;
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  const run = options.run ?? runLogged;
  const say = options.say ?? ((line) => console.log(line));
  const node = process.execPath;
  const tools = toolEnv(env);

  const electron = installedElectron(root);
  const binding = electronSqliteBuild(root, electron.version);
  const cacheDir = path.dirname(binding);
  mkdirSync(cacheDir, { recursive: true });
  const logFile = path.join(cacheDir, 'prepare.log');
  const details = { electronVersion: electron.version, logFile };

  if (!electron.binaryPresent) {
    if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) throw new PrepareError('electron-skipped', details);
    say(`Đang tải Electron ${electron.version} (khoảng 100 MB, chỉ lần đầu) / Downloading Electron ${electron.version} (about 100 MB, first run only)…`);
    const installer = path.join(root, 'node_modules', 'electron', 'install.js');
    const result = await run({ command: node, args: [installer], cwd: path.dirname(installer), env: tools, logFile });
    if (result.code !== 0 || !installedElectron(root).binaryPresent) throw new PrepareError('offline', details);
  }

  if (existsSync(binding)) return { electronVersion: electron.version, binding, made: false };

  say(`Đang chuẩn bị mô-đun SQLite cho Electron ${electron.version} (chỉ lần đầu) / Preparing the SQLite module for Electron ${electron.version} (first run only)…`);
  const workDir = path.join(cacheDir, 'work');
  rmSync(workDir, { recursive: true, force: true });
  const moduleDir = path.join(root, 'node_modules', SQLITE_MODULE);
  // The copy leaves out the Node build, so what ends up in build/Release is the Electron one.
  cpSync(moduleDir, workDir, { recursive: true, filter: (source) => path.relative(moduleDir, source).split(path.sep)[0] !== 'build' });
  const built = path.join(workDir, 'build', 'Release', 'better_sqlite3.node');
  let sawNetworkFailure = false;
  try {
    for (const step of buildCommands({ root, workDir, electronVersion: electron.version, platform, arch, node })) {
      if (step.name === 'compile') say('Không có bản dựng sẵn, đang biên dịch (vài phút) / No prebuilt binary, compiling (a few minutes)…');
      const result = await run({ ...step, env: tools, logFile });
      if (result.code === 0 && existsSync(built)) {
        // Written under another name and renamed, so an interrupted run never leaves half a file.
        const partial = `${binding}.partial`;
        cpSync(built, partial);
        renameSync(partial, binding);
        return { electronVersion: electron.version, binding, made: true };
      }
      if (isNetworkFailure(result.output)) sawNetworkFailure = true;
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  throw new PrepareError(sawNetworkFailure ? 'offline' : 'build-failed', details);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const result = await prepareElectron();
    if (result.made) console.log(`Mô-đun SQLite cho Electron / SQLite module for Electron: ${result.binding}`);
  } catch (error) {
    console.error(
      error instanceof PrepareError
        ? failureMessage(error)
        : `Không chuẩn bị được Electron / Could not prepare Electron: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = 1;
  }
}
