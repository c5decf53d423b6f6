import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fullName, optionalText, requiredText } from '../../api/fields';
import { fieldProblems } from '../../api/validation';
import { fieldMessage } from '../../renderer/errors';
import { translate } from '../../renderer/i18n';

/** A field problem carries the limit it passed, and the message says it (issue #18: "Tên tối đa 100 ký tự"). */
function problems(schema: z.ZodType, value: unknown) {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a problem');
  return fieldProblems(parsed.error, value);
}

const schema = z.strictObject({ fullName, note: optionalText(300), count: z.number().int().min(1).max(99), code: requiredText(10), items: z.array(z.string()).max(1) });

describe('field problems with their limits', () => {
  it('a text too long carries its maximum, a number out of bounds its bound; other problems carry none', () => {
    const { fields, fieldParams } = problems(schema, { fullName: 'A'.repeat(101), note: '', count: 0, code: '', items: ['a', 'b'] });
    expect(fields).toEqual({ fullName: 'v.too_long', count: 'v.too_small', code: 'v.required', items: 'v.too_big' });
    expect(fieldParams).toEqual({ fullName: { max: 100 }, count: { min: 1 }, code: { min: 1 } });
    expect(problems(schema, { fullName: 'An', count: 100, code: 'x', items: [] }).fieldParams).toEqual({ count: { max: 99 } });
  });

  it('the message names the field and its limit in both languages; without a limit, the key’s message', () => {
    const t = (lang: 'vi' | 'en') => (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(lang, key, params);
    expect(fieldMessage(t('vi'), 'v.too_long', { max: 100 }, 'Họ và tên')).toBe('Họ và tên tối đa 100 ký tự.');
    expect(fieldMessage(t('en'), 'v.too_long', { max: 100 }, 'Full name')).toBe('Full name: at most 100 characters.');
    expect(fieldMessage(t('vi'), 'v.too_big', { max: 99 }, 'Số lượng')).toBe('Số lượng không được lớn hơn 99.');
    expect(fieldMessage(t('vi'), 'v.too_small', { min: 1 }, 'Số lượng')).toBe('Số lượng không được nhỏ hơn 1.');
    expect(fieldMessage(t('vi'), 'v.too_long')).toBe('Nội dung quá dài.');
    expect(fieldMessage(t('vi'), 'v.required', { min: 1 }, 'Mã')).toBe('Bắt buộc nhập.');
    expect(fieldMessage(t('vi'), 'v.no_such_key')).toBe('Giá trị không hợp lệ.');
  });
});
