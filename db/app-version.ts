import { version } from '../package.json';

/**
 * The app's version, package.json's: the one the installers carry (electron-builder names them with
 * it), the one the interface shows in About (setup.status), and the one every bundle carries. Bundled
 * into main.cjs at build time, so the packaged app reads no file for it.
 */
export const APP_VERSION: string = version;

/** Compares two "major.minor.patch" versions: negative when a is older than b. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(/[.+-]/).slice(0, 3).map((p) => Number.parseInt(p, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i += 1) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}
