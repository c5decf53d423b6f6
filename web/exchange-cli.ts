import { exchangeMessage, isExchangeMessageKey } from '../api/exchange-messages';
import { copyFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Result } from '../api/result';
import type { ImportSummary } from '../api/views';
import { AppError } from '../db/app-error';
import { outboxPath, removeStaged, stageFile } from '../db/exchange/files';
import { runAsUser, type CliIo } from './cli-session';
import { lastValue, parseFlags } from './flags';

export type { CliIo } from './cli-session';

/**
 * `npm run exchange -- …`: the exchange calls from a command line, so a higher office imports a folder
 * of communes' bundles in one go. It is one more transport over the same dispatcher: it logs in as a
 * user of the office (the password from SO_ANTT_PASSWORD or the terminal), and every call is checked
 * and audited as from the interface.
 */
export const USAGE = `Cách dùng:
  npm run exchange -- peers  --data THƯ_MỤC --user TÊN
  npm run exchange -- export --data THƯ_MỤC --user TÊN --to MÃ_ĐƠN_VỊ [--to …] [--full] [--reference] --out THƯ_MỤC_HOẶC_TỆP
  npm run exchange -- import --data THƯ_MỤC --user TÊN [--yes] TỆP_HOẶC_THƯ_MỤC…
Mật khẩu lấy từ biến môi trường SO_ANTT_PASSWORD, nếu không có thì hỏi khi chạy.
import không có --yes chỉ chạy thử (không thay đổi dữ liệu) và in kết quả dự kiến.`;

export interface CliArgs {
  readonly command: 'peers' | 'export' | 'import';
  readonly dataDir: string;
  readonly user: string;
  readonly to: readonly string[];
  readonly full: boolean;
  readonly reference: boolean;
  readonly out: string | null;
  readonly yes: boolean;
  readonly files: readonly string[];
}

export function parseCliArgs(argv: readonly string[]): { ok: true; value: CliArgs } | { ok: false; message: string } {
  const [command, ...rest] = argv;
  if (command !== 'peers' && command !== 'export' && command !== 'import') return { ok: false, message: USAGE };
  const parsed = parseFlags(rest, { values: ['data', 'user', 'to', 'out'], switches: ['full', 'reference', 'yes'], positional: true, usage: USAGE });
  if (!parsed.ok) return parsed;
  const flags = parsed.value;
  const args: CliArgs = {
    command,
    dataDir: lastValue(flags, 'data') ?? '',
    user: lastValue(flags, 'user') ?? '',
    to: flags.values.get('to') ?? [],
    full: flags.switches.has('full'),
    reference: flags.switches.has('reference'),
    out: lastValue(flags, 'out') ?? null,
    yes: flags.switches.has('yes'),
    files: flags.positional,
  };
  if (!args.dataDir || !args.user) return { ok: false, message: `Cần --data và --user.\n${USAGE}` };
  if (command === 'export' && (args.to.length === 0 || !args.out)) return { ok: false, message: `export cần --to và --out.\n${USAGE}` };
  if (command === 'import' && args.files.length === 0) return { ok: false, message: `import cần ít nhất một tệp hoặc thư mục.\n${USAGE}` };
  return { ok: true, value: args };
}

/** The bundle files named on the command line: files as given, folders by their .soantt files in name order. */
export function bundleFiles(paths: readonly string[]): string[] {
  return paths.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => name.endsWith('.soantt'))
          .sort()
          .map((name) => join(path, name))
      : [path],
  );
}

const outcomeNames = { new: 'mới', updated: 'cập nhật', unchanged: 'không đổi', deleted: 'hủy', conflicts: 'xung đột', pending: 'chờ bản ghi liên quan', rejected: 'bị từ chối' } as const;

