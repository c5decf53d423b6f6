import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL } from './channel';

/**
 * The preload runs in the sandboxed renderer before the page, in an isolated world. It exposes one
 * function and nothing else of Node or Electron: `window.api.invoke(call, input)`, which resolves to
 * the call's Result ({ ok, value } or { ok, error }), never rejects for a failed call. ipcRenderer
 * itself is never handed to the page (that would let it send on any channel), and only the two
 * arguments are forwarded, whatever else the page passes.
 *
 * Sandboxed preloads cannot be ES modules and can require only a few built-ins, so the build
 * bundles this file (with channel.ts inlined) to CommonJS with only `electron` left external.
 */
contextBridge.exposeInMainWorld(
  'api',
  Object.freeze({
    invoke: (call: string, input?: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_CHANNEL, call, input),
  }),
);
