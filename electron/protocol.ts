import { protocol } from 'electron';
import { serveAppRequest } from './app-files';
import { APP_SCHEME } from '../host/guards';

/**
 * The app:// scheme. The renderer is loaded from app://so-antt/ rather than file:// so that it has a
 * real, narrow origin: file:// pages share one origin with every file on the disk, can fetch any of
 * them, and cannot be given a CSP by response header.
 */

/**
 * Must run before the app's 'ready' event (Electron's rule for privileged schemes).
 * standard: URLs parse like http (host, path, relative links, a real origin, localStorage);
 * secure: treated like https (a secure context, no mixed-content downgrade);
 * supportFetchAPI: the renderer may fetch() its own files (fonts, JSON).
 * No corsEnabled, no bypassCSP: other origins cannot read app:// and the CSP always applies.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer from `rendererDir` on the default session (the one the window uses).
 * Called after 'ready'. Every response carries the CSP header; misses and refused paths are 404.
 */
export function serveRenderer(rendererDir: string, log: (message: string, error: unknown) => void): void {
  protocol.handle(APP_SCHEME, (request) =>
    serveAppRequest(rendererDir, { url: request.url, method: request.method }, (error) => log(`app protocol: could not read ${request.url}`, error)),
  );
}
