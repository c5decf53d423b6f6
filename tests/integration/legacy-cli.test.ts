import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLegacyArgs, runLegacyCli } from '../../web/legacy-cli';
import { ADMIN, cleanup, createOffice, manualClock, tempDir, type TestOffice } from '../support/backend';
import { encodeTcvn3 } from '../support/legacy-encode';
import { expectOk } from '../support/backend';
import { tcvn3PersonsRegister, tcvn3Register, workbookBytes } from '../support/legacy-files';

afterEach(cleanup);

async function cli(office: TestOffice, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  // The command line opens the data folder itself, as it would in its own process.
  office.backend.close();
  const code = await runLegacyCli([argv[0]!, '--data', office.dir, '--user', ADMIN.username, ...argv.slice(1)], { out: (l) => out.push(l), err: (l) => err.push(l), password: async () => ADMIN.password }, () => Date.UTC(2026, 2, 15, 2));
  return { code, out, err };
}

describe('npm run import-legacy', () => {
  it('a dry run, the import, the list and the undo of a TCVN3 register', async () => {
    const office = await createOffice({ now: manualClock(Date.UTC(2026, 2, 15, 2)).now });
    await office.backend.backups.settled();
    const file = join(tempDir(), 'so-tin-bao.xlsx');
    writeFileSync(file, await workbookBytes([tcvn3Register(encodeTcvn3)]));

    const dry = await cli(office, ['import', file]);
    expect(dry.err).toEqual([]);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('7 dòng: 5 mới (1 có ghi chú), 2 bị từ chối, 0 đã có trong sổ.');
    expect(dry.out).toContain('  Cột 5 "Nội dung" → summary (tcvn3)');
    expect(dry.out).toContain('  Dòng 7 bị từ chối: receivedAt (cột 2): không phải ngày «không rõ»');
    expect(dry.out.at(-1)).toContain('--yes');

    const real = await cli(office, ['import', '--yes', file]);
    expect(real.code).toBe(0);
    expect(real.out.at(-1)).toMatch(/^Đã nhập 5 tin báo \(mã lần nhập [0-9a-f-]{36}; bản sao lưu .+\)\.$/);
    const list = await cli(office, ['list']);
    expect(list.out).toHaveLength(1);
    const importId = list.out[0]!.split('\t')[0]!;
    const undo = await cli(office, ['undo', '--import', importId, '--reason', 'Nhập thử']);
    expect(undo.out).toEqual(['Đã hoàn tác lần nhập so-tin-bao.xlsx: 5 tin báo đã hủy (lý do: Nhập thử).']);
  });

  it('a register of persons under management: the proposals with how to merge them, the merge, the import', async () => {
    const office = await createOffice({ now: manualClock(Date.UTC(2026, 2, 15, 2)).now });
    await office.backend.backups.settled();
    const tam = expectOk(await office.call('persons.create', { fullName: 'Lê Văn Tám', birthYear: 1990 })).id;
    const file = join(tempDir(), 'so-quan-ly.xlsx');
    writeFileSync(file, await workbookBytes([tcvn3PersonsRegister(encodeTcvn3)]));
    const dry = await cli(office, ['import', '--register', 'persons', file]);
    expect(dry.err).toEqual([]);
    expect(dry.out).toContain('6 dòng: 2 mới, 1 có thể đã có, 0 đã có, 3 bị từ chối (1 có ghi chú); 3 dòng sẽ được nhập.');
    expect(dry.out).toContain(`  Dòng 4 "lê văn tám" có thể là Lê Văn Tám, sinh 1990 (gộp: --merge 4=${tam})`);
    expect(dry.out).toContain('  Dòng 6 bị từ chối: startDate (cột 7): trống (bắt buộc)');
    const real = await cli(office, ['import', '--register', 'persons', '--merge', `4=${tam}`, '--yes', file]);
    expect(real.err).toEqual([]);
    expect(real.out).toContain('6 dòng: 2 mới, 0 có thể đã có, 1 đã có, 3 bị từ chối (1 có ghi chú); 3 dòng sẽ được nhập.');
    expect(real.out.at(-1)).toMatch(/^Đã nhập 3 dòng \(mã lần nhập [0-9a-f-]{36}; bản sao lưu .+\)\.$/);
    const list = await cli(office, ['list']);
    expect(list.out[0]).toContain('3 dòng người được quản lý');
    expect(parseLegacyArgs(['import', '--data', 'x', '--user', 'y', '--register', 'cars', 'a.xlsx'])).toMatchObject({ ok: false });
    expect(parseLegacyArgs(['import', '--data', 'x', '--user', 'y', '--register', 'hotspots', '--hotspot-type', 'gambling', 'a.xlsx'])).toMatchObject({
      ok: true,
      value: { register: 'hotspots', hotspotType: 'gambling' },
    });
  });

  it('an .xls is refused with how to save it as .xlsx; bad arguments give the usage', async () => {
    const office = await createOffice();
    const file = join(tempDir(), 'so-cu.xls');
    writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const xls = await cli(office, ['import', file]);
    expect(xls.code).toBe(1);
    expect(xls.err[0]).toContain('Lưu thành › Sổ làm việc Excel (*.xlsx)');
    expect(parseLegacyArgs(['import', '--data', 'x', '--user', 'y'])).toMatchObject({ ok: false });
    expect(parseLegacyArgs(['import', '--data', 'x', '--user', 'y', '--encoding', '0=vni', 'a.xlsx'])).toMatchObject({ ok: false });
    expect(parseLegacyArgs(['import', '--data', 'x', '--user', 'y', '--encoding', '3=vni', '--open-row', '12', 'a.xlsx'])).toMatchObject({
      ok: true,
      value: { encodings: [{ column: 2, encoding: 'vni' }], openRows: [12], file: 'a.xlsx' },
    });
    expect(parseLegacyArgs(['undo', '--data', 'x', '--user', 'y'])).toMatchObject({ ok: false });
    expect(parseLegacyArgs(['frobnicate'])).toMatchObject({ ok: false });
  });
});
