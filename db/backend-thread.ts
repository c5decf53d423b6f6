import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { isCallName } from '../api/contract';
import { fail } from '../api/result';
import type { BackendPort, CallAnswer, PinnedSession, PinOptions } from './backend-service';
import type { KdfParams } from './keyring';
import { sqliteBinding } from './native-binding';

/** A call that takes longer than this, from the host's asking to its answer, is logged with its name. */
export const SLOW_CALL_MS = 40;

/** What the worker is started with: the Backend's options that cross a thread, and the native module build. */
export interface BackendWorkerData {
  readonly dataDir: string;
  readonly kdf?: KdfParams;
  /** This thread's answer of sqliteBinding() (db/native-binding.ts): the worker takes it as its own. */
  readonly nativeBinding: string | null;
}

/** A request to the worker; `id` pairs it with its answer. */
export type BackendRequest =
  | { readonly id: number; readonly op: 'pin'; readonly heldId: string | undefined; readonly options: PinOptions }
  | { readonly id: number; readonly op: 'call'; readonly pin: number; readonly name: string; readonly input: unknown }
  | { readonly id: number; readonly op: 'unpin'; readonly pin: number; readonly end: boolean }
  | { readonly id: number; readonly op: 'closeWhenIdle' | 'close' };

/** An error as it crosses the thread: its text and stack, for the host's log only. */
export interface ErrorText {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly code?: string;
}

/** What the worker sends: an answer, a line for the host's log, or that it could not start. */
export type BackendMessage =
  | { readonly kind: 'answer'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly kind: 'answer'; readonly id: number; readonly ok: false; readonly error: ErrorText }
  | { readonly kind: 'log'; readonly message: string; readonly error: ErrorText | null; readonly detail: unknown }
  | { readonly kind: 'ready' }
  | { readonly kind: 'failed'; readonly error: ErrorText };

export interface BackendThreadOptions {
  readonly dataDir: string;
  readonly kdf?: KdfParams;
  /** The host's log: the backend's unexpected errors and the slow calls go there (never to the user). */
  readonly log?: (message: string, error: unknown) => void;
  /** Calls slower than this are logged (default SLOW_CALL_MS; a test sets 0 to see every call's line). */
  readonly slowCallMs?: number;
  /** Tests only: starts a worker of their own instead of db/backend-worker.ts (one that fails). */
  readonly start?: (workerData: BackendWorkerData) => Worker;
}

interface Waiting {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

/** A request before its id is given. */
type Unsent = BackendRequest extends infer R ? (R extends BackendRequest ? Omit<R, 'id'> : never) : never;

/** An error's text and stack, fit for postMessage whatever was thrown. */
export function errorText(error: unknown): ErrorText {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}), ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

/** Back into an Error on the host, so its log prints the worker's stack as it prints its own. */
export function errorFromText(text: ErrorText): Error {
  const error = new Error(text.message);
  error.name = text.name;
  if (text.stack) error.stack = text.stack;
  if (text.code) Object.assign(error, { code: text.code });
  return error;
}

/**
 * The backend (db/backend.ts: the store, the dispatcher, every handler, imports, re-keys) on a worker
 * thread of the host's process (db/backend-worker.ts), behind the port both hosts use (db/backend-service.ts).
 * Electron's main thread, which also runs the window's events, and the browser host's HTTP server stay
 * free while a long call works; the calls themselves still run one thread's worth at a time, as before.
 *
 * Messages are structured clones of plain data; the worker answers every request once. If the worker
 * dies, every call waiting and every call after it is answered with a clear `internal` error (and the
 * host's log says why), never left hanging. Calls slower than SLOW_CALL_MS are logged with their name
 * and duration, never their input.
 *
 * Where the worker is: as for the backups (db/backup-thread.ts), backend-worker.cjs beside the Electron
 * bundle, or the TypeScript file through tsx's require hook when run from the sources.
 */
export class BackendThread implements BackendPort {
  readonly log: (message: string, error: unknown) => void;
  /**
   * Settles once the backend has started on its thread, or could not (the data folder cannot be made,
   * the worker's file is missing): a host awaits it before it opens a window or listens, so a backend
   * that cannot start reaches the start-up error (Electron's dialog, the web host's exit), not a window
   * whose every call fails.
   */
  readonly ready: Promise<void>;
  private readonly slowCallMs: number;
  private started: { resolve: () => void; reject: (error: Error) => void } = { resolve: () => undefined, reject: () => undefined };
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  /** Why no request is sent any more: the worker stopped, could not start, or was closed. */
  private stopped: string | null = null;
  private closing = false;

