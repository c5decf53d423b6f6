import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { contract, isCallName } from '../api/contract';
import { fail, type Result } from '../api/result';
import type { CallInfo } from '../api/views';
import type { BackendPort } from '../db/backend-service';
import { APP_ORIGIN, contentSecurityPolicy, mimeType, resolveAppPath } from '../host/guards';

/** The custom header every call must carry: a cross-site form or image cannot set it. */
export const CALL_HEADER = 'x-so-antt';
export const SESSION_COOKIE = 'so_antt_sid';
const DEFAULT_MAX_BYTES = 1024 * 1024;
/** The largest body read from a caller who is not logged in. */
export const ANONYMOUS_MAX_BYTES = 64 * 1024;

export interface WebHostOptions {
  /** The backend: on its worker thread (db/backend-thread.ts), or in this thread for a test that looks inside. */
  readonly backend: BackendPort;
  /** The built renderer (dist/renderer). */
  readonly staticDir: string;
}

/**
 * The browser host: serves the built renderer and mounts the same dispatcher as Electron's IPC at
 * POST /api/<call>. It adds no logic of its own beyond the transport's checks: loopback only (the
 * caller binds it), a session cookie (HttpOnly, SameSite=Strict), the custom header, same origin.
 */
export function createWebHost(options: WebHostOptions): Server {
  const server = createServer((request, response) => {
    // DNS rebinding: a page on another name that resolves to 127.0.0.1 reaches this port with its own
    // Host. Only the loopback names of the port actually served are answered.
    if (!loopbackHost(request.headers.host, server)) return sendText(response, 403, 'Forbidden');
    handle(options, request, response).catch((error: unknown) => {
      options.backend.log('web host request failed', error);
      if (!response.headersSent) sendJson(response, 500, fail('internal', 'an unexpected error happened'));
      else response.destroy();
    });
  });
  return server;
}

function loopbackHost(host: string | undefined, server: Server): boolean {
  const address = server.address();
  if (host === undefined || address === null || typeof address === 'string') return false;
  return [`127.0.0.1:${address.port}`, `localhost:${address.port}`, `[::1]:${address.port}`].includes(host.toLowerCase());
}

async function handle(options: WebHostOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/api/calls' && request.method === 'GET') return sendJson(response, 200, listCalls());
  if (url.pathname.startsWith('/api/')) return handleCall(options, url.pathname.slice('/api/'.length), request, response);
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed');
  return serveStatic(options.staticDir, url, request, response);
}

async function handleCall(options: WebHostOptions, name: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'POST') return sendJson(response, 405, fail('request.invalid', 'calls are POST requests'));
  if (request.headers[CALL_HEADER] !== '1') return sendJson(response, 403, fail('request.invalid', `the ${CALL_HEADER} header is missing`));
  if (!sameOrigin(request)) return sendJson(response, 403, fail('request.invalid', 'cross-origin calls are refused'));
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendJson(response, 415, fail('request.invalid', 'calls send application/json'));
  }
  const backend = options.backend;
  // The session named by the cookie, or a new one (its cookie is set when the call is answered), pinned
  // for this request: a login on it meanwhile changes its id, and the answer still follows it.
  const held = readCookie(request, SESSION_COOKIE);
  const { pin, sessionId, loggedIn, live } = await backend.pin(held);
  let called = false;
  try {
    const spec = isCallName(name) ? contract[name] : undefined;
    // A call that needs a session answers before a byte of its input is read (docs/security.md).
    if (spec && spec.permission !== 'public' && !loggedIn) {
      return finishCall(response, { id: sessionId, live }, held, fail('auth.required', 'log in first'), request);
    }
    // Without a login, a body is small: no caller without an account makes the host read megabytes.
    const limit = loggedIn ? (spec?.maxBytes ?? DEFAULT_MAX_BYTES) : Math.min(spec?.maxBytes ?? DEFAULT_MAX_BYTES, ANONYMOUS_MAX_BYTES);
    const body = await readBody(request, limit);
    if (body === null) return sendJson(response, 413, fail('request.invalid', `the request is larger than ${limit} bytes`));
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(response, 400, fail('request.invalid', 'the request body is not JSON'));
    }
    called = true;
    const answer = await backend.call(pin, name, input);
    finishCall(response, answer.session, held, answer.result);
  } finally {
    // A request's pin ends with its call; one answered before the call is let go here.
    if (!called) backend.unpin(pin).catch((error: unknown) => backend.log('web host: a session pin was not released', error));
  }
}

/**
 * Answers a call, and hands the client its session as the call left it: a new id after a login or an
 * unlock (Sessions.logIn, renew), an expired cookie when the session ended (logout, a lifetime spent).
 */
function finishCall(response: ServerResponse, session: { readonly id: string; readonly live: boolean }, held: string | undefined, result: Result<unknown>, unread?: IncomingMessage): void {
  if (!session.live) response.setHeader('Set-Cookie', expiredCookie());
  else if (session.id !== held) response.setHeader('Set-Cookie', sessionCookie(session.id));
  // A body left unread is drained, not parsed, so the connection can serve the next request.
  unread?.resume();
  sendJson(response, 200, result);
}

function sessionCookie(id: string): string {
  return `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/`;
}

function expiredCookie(): string {
  return `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
}

function readCookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** A browser sends Origin on POST; when it does, it must be this host. */
function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return origin === `http://${request.headers.host ?? ''}`;
}

/** The body, or null past the limit: a declared length over it is refused before a byte is read. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Every call with its permission and its input as JSON Schema. */
export function listCalls(): CallInfo[] {
  return Object.entries(contract).map(([name, spec]) => ({
    name,
    permission: spec.permission,
    input: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }),
  }));
}

async function serveStatic(staticDir: string, url: URL, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const file = resolveAppPath(staticDir, `${APP_ORIGIN}${url.pathname}`);
  if (!file) return sendText(response, 404, 'Not found');
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch {
    return sendText(response, 404, 'Not found');
  }
  response.writeHead(200, {
    ...securityHeaders(),
    'Content-Type': mimeType(file),
    'Content-Length': content.length,
    'Cache-Control': 'no-cache',
  });
  response.end(request.method === 'HEAD' ? undefined : content);
}

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

function sendJson(response: ServerResponse, status: number, value: Result<unknown> | CallInfo[]): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    ...securityHeaders(),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}
