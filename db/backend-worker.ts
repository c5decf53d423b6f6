import { parentPort, workerData } from 'node:worker_threads';
import { Backend } from './backend';
import { BackendService } from './backend-service';
import { errorText, type BackendMessage, type BackendRequest, type BackendWorkerData } from './backend-thread';
import { inheritSqliteBinding } from './native-binding';

/**
 * The worker thread of db/backend-thread.ts: one Backend on the data folder and its port
 * (db/backend-service.ts). Each request is answered once, with plain data; whatever a handler throws
 * is already a Result (db/dispatch.ts), and anything else that fails here goes back as an error's
 * text for the host's log. The backend's log lines go to the host too: the host owns the log file.
 */
const data = workerData as BackendWorkerData;
const port = parentPort;

function send(message: BackendMessage): void {
  port?.postMessage(message);
}

/** A log line for the host: an Error as its text and stack, anything else as it is when it can be cloned. */
function log(message: string, detail: unknown): void {
  if (detail instanceof Error) return send({ kind: 'log', message, error: errorText(detail), detail: null });
  try {
    send({ kind: 'log', message, error: null, detail });
  } catch {
    send({ kind: 'log', message, error: null, detail: String(detail) });
  }
}

function start(): BackendService | null {
  // Before anything opens a store: every connection of this thread, and the backups' workers it starts,
  // load the build the host's main thread chose (db/native-binding.ts).
  inheritSqliteBinding(data.nativeBinding);
  try {
    return new BackendService(new Backend({ dataDir: data.dataDir, log, ...(data.kdf ? { kdf: data.kdf } : {}) }));
  } catch (error) {
    send({ kind: 'failed', error: errorText(error) });
    return null;
  }
}

function perform(service: BackendService, request: BackendRequest): Promise<unknown> {
  switch (request.op) {
    case 'pin':
      return service.pin(request.heldId, request.options);
    case 'call':
      return service.call(request.pin, request.name, request.input);
    case 'unpin':
      return service.unpin(request.pin, { end: request.end });
    case 'closeWhenIdle':
      return service.closeWhenIdle();
    case 'close':
      return service.close();
  }
}

async function answer(service: BackendService, request: BackendRequest): Promise<void> {
  let value: unknown;
  try {
    value = await perform(service, request);
  } catch (error) {
    return send({ kind: 'answer', id: request.id, ok: false, error: errorText(error) });
  }
  try {
    send({ kind: 'answer', id: request.id, ok: true, value });
  } catch (error) {
    // A handler's output that cannot cross the thread (a function, a class with private state): the
    // call has run, but its answer cannot be carried; the host hears of it as an error, as over HTTP.
    log(`the answer to ${request.op === 'call' ? `call ${request.name}` : request.op} could not be sent`, error);
    send({ kind: 'answer', id: request.id, ok: false, error: errorText(error) });
  }
}

const service = start();
// A worker whose backend could not start listens to nothing, and ends: the host answers every call.
if (service) {
  port?.on('message', (request: BackendRequest) => void answer(service, request));
  send({ kind: 'ready' });
}
