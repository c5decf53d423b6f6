import type { CallError } from '../api/result';
import type { FieldParams } from '../api/validation';
import { isMessageKey, type I18n, type MessageKey } from './i18n';

/** The message key of a field problem sent by the schema or the backend; unknown keys read as "not valid". */
export function fieldMessageKey(key: string): MessageKey {
  return key.startsWith('v.') && isMessageKey(key) ? key : 'v.invalid';
}

/**
 * What the user reads for a field problem: with the field's name and its bound when it came with one
 * ("Họ tên tối đa 100 ký tự." for v.too_long with { max: 100 }, the message `<key>_limit`), else the
 * message of its key.
 */
export function fieldMessage(t: I18n['t'], key: string, params?: FieldParams, label?: string): string {
  const limitKey = `${key}_limit`;
  if (params && label !== undefined && isMessageKey(limitKey)) return t(limitKey, { ...params, field: label });
  return t(fieldMessageKey(key));
}

/** What the user reads for a failed call: the translation of its code, never the developer message. */
export function describeError(t: I18n['t'], error: CallError): string {
  const key: MessageKey = isMessageKey(error.code) ? error.code : 'internal';
  // A table named in the params reads as its name ("localities" → "Thôn, tổ dân phố"), never as its code.
  const table = error.params?.table;
  const tableKey = `xt.${String(table)}`;
  const params = typeof table === 'string' && isMessageKey(tableKey) ? { ...error.params, table: t(tableKey) } : error.params;
  const text = t(key, params);
  return text;
}
