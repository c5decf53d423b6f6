import { version } from '../package.json';

/**
 * The app's version, package.json's: the one the installers carry (electron-builder names them with
 * it) and the one the interface shows in About (setup.status). Bundled into main.cjs at build time, so
 * the packaged app reads no file for it.
 */
export const APP_VERSION: string = version;
