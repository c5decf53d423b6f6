import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Backend } from '../../db/backend';
import { dispatch } from '../../db/dispatch';
import { onRotationPoint, type RotationPoint } from '../../db/rotation';

/**
 * `SO_ANTT_PASSWORD=… npx tsx tests/bench/rotation.ts DIR [USER]`: the time a key rotation takes on a
 * copy of the office in DIR (made with `npm run generate`), as an administrator deactivating a user
 * meets it: a user is added, then deactivated, which re-keys the store, its attachments and its backups
 * (docs/decisions.md, "Keys that rotate"). Prints the time of each step. Not a test: the copy is removed.
 */
const [source, username = 'admin'] = process.argv.slice(2);
const password = process.env.SO_ANTT_PASSWORD;
if (!source || !password) {
  console.error('SO_ANTT_PASSWORD=… npx tsx tests/bench/rotation.ts DIR [USER]');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'so-antt-rotation-'));
try {
  cpSync(source, dir, { recursive: true });
  const size = (name: string) => statSync(join(dir, name)).size;
  const backend = new Backend({ dataDir: dir, log: (message, error) => console.error(message, error) });
  const session = backend.sessions.create(Date.now());
  const call = async (name: Parameters<typeof dispatch>[2], input: unknown) => {
    const result = await dispatch(backend, session, name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    return result.value as { id: string };
  };
  await call('auth.login', { username, password });
  // The login's daily backup, if the copy had none today, is one of the backups re-keyed.
  await backend.backups.settled();
  const backups = readdirSync(join(dir, 'backups')).filter((name) => name.endsWith('.sqlite'));
  const user = await call('users.create', {
    fullName: 'Người dùng thử',
    rank: 'Trung úy',
    position: 'Cán bộ',
    username: 'thu.dokhoa',
    role: 'officer',
    password: 'Thử-đổi-khóa-2026',
    passwordConfirm: 'Thử-đổi-khóa-2026',
  });
  const marks: [RotationPoint, number][] = [];
  onRotationPoint(backend, (point) => {
    if (point !== 'attachment' && point !== 'backup') marks.push([point, performance.now()]);
  });
  const start = performance.now();
  await call('users.setActive', { userId: user.id, active: false });
  const total = performance.now() - start;
  const reports = backend.requireStore().sql.prepare('SELECT count(*) AS n FROM reports').get() as { n: number };
  console.log(`store ${(size('so-antt.sqlite') / 2 ** 20).toFixed(1)} MiB, ${reports.n} reports, ${backups.length} backups (${backups.map((name) => (size(join('backups', name)) / 2 ** 20).toFixed(1)).join(' + ')} MiB)`);
  let previous = start;
  for (const [point, at] of marks) {
    console.log(`  ${point.padEnd(12)} ${((at - previous) / 1000).toFixed(2)} s`);
    previous = at;
  }
  console.log(`rotation (users.setActive → inactive): ${(total / 1000).toFixed(2)} s`);
  await backend.closeWhenIdle();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