  constructor(options: BackendThreadOptions) {
    this.log = options.log ?? ((message, error) => console.error(message, error ?? ''));
    this.slowCallMs = options.slowCallMs ?? SLOW_CALL_MS;
    const workerData: BackendWorkerData = { dataDir: options.dataDir, ...(options.kdf ? { kdf: options.kdf } : {}), nativeBinding: sqliteBinding() ?? null };
    this.ready = new Promise<void>((resolve, reject) => (this.started = { resolve, reject }));
    // Nobody need await it (tests, the command lines): its rejection is not left unhandled.
    this.ready.catch(() => undefined);
    this.worker = (options.start ?? startWorker)(workerData);
    this.worker.on('message', (message: BackendMessage) => this.receive(message));
    this.worker.on('error', (error) => this.log('the backend thread failed', error));
    // An answer that cannot be read leaves its call unknown: the thread is treated as stopped, so no call hangs.
    this.worker.on('messageerror', (error) => {
      this.log('a message from the backend thread could not be read', error);
      this.stop('a message from the backend thread could not be read', false);
      void this.worker.terminate();
    });
    this.worker.once('exit', (code) => this.stop(this.closing ? 'the backend is closed' : `the backend thread stopped (exit code ${code})`, !this.closing));
  }

  async pin(heldId: string | undefined, options: PinOptions = {}): Promise<PinnedSession> {
    return (await this.request({ op: 'pin', heldId, options })) as PinnedSession;
  }

  async call(pin: number, name: string, input: unknown): Promise<CallAnswer> {
    const asked = performance.now();
    let answer: CallAnswer;
    try {
      answer = (await this.request({ op: 'call', pin, name, input })) as CallAnswer;
    } catch (error) {
      // The worker is gone (its reason is in the log): the call is answered, not left to hang.
      this.log(`call ${logName(name)} not answered`, error);
      const result = this.stopped !== null ? fail('backend.stopped', 'the backend stopped unexpectedly: restart the app') : fail('internal', 'an unexpected error happened');
      return { result, session: { id: '', live: false }, ms: 0 };
    }
    const total = performance.now() - asked;
    if (total > this.slowCallMs) this.log(`slow call ${logName(name)}: ${Math.round(total)} ms (${Math.round(answer.ms)} ms in the backend)`, null);
    return answer;
  }

  async unpin(pin: number, options: { readonly end?: boolean } = {}): Promise<void> {
    await this.request({ op: 'unpin', pin, end: options.end ?? false });
  }

  closeWhenIdle(): Promise<void> {
    return this.shutDown('closeWhenIdle');
  }

  close(): Promise<void> {
    return this.shutDown('close');
  }

  /** The store closed, then the thread ended. A second close, or one after the worker died, does nothing. */
  private async shutDown(op: 'close' | 'closeWhenIdle'): Promise<void> {
    if (this.stopped !== null || this.closing) return;
    try {
      await this.request({ op });
    } finally {
      this.closing = true;
      await this.worker.terminate();
    }
  }

  private request(request: Unsent): Promise<unknown> {
    if (this.stopped !== null) return Promise.reject(new Error(this.stopped));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      try {
        this.worker.postMessage({ ...request, id } as BackendRequest);
      } catch (error) {
        // An input that cannot be cloned (the transports hand over plain JSON, so only by mistake).
        this.waiting.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  private receive(message: BackendMessage): void {
    switch (message.kind) {
      case 'log':
        this.log(message.message, message.error ? errorFromText(message.error) : message.detail);
        return;
      case 'ready':
        this.started.resolve();
        return;
      case 'failed':
        this.log('the backend could not start', errorFromText(message.error));
        this.stop(`the backend could not start: ${message.error.message}`, false);
        return;
      case 'answer': {
        const waiting = this.waiting.get(message.id);
        if (!waiting) return;
        this.waiting.delete(message.id);
        if (message.ok) waiting.resolve(message.value);
        else waiting.reject(errorFromText(message.error));
      }
    }
  }

  private stop(reason: string, unexpected: boolean): void {
    this.started.reject(new Error(reason));
    if (this.stopped === null) {
      this.stopped = reason;
      if (unexpected) this.log(reason, null);
    }
    for (const waiting of this.waiting.values()) waiting.reject(new Error(reason));
    this.waiting.clear();
  }
}

/** A call's name as the log shows it: a name of the contract, never whatever text a request's path held. */
function logName(name: string): string {
  return isCallName(name) ? name : '(not a call of the contract)';
}

function startWorker(workerData: BackendWorkerData): Worker {
  const here = import.meta.url;
  if (here.endsWith('.cjs')) return new Worker(fileURLToPath(new URL('./backend-worker.cjs', here)), { workerData });
  const tsx = createRequire(here).resolve('tsx/cjs/api');
  const source = fileURLToPath(new URL('./backend-worker.ts', here));
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`, { eval: true, workerData });
}
