import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN, cleanup, createOffice, expectOk, restart, type TestOffice } from '../support/backend';

/** docs/security.md, "Files": the data folder 0700, the store, keyring, backups and attachments 0600 (POSIX). */

afterAll(() => cleanup());

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const mode = (path: string) => statSync(path).mode & 0o777;

/** Every folder and file under the data folder, with its mode. */
function modes(dir: string): { dirs: Record<string, number>; files: Record<string, number> } {
  const dirs: Record<string, number> = { '.': mode(dir) };
  const files: Record<string, number> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        dirs[rel] = mode(join(dir, rel));
        walk(rel);
      } else files[rel] = mode(join(dir, rel));
    }
  };
  walk('');
  return { dirs, files };
}

async function officeWithFiles(): Promise<TestOffice> {
  const office = await createOffice();
  const report = expectOk(
    await office.call('reports.create', { receivedAt: Date.parse('2026-03-02T10:00:00+07:00'), channel: 'in_person', kind: 'crime_report', categoryCode: 'theft', summary: 'Mất trộm xe máy' }),
  );
  expectOk(await office.call('attachments.add', { ownerTable: 'reports', ownerId: report.id, fileName: 'hiện trường.png', dataBase64: PNG.toString('base64') }));
  expectOk(await office.call('backups.create', {}));
  return office;
}

describe.skipIf(process.platform === 'win32')('file modes', () => {
  it('a new office: folders 0700, the store, keyring, backups and attachments 0600', async () => {
    const office = await officeWithFiles();
    const { dirs, files } = modes(office.backend.dataDir);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['so-antt.sqlite', 'keyring.json']));
    expect(Object.keys(files).some((name) => name.startsWith('backups/'))).toBe(true);
    expect(Object.keys(files).some((name) => name.startsWith('attachments/'))).toBe(true);
    for (const [name, value] of Object.entries(dirs)) expect(value.toString(8), name).toBe('700');
    for (const [name, value] of Object.entries(files)) expect(value.toString(8), name).toBe('600');
  });

  it('files left readable by others (an older version, a copy by hand) are corrected at the next open', async () => {
    const office = await officeWithFiles();
    const dir = office.backend.dataDir;
    await office.backend.closeWhenIdle();
    const before = modes(dir);
    for (const name of Object.keys(before.files)) chmodSync(join(dir, name), 0o644);
    for (const name of Object.keys(before.dirs)) chmodSync(join(dir, name), 0o755);
    const again = restart(office);
    await again.login(ADMIN.username, ADMIN.password);
    const after = modes(dir);
    for (const [name, value] of Object.entries(after.dirs)) expect(value.toString(8), name).toBe('700');
    for (const [name, value] of Object.entries(after.files)) expect(value.toString(8), name).toBe('600');
    again.backend.close();
  });
});
