import { cliSession, type CliIo } from './cli-session';
import { lastValue, parseFlags } from './flags';

/**
 * `npm run verify -- --data THƯ_MỤC --user TÊN`: walks the audit log's hash chain of an office's store
 * from a command line, as the Users page does (`audit.verify`, for an administrator), and says whether it
 * holds or which entry is the first that does not match. Exit code 0 when it holds, 1 when it is broken,
 * 2 when it could not be checked.
 */
export const VERIFY_USAGE = `Cách dùng:
  npm run verify -- --data THƯ_MỤC --user TÊN
Kiểm tra chuỗi băm của nhật ký thao tác. Mật khẩu lấy từ SO_ANTT_PASSWORD, nếu không có thì hỏi khi chạy.`;

/** An instant as Vietnam time, dd/mm/yyyy HH:mm. */
function vietnamTime(at: number): string {
  const iso = new Date(at + 7 * 3_600_000).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}

export async function runVerifyCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseFlags(argv, { values: ['data', 'user'], usage: VERIFY_USAGE });
  if (!parsed.ok) {
    io.err(parsed.message);
    return 2;
  }
  const dataDir = lastValue(parsed.value, 'data');
  const user = lastValue(parsed.value, 'user');
  if (!dataDir || !user) {
    io.err(`Cần --data và --user.\n${VERIFY_USAGE}`);
    return 2;
  }
  const { backend, call } = cliSession(dataDir, io);
  try {
    const login = await call('auth.login', { username: user, password: await io.password() });
    if (!login.ok) {
      io.err(`Đăng nhập không được: ${login.error.code}`);
      return 2;
    }
    const checked = await call('audit.verify', {});
    if (!checked.ok) {
      io.err(`Không kiểm tra được: ${checked.error.code}`);
      return 2;
    }
    const { entries, broken } = checked.value;
    const count = entries.toLocaleString('vi-VN');
    if (!broken) {
      io.out(`Nhật ký thao tác nguyên vẹn: ${count} mục, chuỗi băm khớp từ đầu đến cuối.`);
      return 0;
    }
    io.out(
      `Nhật ký thao tác đã bị sửa ngoài ứng dụng: mục số ${broken.id} (${vietnamTime(broken.at)}, ${broken.call}, ${broken.action}) không khớp chuỗi băm; ` +
        `các mục từ đó về sau không còn tin cậy được. Đã kiểm tra ${count} mục.`,
    );
    return 1;
  } finally {
    backend.close();
  }
}
