import { fail, type Result } from '../api/result';
import type { BackendPort } from '../db/backend-service';
import { IPC_CHANNEL } from './channel';
import { isTrustedSender, type FrameLike } from '../host/guards';
import { isJsonLike } from './json-like';

/**
 * The IPC transport: the Electron counterpart of the browser host's POST /api/<call>. It adds no
 * logic of its own beyond the transport's duties (who may call, is the request well formed, which
 * session is this) and hands everything else to the backend's port (db/backend-service.ts: `dispatch`
 * on the backend's worker thread, db/backend-thread.ts), exactly as the HTTP transport does. This
 * thread, which also runs the window's events, only waits for the answer.
 *
 * It is written against the few members of Electron's ipcMain and IPC event that it reads, so unit
 * tests drive it with plain objects; Electron's real ipcMain and events satisfy these interfaces.
 */

/** The sending webContents: its id keys the session, its end ends the session. */
export interface SenderLike {
  readonly id: number;
  once(event: 'destroyed', listener: () => void): unknown;
}

/** The parts of Electron's IpcMainInvokeEvent the transport reads. */
export interface InvokeEventLike {
  readonly sender: SenderLike;
  /** Null when the frame navigated away or was destroyed before the call was handled. */
  readonly senderFrame: FrameLike | null;
}

export type InvokeListener = (event: InvokeEventLike, ...args: unknown[]) => Promise<Result<unknown>>;

/** The parts of Electron's ipcMain the transport uses. */
export interface IpcMainLike {
  handle(channel: string, listener: InvokeListener): void;
  removeHandler(channel: string): void;
}

export interface IpcTransportOptions {
  /**
   * A further check on the sending webContents, on top of the frame check: main passes "is this
   * one of the windows I created", so a webContents the shell did not make (a stray DevTools or
   * popup, should one ever exist) cannot call even if its frame claims the app's URL.
   */
  readonly isKnownSender?: (sender: SenderLike) => boolean;
}

export interface MountedIpc {
  /** The pin of a webContents' session (db/backend-service.ts), once it has made a call (for tests and diagnostics). */
  pinOf(webContentsId: number): Promise<number> | undefined;
  /** Unregisters the channel and ends every session it created (on quit). */
  unmount(): void;
}

/** Call names are short dotted identifiers; anything longer is not a call. */
const MAX_CALL_NAME_LENGTH = 100;

export function mountIpc(ipcMain: IpcMainLike, backend: BackendPort, options: IpcTransportOptions = {}): MountedIpc {
  // webContents ids are never reused during the life of the app, so they can key the sessions. Each
  // window holds one pin for its life (a promise, so that two first calls at once share it); a session
  // of it that ended (logout, a password changed elsewhere, its lifetime spent) is replaced by the
  // backend with a new anonymous one: the window starts again from the login screen.
  const pins = new Map<number, Promise<number>>();

  const release = (pin: Promise<number>): void => {
    pin.then((held) => backend.unpin(held, { end: true })).catch((error: unknown) => backend.log('ipc: a session was not ended', error));
  };

  const pinFor = (sender: SenderLike): Promise<number> => {
    const existing = pins.get(sender.id);
    if (existing) return existing;
    const pin = backend.pin(undefined, { window: true }).then((pinned) => pinned.pin);
    pins.set(sender.id, pin);
    // A closed or crashed-and-destroyed window takes its login with it.
    sender.once('destroyed', () => {
      if (pins.get(sender.id) === pin) release(pin);
      pins.delete(sender.id);
    });
    return pin;
  };

  const refuse = (reason: string, detail: unknown): Result<never> => {
    backend.log(`ipc: refused a call: ${reason}`, detail);
    return fail('request.invalid', reason);
  };

  const listener: InvokeListener = async (event, ...args) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame)) {
      return refuse('calls are accepted only from the main frame of the app window', { url: frame?.url ?? null });
    }
    if (options.isKnownSender && !options.isKnownSender(event.sender)) {
      return refuse('calls are accepted only from the app window', { webContentsId: event.sender.id });
    }
    const [name, input] = args;
    if (args.length > 2) return refuse('a call takes a name and one input', { count: args.length });
    if (typeof name !== 'string' || name.length === 0 || name.length > MAX_CALL_NAME_LENGTH) {
      return refuse('the call name must be a non-empty string', { type: typeof name });
    }
    if (!isJsonLike(input)) return refuse('the input must be plain JSON data', { call: name });
    try {
      return (await backend.call(await pinFor(event.sender), name, input)).result;
    } catch (error) {
      // The port answers every call with a Result; this only guards the contract of this module:
      // an exception here would reach the renderer as a rejected promise with Electron's text.
      backend.log(`ipc: call ${name} threw`, error);
      return fail('internal', 'an unexpected error happened; nothing was changed');
    }
  };

  ipcMain.handle(IPC_CHANNEL, listener);

  return {
    pinOf: (webContentsId) => pins.get(webContentsId),
    unmount: () => {
      ipcMain.removeHandler(IPC_CHANNEL);
      for (const pin of pins.values()) release(pin);
      pins.clear();
    },
  };
}
