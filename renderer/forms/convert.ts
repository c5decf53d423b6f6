/**
 * Text typed in an input turned into what a schema expects. A blank or malformed number becomes NaN,
 * which the schema refuses with its own message ("v.number"), so the user sees why.
 */
export function toNumber(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}
