import { Backend } from '../../db/backend';
import { dispatch } from '../../db/dispatch';
import { ADMIN, TEST_KDF } from './backend';

/**
 * A process of its own for tests/integration/key-rotation.test.ts: logs in as the administrator on the
 * data folder argv[2], says "ready", then deactivates user argv[3], which rotates the store key. The
 * test kills it with SIGKILL at a random moment of the rotation.
 */
const [dataDir, userId] = process.argv.slice(2);
const backend = new Backend({ dataDir: dataDir!, log: () => undefined, kdf: TEST_KDF });
const session = backend.sessions.create(Date.now());
const login = await dispatch(backend, session, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
if (!login.ok) throw new Error(`login: ${login.error.code}`);
await backend.backups.settled();
process.stdout.write('ready\n');
const result = await dispatch(backend, session, 'users.setActive', { userId: userId!, active: false });
process.stdout.write(result.ok ? 'done\n' : `failed ${result.error.code}\n`);
process.exit(0);
