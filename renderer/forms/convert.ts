/**
 * Text typed in an input turned into what a schema expects. A blank or malformed number becomes NaN,
 * which the schema refuses with its own message ("v.number"), so the user sees why.
 */
export function toNumber(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/**
 * A quantity as Vietnamese writes it: a comma before the decimals ("45,5"); a point is taken the same
 * way when there is no comma ("45.5"). Thousands separators are not accepted (ambiguous with a point).
 */
export function toDecimal(text: string): number {
  const trimmed = text.trim();
  if (!/^-?\d+([.,]\d+)?$/.test(trimmed)) return Number.NaN;
  return Number(trimmed.replace(',', '.'));
}

/** A decimal as a form holds it: "45,5". */
export function decimalText(value: number): string {
  return String(value).replace('.', ',');
}

/** An optional number: blank is null; anything else as toNumber. */
export function toOptionalNumber(text: string): number | null {
  return text.trim() === '' ? null : toNumber(text);
}

/** An optional sum in đồng, typed with or without dot thousands separators ("5.000.000"). */
export function toOptionalMoney(text: string): number | null {
  const compact = text.replace(/[\s.]/g, '');
  return compact === '' ? null : /^\d+$/.test(compact) ? Number(compact) : Number.NaN;
}

/** Blank text as null (optional dates, ids and codes chosen in a select). */
export function blankToNull<T extends string>(text: T | ''): T | null {
  return text === '' ? null : text;
}

/** A value the form holds as text: null becomes blank. */
export function textOf(value: string | number | null): string {
  return value === null ? '' : String(value);
}

/**
 * A code from a select whose first option is blank ("— Chọn —"): passed on as the schema's code type.
 * Blank is not one of the codes, and the schema refuses it with its own message ("v.required"), which
 * shows under the select; so the type is only a promise the schema checks before anything is sent.
 */
export function chosenCode<T extends string>(value: T | ''): T {
  return value as T;
}
