import { copyFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Backend } from '../../../db/backend';
import { dispatch } from '../../../db/dispatch';
import { onRotationPoint, type RotationPoint } from '../../../db/rotation';
import type { RegisterOffice } from '../../support/register-store';
import type { BenchRow } from '../harness';

/**
 * The time a key rotation takes as an administrator deactivating a user meets it (docs/decisions.md,
 * "Keys that rotate"), on a store in `dataDir` (a copy: it is re-keyed): a user is added, then
 * deactivated, which re-keys the store, its attachments and its backups. The baseline is the I/O
 * floor of rewriting the same files: each of them copied once (copyFileSync, then removed).
 */
export async function rotationCases(office: RegisterOffice, dataDir: string): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const size = (name: string) => statSync(join(dataDir, name)).size;
  const backend = new Backend({ dataDir, log: (message, error) => console.error(message, error) });
  const session = backend.sessions.create(Date.now());
  const call = async (name: Parameters<typeof dispatch>[2], input: unknown) => {
    const result = await dispatch(backend, session, name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    return result.value as { id: string };
  };
  await call('auth.login', { username: office.username, password: office.password });
  // The login's daily backup, if the copy had none today, is one of the backups re-keyed.
  await backend.backups.settled();
  const backups = readdirSync(join(dataDir, 'backups')).filter((name) => name.endsWith('.sqlite'));
  const files = ['so-antt.sqlite', ...backups.map((name) => join('backups', name))];
  const floorStart = performance.now();
  for (const file of files) {
    copyFileSync(join(dataDir, file), join(dataDir, `${file}.floor`));
    rmSync(join(dataDir, `${file}.floor`));
  }
  const floor = performance.now() - floorStart;
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
  let previous = start;
  const steps = marks.map(([point, at]) => {
    const step = `${point} ${((at - previous) / 1000).toFixed(1)} s`;
    previous = at;
    return step;
  });
  await backend.closeWhenIdle();
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  return {
    rows: [
      {
        name: `key rotation (users.setActive → inactive): the store and ${backups.length} backup(s) re-keyed (baseline: the same files copied once)`,
        ours: { median: total, p95: total, runs: 1 },
        baseline: { median: floor, p95: floor, runs: 1 },
        note: `store ${mib(size('so-antt.sqlite'))} MiB, ${reports.n.toLocaleString('en')} reports; backups ${backups.map((name) => mib(size(join('backups', name)))).join(' + ')} MiB`,
      },
    ],
    notes: [`rotation steps: ${steps.join(', ')}`],
  };
}