/** A date and time in Vietnam, as the command line prints it: 07/12/2026 09:30. */
function vnDateTime(ms: number): string {
  const d = new Date(ms + 7 * 3600 * 1000).toISOString();
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)} ${d.slice(11, 16)}`;
}

export function summaryLine(summary: ImportSummary): string {
  const counts = (Object.keys(outcomeNames) as (keyof typeof outcomeNames)[]).map((key) => `${summary.counts[key]} ${outcomeNames[key]}`).join(', ');
  const office = `${summary.sender.officeName} (${summary.sender.officeCode})`;
  const notes = [
    summary.duplicate ? exchangeMessage('vi', 'exchange.replay') : null,
    summary.auditRewritten ? exchangeMessage('vi', 'exchange.audit_rewritten', { office, anchored: summary.auditRewritten.anchoredCount, count: summary.auditRewritten.count }) : null,
    ...summary.clockAhead.map((ahead) => exchangeMessage('vi', 'exchange.clock_ahead', { office: ahead.office, records: ahead.records, date: vnDateTime(ahead.newestAt) })),
    summary.gap ? `thiếu gói: chờ số ${summary.gap.expected}, nhận số ${summary.gap.got}${summary.gap.chainBroken ? ' (chuỗi không liền)' : ''}` : null,
  ].filter((note) => note !== null);
  return `${summary.sender.officeName} (${summary.sender.officeCode}), gói số ${summary.seq}: ${summary.records} bản ghi — ${counts}${notes.length ? `; ${notes.join('; ')}` : ''}`;
}


/** A refusal in Vietnamese (the exchange's own message for each cause), with its code for a script. */
function failure(io: CliIo, what: string, result: Result<unknown>): number {
  if (!result.ok) {
    const { code, message, params } = result.error;
    io.err(`${what}: ${isExchangeMessageKey(code) ? exchangeMessage('vi', code, params) : message} [${code}]`);
  }
  return 1;
}

export async function runExchangeCli(argv: readonly string[], io: CliIo, now?: () => number): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    io.err(parsed.message);
    return 2;
  }
  const args = parsed.value;
  return runAsUser(args.dataDir, args.user, io, now, async ({ dataDir, call }) => {
    const peers = await call('exchange.peers', {});
    if (!peers.ok) return failure(io, 'exchange.peers', peers);
    if (args.command === 'peers') {
      for (const peer of peers.value) io.out(`${peer.officeCode}\t${peer.officeName}\t${peer.role}\t${peer.keyId}\t${peer.fingerprint}`);
      return 0;
    }
    if (args.command === 'export') {
      const recipients = args.to.map((to) => peers.value.find((peer) => peer.keyId === to || peer.officeCode === to)?.keyId ?? to);
      const exported = await call('exchange.export', { recipients, mode: args.full ? 'full' : 'delta', kind: args.reference ? 'reference' : 'records' });
      if (!exported.ok) return failure(io, 'export', exported);
      const out = args.out!;
      const target = existsSync(out) && statSync(out).isDirectory() ? join(out, exported.value.fileName) : out;
      copyFileSync(outboxPath(dataDir, exported.value.bundleId), target);
      io.out(`Đã ghi ${target}: ${exported.value.records} bản ghi, ${exported.value.bytes} byte.`);
      return 0;
    }
    let refused = 0;
    for (const file of bundleFiles(args.files)) {
      let uploadId: string;
      try {
        uploadId = stageFile(dataDir, file);
      } catch (error) {
        // A file over the largest bundle accepted is refused before a byte of it is copied.
        if (!(error instanceof AppError)) throw error;
        refused += 1;
        failure(io, basename(file), { ok: false, error: error.toCallError() });
        continue;
      }
      try {
        const result = await call(args.yes ? 'exchange.apply' : 'exchange.preview', { uploadId });
        if (!result.ok) {
          refused += 1;
          failure(io, basename(file), result);
          continue;
        }
        io.out(`${args.yes ? 'Đã nhập' : 'Chạy thử'} ${basename(file)}: ${summaryLine(result.value)}`);
      } finally {
        removeStaged(dataDir, uploadId);
      }
    }
    if (!args.yes) io.out('Chưa thay đổi dữ liệu. Chạy lại với --yes để nhập.');
    return refused === 0 ? 0 : 1;
  });
}
