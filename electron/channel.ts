/**
 * The one IPC channel between the preload and the main process. It lives in its own module, free
 * of imports, because both sides need it: the preload bundle inlines it, the transport registers it.
 */
export const IPC_CHANNEL = 'api:invoke';
