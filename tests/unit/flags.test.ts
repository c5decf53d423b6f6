import { describe, expect, it } from 'vitest';
import { lastValue, parseFlags } from '../../web/flags';

const spec = { values: ['data', 'to'], switches: ['yes'], positional: true, usage: 'Cách dùng: thử' };

describe('the command lines’ flags', () => {
  it('takes values after the flag or after "=", repeated values in order, switches and positional arguments', () => {
    const parsed = parseFlags(['--data', '/tmp/Dữ liệu', '--to=38', '--yes', 'a.soantt', '--to', '40', 'b.soantt'], spec);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(lastValue(parsed.value, 'data')).toBe('/tmp/Dữ liệu');
    expect(parsed.value.values.get('to')).toEqual(['38', '40']);
    expect(lastValue(parsed.value, 'to')).toBe('40');
    expect(parsed.value.switches.has('yes')).toBe(true);
    expect(parsed.value.positional).toEqual(['a.soantt', 'b.soantt']);
    expect(lastValue(parsed.value, 'out')).toBeUndefined();
  });

  it('refuses an unknown flag, a missing value, a switch given a value and a positional argument where none is taken, with the usage', () => {
    const refused = (argv: string[], options = spec) => {
      const parsed = parseFlags(argv, options);
      return parsed.ok ? null : parsed.message;
    };
    expect(refused(['--data'])).toBe('Thiếu giá trị cho --data\nCách dùng: thử');
    expect(refused(['--port', '1'])).toBe('Tham số không hợp lệ: --port\nCách dùng: thử');
    expect(refused(['--yes=1'])).toBe('Tham số không hợp lệ: --yes=1\nCách dùng: thử');
    expect(refused(['tệp'], { ...spec, positional: false })).toBe('Tham số không hợp lệ: tệp\nCách dùng: thử');
    // Short options, the "--" terminator and a switch repeated with a value are not part of these command lines.
    expect(refused(['-d', '/tmp'])).toBe('Tham số không hợp lệ: -d\nCách dùng: thử');
    expect(refused(['--', 'a.soantt'])).toBe('Tham số không hợp lệ: --\nCách dùng: thử');
    expect(refused(['--data', '/tmp', '--yes', '--yes=no'])).toBe('Tham số không hợp lệ: --yes=no\nCách dùng: thử');
  });

  it('takes a value that begins with a dash, and an empty value after "="', () => {
    const parsed = parseFlags(['--to', '-5', '--data='], spec);
    expect(parsed.ok && [lastValue(parsed.value, 'to'), lastValue(parsed.value, 'data')]).toEqual(['-5', '']);
  });
});
