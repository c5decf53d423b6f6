import type { ImportOutcome, ImportReason, PeerRole } from '../../../api/views';
import { isMessageKey, type I18n, type MessageKey } from '../../i18n';

/** Words for the codes the exchange calls return: roles, outcomes, reasons and table names. */

export const roleKeys: Readonly<Record<PeerRole, MessageKey>> = {
  parent: 'xc.role.parent',
  child: 'xc.role.child',
  sibling: 'xc.role.sibling',
};

export const outcomeKeys: Readonly<Record<ImportOutcome, MessageKey>> = {
  new: 'xc.outcome.new',
  updated: 'xc.outcome.updated',
  unchanged: 'xc.outcome.unchanged',
  deleted: 'xc.outcome.deleted',
  conflicts: 'xc.outcome.conflicts',
  pending: 'xc.outcome.pending',
  rejected: 'xc.outcome.rejected',
};

/** Why a record was not simply taken (api/views.ts importReasons), as `x.<reason>`. */
export const reasonKeys: Readonly<Record<ImportReason, MessageKey>> = {
  older: 'x.older',
  voided_here: 'x.voided_here',
  same_content: 'x.same_content',
  own_office: 'x.own_office',
  owner: 'x.owner',
  invalid: 'x.invalid',
  table: 'x.table',
  unique: 'x.unique',
  missing_parent: 'x.missing_parent',
  concurrent: 'x.concurrent',
  not_enrolled: 'x.not_enrolled',
};

/** A table's name as the summary shows it ("reports" → "Tin báo"); a table without a name shows its code. */
export function tableLabel(t: I18n['t'], table: string): string {
  const key = `xt.${table}`;
  return isMessageKey(key) ? t(key) : table;
}

/** A column's name as the conflict view shows it ("summary" → "Nội dung tóm tắt"); others show their code. */
export function fieldLabel(t: I18n['t'], column: string): string {
  const key = `xf.${column}`;
  return isMessageKey(key) ? t(key) : column;
}

export function reasonLabel(t: I18n['t'], reason: ImportReason | null): string {
  return reason === null ? '' : t(reasonKeys[reason]);
}

/** The fingerprint's groups of five digits ("12345 67890 …" → ["12345", "67890", …]). */
export function fingerprintGroups(fingerprint: string): string[] {
  return fingerprint.split(/\s+/).filter(Boolean);
}

/** The bundle numbers a gap leaves out: "4" for one, "4–6" for several. */
export function missingBundles(gap: { readonly expected: number; readonly got: number }): string | null {
  if (gap.got <= gap.expected) return null;
  const last = gap.got - 1;
  return last === gap.expected ? String(gap.expected) : `${gap.expected}–${last}`;
}
