import { randomBytes } from 'node:crypto';
import { generatedOffices, SIZES, yearsUpTo } from '../db/demo/generator';
import { fillStore } from '../db/demo/write';
import { cliSession, type CliIo } from './cli-session';
import { lastValue, parseFlags } from './flags';

/**
 * `npm run generate -- …`: fills a higher office's store with generated communes' records (for trying
 * the app at province scale and for the benchmarks). An empty folder gets a new higher office with an
 * administrator named by --user; an existing one is opened by logging in as that user. The password
 * comes from SO_ANTT_PASSWORD or the terminal, as for `npm run exchange`.
 */
export const GENERATE_USAGE = `Cách dùng:
  npm run generate -- --data THƯ_MỤC --offices SỐ_XÃ --years SỐ_NĂM [--seed SỐ] [--user TÊN] [--size province|demo]
Thư mục trống: tạo Công an tỉnh (cấp trên) với tài khoản quản trị --user (mặc định admin).
Thư mục đã có dữ liệu: đăng nhập bằng --user. Mật khẩu lấy từ SO_ANTT_PASSWORD, nếu không có thì hỏi khi chạy.
--size province (mặc định): mỗi xã mỗi năm khoảng 1.000 tin báo, giao cho 8 cán bộ (tạo khi chưa có); --size demo: khoảng 300.`;

export interface GenerateArgs {
  readonly dataDir: string;
  readonly offices: number;
  readonly years: number;
  readonly seed: number;
  readonly user: string;
  readonly size: keyof typeof SIZES;
}

export function parseGenerateArgs(argv: readonly string[]): { ok: true; value: GenerateArgs } | { ok: false; message: string } {
  const parsed = parseFlags(argv, { values: ['data', 'offices', 'years', 'seed', 'user', 'size'], usage: GENERATE_USAGE });
  if (!parsed.ok) return parsed;
  const value = (name: string) => lastValue(parsed.value, name);
  const number = (name: string, fallback: number | null, min: number, max: number): number | string => {
    const raw = value(name);
    if (raw === undefined) return fallback ?? `Cần --${name}.`;
    const n = Number(raw);
    return Number.isInteger(n) && n >= min && n <= max ? n : `--${name} phải là số nguyên từ ${min} đến ${max}.`;
  };
  const offices = number('offices', null, 1, 5000);
  const years = number('years', null, 1, 30);
  const seed = number('seed', 1, 0, 2 ** 31 - 1);
  const size = value('size') ?? 'province';
  const problem = [offices, years, seed].find((value) => typeof value === 'string');
  if (!value('data')) return { ok: false, message: `Cần --data.\n${GENERATE_USAGE}` };
  if (problem !== undefined) return { ok: false, message: `${problem}\n${GENERATE_USAGE}` };
  if (size !== 'province' && size !== 'demo') return { ok: false, message: `--size là province hoặc demo.\n${GENERATE_USAGE}` };
  return { ok: true, value: { dataDir: value('data')!, offices: offices as number, years: years as number, seed: seed as number, user: value('user') ?? 'admin', size } };
}

export type GenerateIo = CliIo;

const thousands = (n: number) => Math.round(n).toLocaleString('vi-VN');

export async function runGenerateCli(argv: readonly string[], io: GenerateIo, now?: () => number): Promise<number> {
  const parsed = parseGenerateArgs(argv);
  if (!parsed.ok) {
    io.err(parsed.message);
    return 2;
  }
  const args = parsed.value;
  const { dataDir, backend, call } = cliSession(args.dataDir, io, now);
  try {
    const password = await io.password();
    if (!backend.isSetUp()) {
      const created = await call('setup.create', {
        office: { name: 'Công an tỉnh Thanh Hóa', code: '38', level: 'higher', parentName: 'Bộ Công an', parentCode: '01' },
        localities: [],
        admin: { fullName: 'Quản trị viên', rank: '', position: '', username: args.user, password, passwordConfirm: password },
      });
      if (!created.ok) {
        io.err(`Không tạo được dữ liệu mới: ${created.error.code} — ${created.error.message}`);
        return 2;
      }
      io.out(`Đã tạo Công an tỉnh Thanh Hóa (38) tại ${dataDir}, tài khoản quản trị ${args.user}.`);
    }
    const login = await call('auth.login', { username: args.user, password });
    if (!login.ok) {
      io.err(`Đăng nhập không được: ${login.error.code}`);
      return 2;
    }
    // The benchmarks' size names officers on its reports (generator v2); the demo size, none.
    const officerIds = args.size === 'province' ? await officers(call, args.user, login.value.user.id) : [];
    const store = backend.requireStore();
    const at = backend.now();
    const { from, to: today } = yearsUpTo(at, args.years);
    const started = Date.now();
    io.out(`Sinh dữ liệu ${args.offices} xã, ${from} – ${today}, hạt giống ${args.seed}…`);
    const written = fillStore(store, {
      seed: args.seed,
      offices: generatedOffices(args.offices).map((office) => ({ ...office, officerIds })),
      from,
      to: today,
      now: at,
      rates: SIZES[args.size],
      userId: login.value.user.id,
      onProgress: (records, byTable) => {
        const seconds = (Date.now() - started) / 1000;
        io.out(`  ${thousands(records)} bản ghi (${thousands(byTable.reports ?? 0)} tin báo), ${seconds.toFixed(0)} giây, ${thousands(records / seconds)} bản ghi/giây`);
      },
    });
    const seconds = (Date.now() - started) / 1000;
    io.out(`Xong: ${thousands(written.records)} bản ghi trong ${seconds.toFixed(1)} giây (${thousands(written.records / seconds)} bản ghi/giây).`);
    io.out(Object.entries(written.byTable).map(([table, n]) => `${table} ${thousands(n)}`).join(', '));
    return 0;
  } finally {
    await backend.closeWhenIdle();
  }
}

/** Officers the generated reports are assigned to (generator v2): the office's users. */
const OFFICER_NAMES = ['Lê Văn Hùng', 'Nguyễn Thị Mai', 'Trần Quốc Bảo', 'Phạm Minh Tuấn', 'Hoàng Văn Nam', 'Đỗ Thị Lan', 'Vũ Đức Thắng', 'Bùi Văn Long'];

/**
 * The officers named on generated reports: the store's users besides the administrator, the eight of
 * OFFICER_NAMES created (as officers, each with its own one-time password) when the store has none.
 */
async function officers(call: ReturnType<typeof cliSession>['call'], admin: string, adminId: string): Promise<string[]> {
  const listed = await call('users.list', {});
  const others = listed.ok ? listed.value.filter((user) => user.username !== admin).map((user) => user.id) : [];
  if (others.length > 0) return others;
  const ids: string[] = [];
  for (const [index, fullName] of OFFICER_NAMES.entries()) {
    const password = `Trực-ban-đêm-phiên-${index + 1}-${randomBytes(6).toString('hex')}`;
    const created = await call('users.create', { fullName, rank: 'Thượng úy', position: 'Cán bộ', username: `canbo${index + 1}`, role: 'officer', password, passwordConfirm: password });
    if (!created.ok) throw new Error(`users.create ${created.error.code}: ${JSON.stringify(created.error.fields ?? {})}`);
    ids.push(created.value.id);
  }
  return ids.length > 0 ? ids : [adminId];
}
