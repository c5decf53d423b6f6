import { isIP } from 'node:net';
import { lastValue, parseFlags } from './flags';

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
  const parsed = parseFlags(argv, { values: ['data', 'port', 'host'], usage: USAGE });
  if (!parsed.ok) return parsed;
  const value = (name: string) => lastValue(parsed.value, name);
  const host = value('host') ?? '127.0.0.1';
  if (!isLoopback(host)) {
    return { ok: false, message: `Từ chối --host ${host}: máy chủ trình duyệt chỉ chạy trên địa chỉ nội bộ (127.0.0.1, ::1, localhost) để bảo vệ dữ liệu.` };
  }
  const port = Number(value('port') ?? '5174');
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { ok: false, message: `Cổng không hợp lệ: ${value('port')}\n${USAGE}` };
  return { ok: true, value: { dataDir: value('data') ?? '.data', port, host: host === '[::1]' ? '::1' : host } };
}
