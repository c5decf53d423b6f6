import type { CallInput, CallName, CallOutput } from '../api/contract';
import { errorCodes, type CallError, type ErrorCode, type Result } from '../api/result';

/**
 * The one way the interface calls the backend. In Electron the preload exposes `window.api.invoke`;
 * in the browser host the same call is `POST /api/<call>` with a JSON body and the session cookie.
 * Either way the answer is a Result; a failure to reach the backend becomes an `internal` error.
 */

interface PreloadApi {
  invoke(call: string, input: unknown): Promise<unknown>;
}

declare global {
  interface Window {
    /** Set by Electron's preload; absent in the browser host. */
    readonly api?: PreloadApi;
  }
}

/** Codes that change what the whole app shows (the lock screen or the login screen). */
export type SessionEvent = Extract<ErrorCode, 'auth.idle_locked' | 'auth.required' | 'auth.password_change_required'>;
type Listener = (event: SessionEvent) => void;

const listeners = new Set<Listener>();
const doneListeners = new Set<(name: CallName) => void>();
let lastCallAt = Date.now();

/** Subscribes to session events raised by any call; returns the unsubscribe function. */
export function onSessionEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Subscribes to calls that succeeded, by name (renderer/data/reference-lists.ts forgets what a write changed). */
export function onCallDone(listener: (name: CallName) => void): () => void {
  doneListeners.add(listener);
  return () => doneListeners.delete(listener);
}

/** When the backend last answered a call (epoch ms): the backend counts idle time from its last call. */
export function lastCallTime(): number {
  return lastCallAt;
}

export async function invoke<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
  let raw: unknown;
  try {
    raw = window.api ? await window.api.invoke(name, input) : await post(name, input);
  } catch {
    return failure('the backend could not be reached');
  }
  if (!isResult(raw)) return failure('the backend answered with something that is not a Result');
  lastCallAt = Date.now();
  if (!raw.ok && (raw.error.code === 'auth.idle_locked' || raw.error.code === 'auth.required' || raw.error.code === 'auth.password_change_required')) {
    const event = raw.error.code;
    for (const listener of listeners) listener(event);
  }
  if (raw.ok) for (const listener of doneListeners) listener(name);
  // The shape is checked above; the value's type is the contract's promise for this call.
  return raw as Result<CallOutput<N>>;
}

async function post(name: string, input: unknown): Promise<unknown> {
  const response = await fetch(`/api/${encodeURIComponent(name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-So-Antt': '1' },
    body: JSON.stringify(input),
  });
  return (await response.json()) as unknown;
}

function failure(message: string): Result<never> {
  return { ok: false, error: { code: 'internal', message } };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  return value.ok === false && 'error' in value && isCallError(value.error);
}

function isCallError(value: unknown): value is CallError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    typeof value.code === 'string' &&
    (errorCodes as readonly string[]).includes(value.code)
  );
}
