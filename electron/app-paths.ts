import path from 'node:path';
import { electronSqliteBuild } from '../build/electron-sqlite-path.mjs';

/**
 * Where the shell finds its pieces and its data. Pure functions of their inputs, so the layout is
 * tested without Electron.
 */

export interface ShellPaths {
  /** The bundled preload, beside main.cjs. */
  readonly preload: string;
  /** The Vite build of the interface. */
  readonly renderer: string;
}

/**
 * The build writes dist/electron/main.cjs, dist/electron/preload.cjs and dist/renderer/. Paths are
 * taken from the bundle's own folder (its __dirname), never from the working directory, so they hold
 * both for `electron .` and inside the packaged app.asar.
 */
export function shellPaths(bundleDir: string): ShellPaths {
  return Object.freeze({
    preload: path.join(bundleDir, 'preload.cjs'),
    renderer: path.resolve(bundleDir, '..', 'renderer'),
  });
}

/** Folder name under the OS's application-data folder: plain ASCII, stable across renames. */
export const USER_DATA_FOLDER = 'so-antt';

/**
 * The office's data folder: SO_ANTT_DATA when set (a second office on one machine, a test copy, a
 * folder on another drive), otherwise `data` inside the app's user-data folder.
 */
export function resolveDataDir(env: Readonly<Record<string, string | undefined>>, userDataDir: string): string {
  const override = env.SO_ANTT_DATA?.trim();
  return override ? path.resolve(override) : path.join(userDataDir, 'data');
}

/**
 * The build of the native SQLite module the store loads under Electron (db/native-binding.ts):
 * unpackaged (`npm start`), the one `npm start` prepared for this Electron in node_modules/.cache,
 * found from the bundle's folder (dist/electron → the project); packaged, none, because
 * electron-builder rebuilt the packaged copy of the module for Electron and better-sqlite3 finds it
 * in app.asar.unpacked by itself.
 */
export function sqliteBuildFor(input: { readonly packaged: boolean; readonly bundleDir: string; readonly electronVersion: string }): string | null {
  if (input.packaged) return null;
  return electronSqliteBuild(path.resolve(input.bundleDir, '..', '..'), input.electronVersion);
}
