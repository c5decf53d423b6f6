import { readFile, stat } from 'node:fs/promises';
import { contentSecurityPolicy, mimeType, resolveAppPath } from '../host/guards';

/**
 * What the app:// protocol answers: the built renderer's files, each with the security headers.
 * Kept apart from protocol.ts (which only wires it into Electron) so tests can request files from a
 * temporary folder and read the responses without Electron.
 */

export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

/** Headers on every response, errors included: a CSP on a 404 page costs nothing. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // The files change only with an update of the app; revalidating them is cheap (local disk).
    'Cache-Control': 'no-cache',
  };
}

function textResponse(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8', ...extra },
  });
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

/**
 * Serves one request from `rootDir`. Anything the path guard refuses gets the same 404 as a missing
 * file, so a probe learns nothing about the disk.
 */
export async function serveAppRequest(
  rootDir: string,
  request: AppRequest,
  onError: (error: unknown) => void = () => {},
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return textResponse(405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
  }
  const file = resolveAppPath(rootDir, request.url);
  if (file === null) return textResponse(404, 'Not Found');
  try {
    const info = await stat(file);
    if (!info.isFile()) return textResponse(404, 'Not Found');
    const headers = { ...securityHeaders(), 'Content-Type': mimeType(file) };
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers: { ...headers, 'Content-Length': String(info.size) } });
    const body = await readFile(file);
    return new Response(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), {
      status: 200,
      headers: { ...headers, 'Content-Length': String(body.byteLength) },
    });
  } catch (error) {
    if (isMissing(error)) return textResponse(404, 'Not Found');
    // Unreadable file (permissions, disk error): a plain 500 with the headers, never the error text.
    onError(error);
    return textResponse(500, 'Internal Server Error');
  }
}
