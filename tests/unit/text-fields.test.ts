import { describe, expect, it } from 'vitest';
import { optionalText, requiredText } from '../../api/fields';
import { fieldErrors } from '../../api/validation';

/**
 * Free text (api/fields.ts): trimmed, otherwise kept exactly; refused when it holds what the store or
 * an export cannot keep. Found by tests/integration/contract-fuzz.test.ts: a lone surrogate was
 * accepted and read back as U+FFFD, and NUL, BEL or ESC were stored and then dropped from .xlsx files.
 */
function outcome(schema: ReturnType<typeof requiredText> | ReturnType<typeof optionalText>, value: unknown) {
  const parsed = schema.safeParse(value);
  return parsed.success ? { kept: parsed.data } : fieldErrors(parsed.error, value)._;
}

describe('free text fields', () => {
  it('refuse C0 controls other than tab, line feed and carriage return, DEL and C1 controls', () => {
    for (const char of ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0085', '\u009f']) {
      expect(outcome(requiredText(100), `Thôn${char}Đông`), JSON.stringify(char)).toBe('v.bad_chars');
      expect(outcome(optionalText(100), `ghi ${char} chú`), JSON.stringify(char)).toBe('v.bad_chars');
    }
  });

  it('refuse lone surrogates, keep whole pairs', () => {
    expect(outcome(requiredText(100), 'Nguyễn \ud83d')).toBe('v.bad_chars');
    expect(outcome(requiredText(100), '\udc6e Nguyễn')).toBe('v.bad_chars');
    expect(outcome(requiredText(100), 'a\udc6e\ud83db')).toBe('v.bad_chars');
    expect(outcome(requiredText(100), 'Tổ 👮‍♂️ 🇻🇳')).toEqual({ kept: 'Tổ 👮‍♂️ 🇻🇳' });
  });

  it('keep tabs and line breaks inside, bidi and zero-width marks, both forms of Vietnamese, mixed scripts', () => {
    for (const text of ['dòng một\ndòng hai\r\n\tthụt lề', '\u202egnp.exe', 'a\u200bb\u200dc\u2066d\u2069', 'Nguyễn'.normalize('NFD'), 'Nguyễn'.normalize('NFC'), '山田 محمد Алексей']) {
      expect(outcome(optionalText(100), text)).toEqual({ kept: text });
    }
  });

  it('trim, then count code points against the limit; a too long text is too long before anything else', () => {
    expect(outcome(requiredText(5), ' \t\u3000Đông\n ')).toEqual({ kept: 'Đông' });
    expect(outcome(requiredText(5), '👮👮👮👮👮')).toEqual({ kept: '👮👮👮👮👮' });
    expect(outcome(requiredText(5), '👮👮👮👮👮👮')).toBe('v.too_long');
    expect(outcome(requiredText(5), 'abcdef\u0000')).toBe('v.too_long');
    expect(outcome(requiredText(5), ' \n ')).toBe('v.required');
    expect(outcome(optionalText(5), ' ')).toEqual({ kept: '' });
  });
});
