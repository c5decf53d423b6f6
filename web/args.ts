import { isIP } from 'node:net';

export interface HostArgs {
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
}

export type Parsed = { readonly ok: true; readonly value: HostArgs } | { readonly ok: false; readonly message: string };

const USAGE = 'Cách dùng: npm run web -- --data THƯ_MỤC [--port SỐ] [--host 127.0.0.1]';

/** Loopback only: 127.0.0.0/8, ::1 or "localhost". The host holds a police register. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '[::1]';
}

export function parseHostArgs(argv: readonly string[]): Parsed {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const match = /^--(data|port|host)(?:=(.*))?$/.exec(arg);
    if (!match) return { ok: false, message: `Tham số không hợp lệ: ${arg}\n${USAGE}` };
    const value = match[2] ?? argv[++i];
    if (value === undefined) return { ok: false, message: `Thiếu giá trị cho --${match[1]}\n${USAGE}` };
    values.set(match[1]!, value);
  }
  const host = values.get('host') ?? '127.0.0.1';
  if (!isLoopback(host)) {
    return { ok: false, message: `Từ chối --host ${host}: máy chủ trình duyệt chỉ chạy trên địa chỉ nội bộ (127.0.0.1, ::1, localhost) để bảo vệ dữ liệu.` };
  }
  const port = Number(values.get('port') ?? '5174');
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { ok: false, message: `Cổng không hợp lệ: ${values.get('port')}\n${USAGE}` };
  return { ok: true, value: { dataDir: values.get('data') ?? '.data', port, host: host === '[::1]' ? '::1' : host } };
}
