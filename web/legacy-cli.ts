import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { LEGACY_CHUNK_BYTES, LEGACY_FILE_MAX_BYTES, legacyRegisters, type LegacyRegister } from '../api/calls/legacy';
import { hotspotTypes, type HotspotType } from '../api/vocabulary';
import { legacyFileMessage, legacyReason } from '../api/legacy-messages';
import type { Result } from '../api/result';
import type { LegacyPreview } from '../api/views';
import { runAsUser, type CliIo } from './cli-session';
import { lastValue, parseFlags } from './flags';

/**
 * `npm run import-legacy -- …`: the import of an office's old register (issue 22) from a command line,
 * over the same calls as the import page (legacy.*): logged in as a chief or an administrator of the
 * office (the password from SO_ANTT_PASSWORD or the terminal), checked and audited the same way.
 */
export const LEGACY_USAGE = `Cách dùng:
  npm run import-legacy -- import --data THƯ_MỤC --user TÊN [--register reports|persons|hotspots]
                           [--sheet TÊN_TRANG] [--header-row SỐ] [--mapping TÊN_ÁNH_XẠ_ĐÃ_LƯU]
                           [--encoding CỘT=unicode|tcvn3|tcvn3_capitals|vni …] [--open-row SỐ …] [--all-open]
                           [--program-kind MÃ_DIỆN] [--hotspot-type LOẠI] [--merge DÒNG=MÃ …] [--yes] TỆP
  npm run import-legacy -- list --data THƯ_MỤC --user TÊN
  npm run import-legacy -- undo --data THƯ_MỤC --user TÊN --import MÃ --reason "LÝ DO"
--register: reports = sổ tiếp nhận tin báo (mặc định), persons = người được quản lý, hotspots = tụ điểm.
--merge DÒNG=MÃ: xác nhận dòng DÒNG là người (tụ điểm) đã có mã MÃ trong danh sách "có thể đã có".
Mật khẩu lấy từ biến môi trường SO_ANTT_PASSWORD, nếu không có thì hỏi khi chạy.
import không có --yes chỉ chạy thử (không thay đổi dữ liệu). Cột đánh số từ 1 (A = 1).`;

export interface LegacyCliArgs {
  readonly command: 'import' | 'list' | 'undo';
  readonly dataDir: string;
  readonly user: string;
  readonly sheet: string | null;
  readonly headerRow: number | null;
  readonly encodings: readonly { column: number; encoding: 'unicode' | 'tcvn3' | 'tcvn3_capitals' | 'vni' }[];
  readonly openRows: readonly number[];
  readonly allOpen: boolean;
  readonly register: LegacyRegister;
  readonly programKind: string | null;
  readonly hotspotType: HotspotType | null;
  readonly merges: readonly { row: number; id: string }[];
  readonly savedMapping: string | null;
  readonly yes: boolean;
  readonly importId: string | null;
  readonly reason: string | null;
  readonly file: string | null;
}

const positiveInt = (text: string) => (/^\d{1,7}$/.test(text) && Number(text) >= 1 ? Number(text) : null);

