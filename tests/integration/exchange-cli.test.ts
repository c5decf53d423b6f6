import { existsSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLE_MAX_BYTES } from '../../api/calls/exchange';
import { exchangeDirs } from '../../db/exchange/files';
import { runExchangeCli, parseCliArgs } from '../../web/exchange-cli';
import { ADMIN, cleanup, createOffice, expectOk, manualClock, tempDir, type TestOffice } from '../support/backend';
import { PNG_BASE64 } from '../support/call-samples';

afterEach(cleanup);

const vn = (date: string) => Date.parse(`${date}T09:00:00+07:00`);

async function cli(office: TestOffice, argv: string[], password: string = ADMIN.password) {
  const out: string[] = [];
  const err: string[] = [];
  // The command line opens the data folder itself, as it would in its own process.
  office.backend.close();
  const code = await runExchangeCli([argv[0]!, '--data', office.dir, '--user', ADMIN.username, ...argv.slice(1)], { out: (l) => out.push(l), err: (l) => err.push(l), password: async () => password });
  return { code, out, err };
}

describe('npm run exchange', () => {
  it('a province imports a folder of two communes\' bundles in one go: a dry run first, then for real', async () => {
    const clock = manualClock(vn('2026-11-20'));
    const province = await createOffice({ now: clock.now, office: { code: '38', name: 'Công an tỉnh Thanh Hóa', level: 'higher', parentCode: '100', parentName: 'Bộ Công an' }, localities: [] });
    const provinceCard = expectOk(await province.call('exchange.identity', {}));
    const communes: TestOffice[] = [];
    for (const [code, name] of [['12345', 'Công an xã Quảng Hưng'], ['12346', 'Công an xã Quảng Ninh']] as const) {
      const commune = await createOffice({ now: clock.now, office: { code, name } });
      const card = expectOk(await commune.call('exchange.identity', {}));
      expectOk(await commune.call('exchange.enrol', { publicKey: provinceCard.publicKeyFile, role: 'parent', fingerprint: provinceCard.fingerprint }));
      expectOk(await province.call('exchange.enrol', { publicKey: card.publicKeyFile, role: 'child', fingerprint: card.fingerprint }));
      expectOk(await commune.call('reports.create', { receivedAt: vn('2026-11-19'), channel: 'phone', kind: 'crime_report', categoryCode: 'theft', summary: `Tin báo của ${name}` }));
      communes.push(commune);
    }
    const folder = tempDir();
    for (const commune of communes) {
      const exported = await cli(commune, ['export', '--to', '38', '--out', folder]);
      expect(exported.err).toEqual([]);
      expect(exported.code).toBe(0);
    }
    expect(readdirSync(folder).sort()).toEqual([expect.stringMatching(/^12345-du-lieu-gui-38-\d{8}-0001\.soantt$/), expect.stringMatching(/^12346-/)]);

    const dry = await cli(province, ['import', folder]);
    expect(dry.code).toBe(0);
    expect(dry.out[0]).toMatch(/^Chạy thử 12345-.*Công an xã Quảng Hưng \(12345\), gói số 1: \d+ bản ghi — \d+ mới/);
    expect(dry.out.at(-1)).toContain('--yes');
    const real = await cli(province, ['import', '--yes', folder]);
    expect(real.code).toBe(0);
    expect(real.out.filter((line) => line.startsWith('Đã nhập'))).toHaveLength(2);

    const again = await cli(province, ['import', '--yes', folder]);
    expect(again.out[0]).toContain('Gói này đã được nhập trước đây; nhập lại không thay đổi gì.');
    expect(again.out[0]).toContain('0 mới');
  });

  it('a wrong password, a missing folder, or bad arguments: a message and a non-zero exit', async () => {
    const office = await createOffice();
    const wrong = await cli(office, ['peers'], 'sai-mat-khau-Tràm-Chim');
    expect(wrong.code).toBe(2);
    expect(wrong.err[0]).toContain('auth.invalid');
    expect(parseCliArgs(['export', '--data', 'x', '--user', 'a'])).toMatchObject({ ok: false });
    expect(parseCliArgs(['delete', '--data', 'x'])).toMatchObject({ ok: false });
    expect(parseCliArgs(['import', '--data', 'x', '--user', 'a', '--yes', 'f.soantt'])).toMatchObject({ ok: true, value: { yes: true, files: ['f.soantt'] } });
  });

  it('imports a folder whose files are not bundles: each is refused with its reason, one over 2 GiB before a byte of it is copied', async () => {
    const office = await createOffice();
    const folder = tempDir();
    const big = join(folder, 'a-qua-lon.soantt');
    writeFileSync(big, 'SO-ANTT-BUNDLE/1\n');
    truncateSync(big, BUNDLE_MAX_BYTES + 1); // sparse: no disk used
    writeFileSync(join(folder, 'b-rong.soantt'), '');
    writeFileSync(join(folder, 'c-anh.soantt'), Buffer.from(PNG_BASE64, 'base64'));
    const result = await cli(office, ['import', '--yes', folder]);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      'a-qua-lon.soantt: Tệp lớn hơn 2 GiB, không phải gói dữ liệu Sổ ANTT có thể nhận. Không nhập gì. [exchange.too_large]',
      'b-rong.soantt: Tệp không phải gói dữ liệu Sổ ANTT. [exchange.not_bundle]',
      'c-anh.soantt: Tệp không phải gói dữ liệu Sổ ANTT. [exchange.not_bundle]',
    ]);
    const { inbox } = exchangeDirs(office.dir);
    expect(existsSync(inbox) ? readdirSync(inbox) : []).toEqual([]);
  });
});
