// Where `npm start` keeps the build of better-sqlite3-multiple-ciphers for Electron's ABI: one file per
// Electron version, beside the module's own build for Node (which the tests load) and never in its
// place. build/prepare-electron.mjs writes it; the shell (electron/main.ts) names it to the store when
// it runs unpackaged. Both import this file so they cannot disagree on the path.
import path from 'node:path';

/** Under node_modules (already ignored by git), so a fresh `npm ci` starts without it. */
export const ELECTRON_SQLITE_CACHE = path.join('node_modules', '.cache', 'so-antt-electron');

/**
 * @param {string} projectRoot the folder of package.json
 * @param {string} electronVersion e.g. "39.8.10" (process.versions.electron, or electron's package.json)
 * @returns {string} the absolute path of better_sqlite3.node built for that Electron
 */
export function electronSqliteBuild(projectRoot, electronVersion) {
  return path.join(path.resolve(projectRoot), ELECTRON_SQLITE_CACHE, electronVersion, 'better_sqlite3.node');
}
