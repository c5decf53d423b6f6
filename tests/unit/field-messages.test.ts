import { describe, expect, it } from 'vitest';
import { fieldMessages } from '../../api/field-messages';
import { legacyReason } from '../../api/legacy-messages';
import { validationKeys } from '../../renderer/i18n/keys';
import { en } from '../../renderer/i18n/en';
import { vi } from '../../renderer/i18n/vi';

describe('the field rules\' messages (api/field-messages.ts)', () => {
  const keys = Object.keys(fieldMessages.vi);

  it('say every v.* key the backend can answer, in both languages, the same texts on the forms', () => {
    expect(Object.keys(fieldMessages.en).sort()).toEqual([...keys].sort());
    // Every key the backend sends, plus the forms' own wordings that name the limit ("…_limit").
    expect(keys.filter((key) => !key.endsWith('_limit')).sort()).toEqual([...validationKeys].sort());
    for (const key of keys) {
      expect(vi[key as keyof typeof vi]).toBe(fieldMessages.vi[key as keyof typeof fieldMessages.vi]);
      expect(en[key as keyof typeof en]).toBe(fieldMessages.en[key as keyof typeof fieldMessages.en]);
    }
  });

  it('give the import\'s command line a text for every rule a cell can break, never the key', () => {
    // The four the command line printed raw before the texts were shared.
    for (const key of ['v.bad_chars', 'v.too_small', 'v.too_big', 'v.number', ...keys]) {
      expect(legacyReason('vi', key)).not.toBe(key);
      expect(legacyReason('en', key)).not.toBe(key);
    }
    expect(legacyReason('vi', 'v.bad_chars')).toMatch(/ký tự không lưu được/);
  });
});