export function parseLegacyArgs(argv: readonly string[]): { ok: true; value: LegacyCliArgs } | { ok: false; message: string } {
  const [command, ...rest] = argv;
  if (command !== 'import' && command !== 'list' && command !== 'undo') return { ok: false, message: LEGACY_USAGE };
  const parsed = parseFlags(rest, {
    values: ['data', 'user', 'sheet', 'header-row', 'encoding', 'open-row', 'import', 'reason', 'register', 'program-kind', 'hotspot-type', 'merge', 'mapping'],
    switches: ['all-open', 'yes'],
    positional: true,
    usage: LEGACY_USAGE,
  });
  if (!parsed.ok) return parsed;
  const flags = parsed.value;
  const headerText = lastValue(flags, 'header-row');
  const headerRow = headerText === undefined ? null : positiveInt(headerText);
  if (headerText !== undefined && headerRow === null) return { ok: false, message: `--header-row cần một số dòng.\n${LEGACY_USAGE}` };
  const encodings: { column: number; encoding: 'unicode' | 'tcvn3' | 'tcvn3_capitals' | 'vni' }[] = [];
  for (const spec of flags.values.get('encoding') ?? []) {
    const match = /^(\d{1,3})=(unicode|tcvn3|tcvn3_capitals|vni)$/.exec(spec);
    if (!match || Number(match[1]) < 1) return { ok: false, message: `--encoding ${spec}: cần dạng CỘT=bảng_mã (vd. 3=tcvn3).\n${LEGACY_USAGE}` };
    encodings.push({ column: Number(match[1]) - 1, encoding: match[2] as 'unicode' });
  }
  const openRows: number[] = [];
  for (const text of flags.values.get('open-row') ?? []) {
    const row = positiveInt(text);
    if (row === null) return { ok: false, message: `--open-row ${text}: cần một số dòng.\n${LEGACY_USAGE}` };
    openRows.push(row);
  }
  const register = lastValue(flags, 'register') ?? 'reports';
  if (!(legacyRegisters as readonly string[]).includes(register)) return { ok: false, message: `--register ${register}: cần reports, persons hoặc hotspots.\n${LEGACY_USAGE}` };
  const hotspotType = lastValue(flags, 'hotspot-type') ?? null;
  if (hotspotType !== null && !(hotspotTypes as readonly string[]).includes(hotspotType)) return { ok: false, message: `--hotspot-type ${hotspotType}: cần một trong ${hotspotTypes.join(', ')}.\n${LEGACY_USAGE}` };
  const merges: { row: number; id: string }[] = [];
  for (const spec of flags.values.get('merge') ?? []) {
    const match = /^(\d{1,7})=([0-9a-f-]{36})$/i.exec(spec);
    if (!match || Number(match[1]) < 1) return { ok: false, message: `--merge ${spec}: cần dạng DÒNG=MÃ.\n${LEGACY_USAGE}` };
    merges.push({ row: Number(match[1]), id: match[2]!.toLowerCase() });
  }
  const args: LegacyCliArgs = {
    command,
    dataDir: lastValue(flags, 'data') ?? '',
    user: lastValue(flags, 'user') ?? '',
    sheet: lastValue(flags, 'sheet') ?? null,
    headerRow,
    encodings,
    openRows,
    allOpen: flags.switches.has('all-open'),
    register: register as LegacyRegister,
    programKind: lastValue(flags, 'program-kind') ?? null,
    hotspotType: hotspotType as HotspotType | null,
    merges,
    savedMapping: lastValue(flags, 'mapping') ?? null,
    yes: flags.switches.has('yes'),
    importId: lastValue(flags, 'import') ?? null,
    reason: lastValue(flags, 'reason') ?? null,
    file: flags.positional[0] ?? null,
  };
  if (!args.dataDir || !args.user) return { ok: false, message: `Cần --data và --user.\n${LEGACY_USAGE}` };
  if (command === 'import' && (args.file === null || flags.positional.length > 1)) return { ok: false, message: `import cần đúng một tệp.\n${LEGACY_USAGE}` };
  if (command === 'undo' && (!args.importId || !args.reason)) return { ok: false, message: `undo cần --import và --reason.\n${LEGACY_USAGE}` };
  return { ok: true, value: args };
}

function failure(io: CliIo, what: string, result: Result<unknown>): number {
  if (!result.ok) {
    const { code, message, fields } = result.error;
    const fileKey = fields?.file ?? fields?.mapping;
    const text = (fileKey ? legacyFileMessage('vi', fileKey) : null) ?? `${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`;
    io.err(`${what}: ${text} [${code}]`);
  }
  return 1;
}

const statusNames: Record<string, string> = {
  received: 'mới tiếp nhận',
  checking: 'đang kiểm tra, xác minh',
  transferred: 'đã chuyển',
  resolved_admin: 'đã giải quyết',
  resolved_mediation: 'hòa giải',
  'decided:prosecute': 'khởi tố',
  'decided:not_prosecute': 'không khởi tố',
  'decided:suspend': 'tạm đình chỉ',
};

