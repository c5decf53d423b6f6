import { afterEach, describe, expect, it } from 'vitest';
import { storeKeyOf } from '../../db/keyring';
import { openSqlite } from '../../db/store';
import { runVerifyCli } from '../../web/verify-cli';
import { addUser, ADMIN, cleanup, createOffice, expectOk, type TestOffice } from '../support/backend';

afterEach(cleanup);

async function verify(office: TestOffice, argv: string[], password: string = ADMIN.password) {
  const out: string[] = [];
  const err: string[] = [];
  office.backend.close();
  const code = await runVerifyCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line), password: async () => password });
  return { code, out, err };
}

describe('npm run verify', () => {
  it('says the audit chain holds, then names the entry edited behind the app', async () => {
    const office = await createOffice();
    for (let i = 0; i < 5; i += 1) expectOk(await office.call('localities.create', { name: `Thôn ${i + 1}`, kind: 'thôn' }));
    const held = await verify(office, ['--data', office.dir, '--user', ADMIN.username]);
    expect(held.err).toEqual([]);
    expect(held.code).toBe(0);
    expect(held.out.join('\n')).toMatch(/^Nhật ký thao tác nguyên vẹn: \d+ mục, chuỗi băm khớp từ đầu đến cuối\.$/);

    // An entry changed with the store key, outside the app.
    const key = await storeKeyOf(office.backend.keyring().entry(ADMIN.username)!, ADMIN.password);
    const db = openSqlite(office.backend.paths.store, key!.toString('hex'));
    const target = (db.prepare("SELECT id FROM audit_log WHERE table_name = 'localities' ORDER BY id LIMIT 1 OFFSET 2").get() as { id: number }).id;
    db.prepare(`UPDATE audit_log SET after = '{"name":"Thôn sửa lén"}' WHERE id = ?`).run(target);
    db.close();
    const broken = await verify(office, ['--data', office.dir, '--user', ADMIN.username]);
    expect(broken.code).toBe(1);
    expect(broken.out.join('\n')).toContain(`mục số ${target} (`);
    expect(broken.out.join('\n')).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}, localities\.create/);
  });

  it('refuses a wrong password, a user who may not check, and missing arguments, with exit code 2', async () => {
    const office = await createOffice();
    await addUser(office, { username: 'canbo1', password: 'mat-khau-can-bo-Tràm-Chim', role: 'officer' });
    expect((await verify(office, ['--data', office.dir, '--user', ADMIN.username], 'sai-mat-khau-Tràm-Chim')).code).toBe(2);
    const officer = await verify(office, ['--data', office.dir, '--user', 'canbo1'], 'mat-khau-can-bo-Tràm-Chim');
    expect([officer.code, officer.err]).toEqual([2, ['Không kiểm tra được: auth.forbidden']]);
    const missing = await verify(office, ['--data', office.dir]);
    expect(missing.code).toBe(2);
    expect(missing.err.join('\n')).toContain('Cần --data và --user.');
    expect((await verify(office, ['--bogus'])).code).toBe(2);
  });
});
