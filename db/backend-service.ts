import { performance } from 'node:perf_hooks';
import { fail, type Result } from '../api/result';
import type { Backend } from './backend';
import { currentUser, dispatch } from './dispatch';
import type { Session } from './sessions';

/**
 * What a host (the browser host's HTTP server, Electron's IPC transport) needs of the backend, every
 * answer a promise: the backend runs on a worker thread (db/backend-thread.ts), so nothing here hands
 * out a live object. Sessions stay in the backend; a host holds a *pin*, a number that names one
 * session object inside it for as long as the host needs it (docs/architecture.md, "The backend's thread").
 *
 * Why pins and not session ids: a login or an unlock gives the session a new id (Sessions.logIn, against
 * session fixation) and the old id must never find it again, while a host still has to follow the same
 * session from before the call (the web host reads the login state before the body) to after it (which
 * cookie to send back).
 */
export interface BackendPort {
  /**
   * Pins the session named `heldId` (a cookie), or a new anonymous one when it names none. A request's
   * pin ends with its call (or `unpin`); a window's (`window: true`) lives until `unpin`, and a session of
   * it that ended (logout, a lifetime spent) is replaced by a new anonymous one at its next call.
   */
  pin(heldId: string | undefined, options?: PinOptions): Promise<PinnedSession>;
  /** One call of the contract on the pinned session: the Result, and the session as the call left it. */
  call(pin: number, name: string, input: unknown): Promise<CallAnswer>;
  /** Forgets a pin; `end` also ends its session (a window closed). */
  unpin(pin: number, options?: { readonly end?: boolean }): Promise<void>;
  /** Closes the store once the backups queued so far are written. */
  closeWhenIdle(): Promise<void>;
  /** Closes the store now. */
  close(): Promise<void>;
  /** The host's log (unexpected errors, slow calls): developer text, never shown to the user. */
  readonly log: (message: string, error: unknown) => void;
}

export interface PinOptions {
  readonly window?: boolean;
}

export interface PinnedSession {
  readonly pin: number;
  /** The session's id now (a new one when `heldId` named none). */
  readonly sessionId: string;
  readonly loggedIn: boolean;
  /** False when reading its user ended it (deactivated, its lifetime spent): the host expires its cookie. */
  readonly live: boolean;
}

export interface CallAnswer {
  readonly result: Result<unknown>;
  /** The session after the call: its id (new after a login or an unlock), and whether it still lives. */
  readonly session: { readonly id: string; readonly live: boolean };
  /** How long the backend worked on the call, in milliseconds (waiting for the thread not counted). */
  readonly ms: number;
}

interface Pinned {
  session: Session;
  readonly window: boolean;
  /** The session's id when it was pinned: a request whose session another call renamed meanwhile (a login) is refused. */
  readonly idAtPin: string;
}

/** A pin the host no longer holds: a host's mistake, answered like any malformed request. */
const UNKNOWN_PIN = fail('request.invalid', 'the session of this call is not known');

/** A request whose session was renamed by another request's login while it was read. */
const RENAMED = fail('auth.required', 'the session changed while this request was read: send it again');

/**
 * The backend behind the port, on the thread it runs on: the worker (db/backend-worker.ts) holds one
 * and forwards each message to it; tests of a host hold one directly when they want to look at the
 * Backend itself.
 */
export class BackendService implements BackendPort {
  private readonly pins = new Map<number, Pinned>();
  private nextPin = 1;

  constructor(readonly backend: Backend) {}

  get log(): (message: string, error: unknown) => void {
    return this.backend.log;
  }

  async pin(heldId: string | undefined, options: PinOptions = {}): Promise<PinnedSession> {
    const sessions = this.backend.sessions;
    const session = sessions.get(heldId) ?? sessions.create(this.backend.now());
    const pin = this.nextPin++;
    this.pins.set(pin, { session, window: options.window ?? false, idAtPin: session.id });
    const loggedIn = currentUser(this.backend, session) !== null;
    return { pin, sessionId: session.id, loggedIn, live: sessions.isLive(session) };
  }

  async call(pin: number, name: string, input: unknown): Promise<CallAnswer> {
    const started = performance.now();
    const pinned = this.pins.get(pin);
    if (!pinned) return { result: UNKNOWN_PIN, session: { id: '', live: false }, ms: 0 };
    const sessions = this.backend.sessions;
    if (pinned.window && !sessions.isLive(pinned.session)) pinned.session = sessions.create(this.backend.now());
    else if (!pinned.window) this.pins.delete(pin);
    const session = pinned.session;
    // Another request logged in on this session while this one was read (its id changed): running on it
    // would hand this request the logged-in session's new id, a session fixation. Refused, no cookie set.
    if (!pinned.window && session.id !== pinned.idAtPin) {
      return { result: RENAMED, session: { id: pinned.idAtPin, live: true }, ms: performance.now() - started };
    }
    const result = await dispatch(this.backend, session, name, input);
    return { result, session: { id: session.id, live: sessions.isLive(session) }, ms: performance.now() - started };
  }

  async unpin(pin: number, options: { readonly end?: boolean } = {}): Promise<void> {
    const pinned = this.pins.get(pin);
    this.pins.delete(pin);
    if (pinned && options.end) this.backend.sessions.delete(pinned.session.id);
  }

  /** The session a pin holds (tests look at it; a host never sees one). */
  pinned(pin: number): Session | undefined {
    return this.pins.get(pin)?.session;
  }

  closeWhenIdle(): Promise<void> {
    return this.backend.closeWhenIdle();
  }

  async close(): Promise<void> {
    this.backend.close();
  }
}