/** The dry run as lines: the columns, the counts, then each refused and flagged row shown with its reasons. */
export function previewLines(preview: LegacyPreview): string[] {
  const lines = [`Trang "${preview.sheet}", dòng tiêu đề ${preview.headerRow}${preview.byteEncoding ? `, mã hóa tệp ${preview.byteEncoding}` : ''}.`];
  for (const c of preview.columns) {
    if (c.field !== null) lines.push(`  Cột ${c.column + 1} "${c.header}" → ${c.field} (${c.encoding}${c.encoding !== c.detected ? `, dò được ${c.detected}` : ''})`);
  }
  const k = preview.counts;
  if (preview.savedMapping) lines.push(`Dùng cách ánh xạ đã lưu "${preview.savedMapping}".`);
  if (preview.register === 'reports') lines.push(`${k.rows} dòng: ${k.new} mới (${k.flagged} có ghi chú), ${k.refused} bị từ chối, ${k.matched} đã có trong sổ.`);
  else lines.push(`${k.rows} dòng: ${k.new} mới, ${k.possible} có thể đã có, ${k.matched} đã có, ${k.refused} bị từ chối (${k.flagged} có ghi chú); ${k.writes} dòng sẽ được nhập.`);
  for (const row of preview.rows) {
    for (const c of row.outcome === 'possible' ? row.candidates : []) {
      lines.push(`  Dòng ${row.row} "${row.summary}" có thể là ${c.name}${c.birthYear !== null ? `, sinh ${c.birthYear}` : ''}${c.citizenId ? `, CCCD ${c.citizenId}` : ''}${c.address ? `, ${c.address}` : ''} (gộp: --merge ${row.row}=${c.id})`);
    }
    if (row.outcome === 'matched' || row.issues.length === 0) continue;
    const reasons = row.issues.map((i) => `${i.field}${i.column === null ? '' : ` (cột ${i.column + 1})`}: ${legacyReason('vi', i.reason)}${i.text ? ` «${i.text}»` : ''}`).join('; ');
    lines.push(`  Dòng ${row.row} ${row.outcome === 'refused' ? 'bị từ chối' : 'ghi chú'}: ${reasons}`);
  }
  for (const v of preview.values) lines.push(`  «${v.word}» (${v.field}, ${v.count} dòng) → ${v.value === null ? 'CHƯA ÁNH XẠ' : (statusNames[v.value] ?? v.value)}`);
  return lines;
}

export async function runLegacyCli(argv: readonly string[], io: CliIo, now?: () => number): Promise<number> {
  const parsed = parseLegacyArgs(argv);
  if (!parsed.ok) {
    io.err(parsed.message);
    return 2;
  }
  const args = parsed.value;
  return runAsUser(args.dataDir, args.user, io, now, async ({ call }) => {
    if (args.command === 'list') {
      const list = await call('legacy.imports', {});
      if (!list.ok) return failure(io, 'list', list);
      const unit = { reports: 'tin báo', persons: 'dòng người được quản lý', hotspots: 'tụ điểm' } as const;
      for (const i of list.value) io.out(`${i.id}\t${i.fileName}\t${i.sheet}\t${i.records} ${unit[i.register]}\t${i.undoneAt === null ? '' : `đã hoàn tác: ${i.undoReason ?? ''}`}`);
      return 0;
    }
    if (args.command === 'undo') {
      const undone = await call('legacy.undo', { importId: args.importId!, reason: args.reason! });
      if (!undone.ok) return failure(io, 'undo', undone);
      const what = undone.value.register === 'reports' ? `${undone.value.records} tin báo` : `các bản ghi của ${undone.value.records} dòng`;
      io.out(`Đã hoàn tác lần nhập ${undone.value.fileName}: ${what} đã hủy (lý do: ${args.reason}).`);
      return 0;
    }
    const file = args.file!;
    const name = basename(file);
    if (statSync(file).size > LEGACY_FILE_MAX_BYTES) {
      io.err(`${name}: ${legacyFileMessage('vi', 'legacy.too_big')}`);
      return 1;
    }
    const bytes = readFileSync(file);
    let uploadId: string | null = null;
    for (let offset = 0; offset === 0 || offset < bytes.length; offset += LEGACY_CHUNK_BYTES) {
      const piece = bytes.subarray(offset, offset + LEGACY_CHUNK_BYTES).toString('base64');
      const sent: Result<{ uploadId: string }> = await call('legacy.upload', { uploadId, fileName: name, offset, dataBase64: piece });
      if (!sent.ok) return failure(io, name, sent);
      uploadId = sent.value.uploadId;
    }
    const options = {
      uploadId: uploadId!,
      register: args.register,
      sheet: args.sheet,
      headerRow: args.headerRow,
      savedMapping: args.savedMapping,
      encodings: [...args.encodings],
      openRows: [...args.openRows],
      allOpen: args.allOpen,
      programKind: args.programKind,
      hotspotType: args.hotspotType,
      merges: [...args.merges],
    };
    const result = await call(args.yes ? 'legacy.apply' : 'legacy.preview', options);
    if (!result.ok) return failure(io, name, result);
    for (const line of previewLines(result.value)) io.out(line);
    const done = args.register === 'reports' ? `${result.value.counts.new} tin báo` : `${result.value.counts.writes} dòng`;
    if (args.yes) io.out(result.value.importId ? `Đã nhập ${done} (mã lần nhập ${result.value.importId}; bản sao lưu ${result.value.backup}).` : 'Không có dòng mới nào để nhập.');
    else io.out('Chưa thay đổi dữ liệu. Chạy lại với --yes để nhập.');
    return 0;
  });
}
