import path from 'node:path';

/**
 * The shell's security decisions as pure functions: which URLs are the app's own, which files the
 * app:// protocol may serve, which IPC senders are trusted, which links may leave the app. They
 * import nothing from Electron so that unit tests exercise exactly the code the shell runs.
 */

/** The renderer is served from this custom scheme and host, never from file:// or http://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'so-antt';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The Content-Security-Policy sent with every app:// response. Everything comes from the app's own
 * origin; nothing inline (scripts or styles), no plugins, no frames of ours inside other pages, no
 * forms posting anywhere. `data:` and `blob:` images are allowed for generated previews (QR codes,
 * photos picked from disk). React's `style={...}` goes through the CSSOM, which CSP does not
 * restrict, so `style-src 'self'` is enough for the Vite build.
 */
export function contentSecurityPolicy(): string {
  const directives: ReadonlyArray<readonly [string, string]> = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self' data: blob:"],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** Parses a URL without throwing: hostile input is common here, and it is simply not ours. */
function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when the URL belongs to the app's own origin. Node's URL reports origin "null" for
 * non-special schemes such as app:, so scheme, host, port and credentials are compared one by one.
 */
export function isAppUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The window may only navigate within the app itself (the renderer routes inside one document). */
export function isAllowedNavigation(url: unknown): boolean {
  return isAppUrl(url);
}

/**
 * Schemes a page of the app may load from: its own files, data it made itself, and DevTools' own
 * pages. Everything else (http, https, ws, ftp, file, smb, …) is remote content or somebody else's
 * disk, and the session cancels it before it leaves.
 */
const LOCAL_SCHEMES: ReadonlySet<string> = new Set([`${APP_SCHEME}:`, 'data:', 'blob:', 'about:', 'devtools:']);

/** True when a request stays inside the app; false for anything that would reach out. */
export function isLocalRequest(url: unknown): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  if (parsed.protocol === `${APP_SCHEME}:`) return isAppUrl(url);
  return LOCAL_SCHEMES.has(parsed.protocol);
}

/** Files without one of these extensions are routes of the single-page app: they get index.html. */
const MIME_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
});

/** The Content-Type for a file name; unknown extensions are served as opaque bytes. */
export function mimeType(fileName: string): string {
  const ext = path.extname(fileName).toLowerCase();
  return MIME_TYPES[ext] ?? 'application/octet-stream';
}

/**
 * One decoded path segment, or null when it could escape or confuse the file system: `.`/`..`
 * (also when percent-encoded), separators smuggled in encoded form, backslashes, NUL and other
 * control characters, `:` (Windows drive letters and alternate data streams), hidden files, and
 * a `%` left after decoding (double encoding: harmless here, but nothing legitimate needs it and it
 * would turn into `..` for any later layer that decodes again). Windows' special names are refused
 * on every platform: device names (`CON`, `NUL.js`, `COM1`), which Windows opens as devices
 * whatever the folder, and names ending in a dot or a space, which Windows silently trims.
 */
function safeSegment(raw: string): string | null {
  let segment: string;
  try {
    segment = decodeURIComponent(raw);
  } catch {
    return null; // malformed percent-encoding
  }
  if (segment === '' || segment.startsWith('.')) return null;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is rejected
  if (/[/\\:%\u0000-\u001f\u007f]/.test(segment)) return null;
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(segment) || /[. ]$/.test(segment)) return null;
  return segment;
}

/**
 * Maps an app:// request URL to a file inside `rootDir` (the built renderer), or null when the
 * request is not the app's or could reach outside it. Paths without an extension are routes of the
 * single-page app and resolve to index.html. `pathApi` is injectable so tests can check the
 * Windows rules (drive letters, backslashes) on any machine.
 */
export function resolveAppPath(rootDir: string, requestUrl: string, pathApi: path.PlatformPath = path): string | null {
  if (!isAppUrl(requestUrl)) return null;
  // The raw string is read rather than the parsed URL's pathname: the URL parser folds `..` and
  // `%2e%2e` segments away, which would hide an attempt we would rather refuse outright. Chromium
  // hands the protocol handler canonical URLs, so anything not spelled exactly so is refused too.
  if (requestUrl !== APP_ORIGIN && !requestUrl.startsWith(`${APP_ORIGIN}/`)) return null;
  const rawPath = requestUrl.slice(APP_ORIGIN.length).split(/[?#]/, 1)[0] ?? '';
  const rawSegments = rawPath.split('/').slice(1);
  // A trailing slash names a folder: treat it like a route.
  if (rawSegments.length > 0 && rawSegments[rawSegments.length - 1] === '') rawSegments.pop();
  const segments: string[] = [];
  for (const raw of rawSegments) {
    const segment = safeSegment(raw);
    if (segment === null) return null;
    segments.push(segment);
  }
  const last = segments[segments.length - 1];
  if (last === undefined || pathApi.extname(last) === '') {
    segments.splice(0, segments.length, 'index.html');
  }
  const root = pathApi.resolve(rootDir);
  const file = pathApi.resolve(root, ...segments);
  // Belt and braces: whatever the segment checks missed, the result must stay inside the root.
  const relative = pathApi.relative(root, file);
  if (relative === '' || relative.startsWith('..') || pathApi.isAbsolute(relative)) return null;
  return file;
}

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface FrameLike {
  readonly url: string;
  /** Null for the main (top-level) frame. */
  readonly parent: unknown;
  /** Present on Electron's frames: a frame that has navigated away or been removed. */
  readonly detached?: boolean;
}

/**
 * IPC is accepted only from the main frame of a page served by the app itself: not from an iframe,
 * not from DevTools, not from a page that somehow got loaded from file:// or the network.
 */
export function isTrustedSender(frame: FrameLike | null | undefined): boolean {
  if (frame == null) return false; // the frame navigated away or was destroyed
  if (frame.parent !== null) return false;
  if (frame.detached === true) return false;
  return isAppUrl(frame.url);
}

/**
 * Sites the app may open in the user's browser: official sources of legal texts, which the
 * interface links to from the articles of law it cites. Exact host names, https only.
 */
export const externalAllowlist: readonly string[] = Object.freeze([
  'thuvienphapluat.vn',
  'www.thuvienphapluat.vn',
  'vbpl.vn',
  'www.vbpl.vn',
]);

/** True when a link may be handed to the operating system's browser. */
export function isAllowedExternal(url: unknown): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    externalAllowlist.includes(parsed.hostname)
  );
}
