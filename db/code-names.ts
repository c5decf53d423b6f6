/**
 * The code of a record added without one (nobody types a code name, issue #18): its Vietnamese name
 * without marks, words joined by "_" ("Người nghiện ma túy" → "nguoi_nghien_ma_tuy"), cut to `max`
 * characters, a number added when that one is taken.
 */
export function codeFromName(name: string, taken: (code: string) => boolean, prefix: string, max = 32): string {
  const plain = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, max)
    .replace(/_+$/, '');
  const base = plain.length >= 2 ? plain : `${prefix}_${plain}`.replace(/_+$/, '');
  let code = base;
  for (let n = 2; taken(code); n += 1) code = `${base}_${n}`;
  return code;
}
