import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BackendThread } from '../db/backend-thread';
import { parseHostArgs } from './args';
import { createWebHost } from './server';

/**
 * `npm run web -- --data DIR [--port N]`: the app in a browser on this machine only. The host binds
 * to the loopback address; any other --host is refused.
 */
const parsed = parseHostArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(parsed.message);
  process.exit(2);
}
const { dataDir, port, host } = parsed.value;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = join(root, 'dist', 'renderer');
if (!existsSync(join(staticDir, 'index.html'))) {
  console.error('Chưa có giao diện đã biên dịch (dist/renderer). Chạy: npm run build:renderer');
  process.exit(2);
}
// The backend on its worker thread, as in Electron (db/backend-thread.ts): the server answers files and
// queues requests while a long call works, and the end-to-end tests exercise the same split as the app.
const backend = new BackendThread({ dataDir: resolve(dataDir) });
const server = createWebHost({ backend, staticDir });
// The host listens once the backend has started: one that cannot (the data folder cannot be made) ends
// here with a message, not in a page whose every call fails.
backend.ready.then(
  () =>
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      const shown = host.includes(':') ? `[${host}]` : host;
      console.log(`Sổ ANTT: dữ liệu tại ${resolve(dataDir)}`);
      console.log(`listening on http://${shown}:${actual}`);
    }),
  (error: unknown) => {
    console.error(`Không khởi động được Sổ ANTT với thư mục dữ liệu ${resolve(dataDir)}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
const stop = () => {
  server.close();
  // A backup being written is finished first (the daily one runs on a worker thread).
  void backend.closeWhenIdle().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
