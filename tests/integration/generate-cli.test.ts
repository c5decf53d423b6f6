import { afterEach, describe, expect, it } from 'vitest';
import { parseGenerateArgs, runGenerateCli } from '../../web/generate-cli';
import { cleanup, newBackend, tempDir } from '../support/backend';
import { summaryComparisons } from '../support/summaries';
import { Keyring } from '../../db/keyring';
import { dataPaths } from '../../db/backend';
import { dispatch } from '../../db/dispatch';

afterEach(cleanup);

const PASSWORD = 'Mật-khẩu-2026!-Tràm-Chim';
const NOW = Date.parse('2026-06-20T10:00:00+07:00');

async function run(argv: string[], password = PASSWORD) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runGenerateCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line), password: async () => password }, () => NOW);
  return { code, out, err };
}

describe('npm run generate', () => {
  it('reads its arguments and refuses what it does not know', () => {
    expect(parseGenerateArgs(['--data', 'd', '--offices', '100', '--years', '10'])).toEqual({ ok: true, value: { dataDir: 'd', offices: 100, years: 10, seed: 1, user: 'admin', size: 'province' } });
    expect(parseGenerateArgs(['--data', 'd', '--offices', '0', '--years', '1']).ok).toBe(false);
    expect(parseGenerateArgs(['--data', 'd', '--years', '1']).ok).toBe(false);
    expect(parseGenerateArgs(['--data', 'd', '--offices', '1', '--years', '1', '--size', 'huge']).ok).toBe(false);
    expect(parseGenerateArgs(['--offices', '1', '--years', '1', '--bogus']).ok).toBe(false);
  });

  it('sets up a higher office in an empty folder and fills it with communes, and refuses a wrong password on an existing one', async () => {
    const dir = tempDir();
    const first = await run(['--data', dir, '--offices', '2', '--years', '1', '--seed', '4', '--size', 'demo', '--user', 'tinh.admin']);
    expect(first.err).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.out[0]).toContain('Đã tạo Công an tỉnh Thanh Hóa (38)');
    expect(first.out.at(-2)).toMatch(/^Xong: [\d.]+ bản ghi/);
    expect(Keyring.load(dataPaths(dir).keyring).office.code).toBe('38');
    const wrong = await run(['--data', dir, '--offices', '1', '--years', '1', '--user', 'tinh.admin'], 'sai-mật-khẩu');
    expect(wrong.code).toBe(2);
    expect(wrong.err[0]).toContain('Đăng nhập không được');

    const backend = newBackend(dir);
    const session = backend.sessions.create(NOW);
    const login = await dispatch(backend, session, 'auth.login', { username: 'tinh.admin', password: PASSWORD });
    expect(login.ok).toBe(true);
    const db = backend.requireStore().sql;
    expect(db.prepare('SELECT office_id, count(*) AS n FROM reports GROUP BY office_id ORDER BY 1').all()).toEqual([
      { office_id: '15000', n: expect.any(Number) },
      { office_id: '15007', n: expect.any(Number) },
    ]);
    for (const { kept, recount } of Object.values(summaryComparisons(db))) expect(kept).toEqual(recount);
  });
});
