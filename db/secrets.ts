/**
 * Secret reporters (issue #17, docs/security.md): a report whose reporter asked for secrecy
 * (`reporterAnonymous`) shows the reporter's name, contact and address to chiefs and administrators only.
 * The dispatcher passes every result through `guardSecrets` (db/read-audit.ts), so no call, present or
 * future, hands them to anyone else: wherever a result holds an object flagged `reporterAnonymous: true`,
 * its reporter values are emptied for a user who may not see them, and collected (to be audited as a
 * reveal) for one who may. Three shapes carry them:
 * - a report (ReportDetail, ReportRow): reporterName, reporterContact, reporterAddress;
 * - a report's history entry: `changes` of the columns reporter_name, reporter_contact, reporter_address;
 * - a conflict on a report (exchange): `fields` of those columns, this side and the incoming one.
 */

const FIELDS = ['reporterName', 'reporterContact', 'reporterAddress'] as const;
const COLUMNS = new Set(['reporter_name', 'reporter_contact', 'reporter_address']);

type Json = unknown;
type Obj = Record<string, Json>;

export interface Guarded<T> {
  /** The result, with the secret values emptied when the user may not see them (a copy where changed). */
  readonly value: T;
  /** Ids of the secret reports whose values are in the result (only for a user who may see them). */
  readonly revealed: readonly string[];
  /** Whether a flagged object without an id of its own held values (a history entry): its record is the call's. */
  readonly revealedWithoutId: boolean;
}

const isObj = (value: Json): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const filled = (value: Json) => value !== null && value !== undefined && value !== '';

/** Walks `value`; `sees`: the user may see secret reporters. Objects are copied only where something is hidden. */
export function guardSecrets<T>(value: T, sees: boolean): Guarded<T> {
  const revealed = new Set<string>();
  let withoutId = false;

  const secretObject = (obj: Obj): Obj => {
    let out = obj;
    let held = false;
    const set = (key: string, next: Json) => {
      if (out === obj) out = { ...obj };
      out[key] = next;
    };
    for (const key of FIELDS) {
      if (!filled(obj[key])) continue;
      held = true;
      if (!sees) set(key, '');
    }
    for (const [list, name, sides] of [
      ['changes', 'field', ['before', 'after']],
      ['fields', 'column', ['local', 'incoming']],
    ] as const) {
      const items = obj[list];
      if (!Array.isArray(items)) continue;
      const hidden = items.map((item: Json) => {
        if (!isObj(item) || !COLUMNS.has(String(item[name]))) return item;
        if (sides.some((side) => filled(item[side]))) held = true;
        return sees ? item : { ...item, [sides[0]]: null, [sides[1]]: null, secret: true };
      });
      if (!sees) set(list, hidden);
    }
    if (held && sees) {
      const id = typeof obj.id === 'string' ? obj.id : typeof obj.recordId === 'string' ? obj.recordId : null;
      if (id) revealed.add(id);
      else withoutId = true;
    }
    return out;
  };

  const walk = (node: Json): Json => {
    if (Array.isArray(node)) {
      let out: Json[] | null = null;
      node.forEach((item, i) => {
        const next = walk(item);
        if (next !== item) (out ??= [...node])[i] = next;
      });
      return out ?? node;
    }
    if (!isObj(node)) return node;
    let out: Obj = node.reporterAnonymous === true ? secretObject(node) : node;
    for (const [key, child] of Object.entries(out)) {
      if (child === null || typeof child !== 'object') continue;
      const next = walk(child);
      if (next !== child) {
        if (out === node) out = { ...node };
        out[key] = next;
      }
    }
    return out;
  };

  return { value: walk(value) as T, revealed: [...revealed], revealedWithoutId: withoutId };
}
