import type { PeerRole } from '../schema';
import { isKeyedReference, ownedReference, recordBundleTables, referenceBundleTables } from './tables';

/**
 * Who may write what through a bundle (docs/decisions.md, "Exchange: a bundle writes only what its
 * sender owns"). One pure rule, asked record by record by the import and by the export (which sends
 * only what its recipient will take), so the interface's "this record belongs to another office" holds
 * on the exchange path too.
 *
 * - A child office writes only its own records (owner = its enrolled office), whether or not the record
 *   exists here yet; in the directory only its own row. Its links may point at its own records and at
 *   the directory, campaigns and reference data its parent (this office) sent.
 * - A parent office writes reference data (matched by code), directory rows and its own campaigns,
 *   never a child's records. This office's own directory row is skipped quietly: it is kept here.
 * - A sibling (another PC of this office) passes on what this office holds legitimately: this office's
 *   records, the records of offices enrolled here as children, and the parent's directory and
 *   campaigns; each record judged by the rule for its owner, as if it came from the owner's direction.
 */
export interface Receiver {
  /** The office this installation serves. */
  readonly officeId: string;
  /** Offices enrolled here as children (not revoked). */
  readonly children: ReadonlySet<string>;
  /** Offices enrolled here as the parent (not revoked). */
  readonly parents: ReadonlySet<string>;
}

export interface Sender {
  readonly role: PeerRole;
  /** The sender's office as enrolled here (never the bundle header's claim). */
  readonly officeId: string;
}

/** The direction a record is judged from: its origin office and that office's place relative to here. */
export type Origin = { readonly as: 'child' | 'parent'; readonly officeId: string } | { readonly as: 'own'; readonly officeId: string };

export type Refusal = 'table' | 'owner' | 'directory' | 'foreign';

export type Verdict =
  | { readonly take: true; readonly origin: Origin }
  | { readonly take: false; readonly skip: true }
  | { readonly take: false; readonly skip: false; readonly why: Refusal };

export interface RecordQuestion {
  readonly table: string;
  /** The record's id (for a directory row, the office it describes). */
  readonly id: string;
  /** The owner the incoming record names (office_id). */
  readonly owner: string;
  /** The owner of the record with this id here, if there is one. */
  readonly localOwner: string | null;
}

const refuse = (why: Refusal): Verdict => ({ take: false, skip: false, why });
const childTables = new Set<string>(recordBundleTables);
const parentTables = new Set<string>(referenceBundleTables);
const ownedReferenceTables = new Set<string>(ownedReference);

/** The origin a record from this sender is judged as, by its owner; null when the sender may not pass it on. */
function originOf(receiver: Receiver, sender: Sender, question: RecordQuestion): Origin | null {
  if (sender.role === 'child') return { as: 'child', officeId: sender.officeId };
  if (sender.role === 'parent') return { as: 'parent', officeId: sender.officeId };
  // A sibling: judged by the owner's direction.
  if (question.owner === receiver.officeId) return { as: 'own', officeId: receiver.officeId };
  if (receiver.children.has(question.owner)) return { as: 'child', officeId: question.owner };
  if (receiver.parents.has(question.owner)) return { as: 'parent', officeId: question.owner };
  // The directory comes from the parent whoever a row describes; a sibling passes it on.
  if (question.table === 'offices') {
    const parent = receiver.parents.values().next();
    if (!parent.done) return { as: 'parent', officeId: parent.value };
  }
  return null;
}

/** May this sender write this record here? Pure: the caller looks up the local owner. */
export function judgeRecord(receiver: Receiver, sender: Sender, question: RecordQuestion): Verdict {
  const origin = originOf(receiver, sender, question);
  if (origin === null) return refuse('foreign');
  if (question.localOwner !== null && question.localOwner !== question.owner && !isKeyedReference(question.table)) return refuse('owner');
  switch (origin.as) {
    case 'own':
      return childTables.has(question.table) ? { take: true, origin } : refuse('table');
    case 'child':
      if (!childTables.has(question.table)) return refuse('table');
      if (question.owner !== origin.officeId) return refuse('owner');
      if (question.table === 'offices' && question.id !== origin.officeId) return refuse('directory');
      return { take: true, origin };
    case 'parent':
      if (!parentTables.has(question.table)) return refuse('table');
      if (question.table === 'offices') return question.id === receiver.officeId ? { take: false, skip: true } : { take: true, origin };
      if (isKeyedReference(question.table)) return { take: true, origin };
      return question.owner === origin.officeId ? { take: true, origin } : refuse('owner');
  }
}

/**
 * The rows that define a campaign (what it counts, where, which categories): its owner's alone. A link
 * that only refers to a campaign (a report counted in it, an operation or adjustment under it) may
 * point at the parent's.
 */
const campaignParts = new Set(['campaign_targets', 'campaign_categories', 'campaign_localities']);

/**
 * May a record of this origin, in `fromTable`, point at a record owned by `targetOwner` in
 * `targetTable`? Its own records; the directory and campaigns its parent sent (but not to redefine
 * them); this office's own records may also point at its children's (a province counts a commune's
 * report in its campaign). Never another office's records otherwise: a link would change what they
 * show (a person's name in another office's report).
 */
export function mayReference(receiver: Receiver, origin: Origin, fromTable: string, targetTable: string, targetOwner: string): boolean {
  if (targetOwner === origin.officeId) return true;
  if (origin.as === 'own' && receiver.children.has(targetOwner)) return true;
  if (!ownedReferenceTables.has(targetTable) || campaignParts.has(fromTable)) return false;
  switch (origin.as) {
    case 'child':
      return targetOwner === receiver.officeId || receiver.parents.has(targetOwner);
    case 'own':
      return receiver.parents.has(targetOwner);
    case 'parent':
      return false;
  }
}
