import type { Channel, Decision, PersonRole, ReportKind, ReportStatus } from '../vocabulary';
import type { AttachmentView } from './attachments';
import type { PersonView } from './people';

/** What the calls of api/calls/register.ts return (docs/architecture.md, "The contract"). */
export interface Deadline {
  readonly kind: 'transfer' | 'notice' | 'decision';
  /** Exclusive end, epoch ms: a limit "until 24:00 of D" ends at the start of D+1. */
  readonly dueAt: number;
  readonly done: boolean;
  /** When it was met, where the record says (transfer, notice, decision): a late action shows how late. */
  readonly doneAt: number | null;
  /**
   * The decision limit of a report transferred to the investigating body: that body decides, so the
   * commune's limit is neither met nor open (CPC 2015 art. 146, 147).
   */
  readonly passedOn: boolean;
}

/** One row of the register list. */
export interface ReportRow {
  readonly id: string;
  readonly officeId: string;
  readonly number: string;
  readonly receivedAt: number;
  readonly kind: ReportKind;
  readonly categoryCode: string | null;
  readonly categoryName: string | null;
  readonly status: ReportStatus;
  readonly summary: string;
  readonly localityName: string | null;
  readonly officerName: string | null;
  readonly nextDueAt: number | null;
  readonly voided: boolean;
  readonly voidReason: string | null;
  /** What a register extract prints beside each entry: the source and the outcome. */
  readonly channel: Channel;
  readonly reporterName: string;
  readonly reporterAnonymous: boolean;
  readonly transferredAt: number | null;
  readonly transferredTo: string;
  readonly decision: Decision | null;
  readonly decisionAt: number | null;
  readonly decisionNo: string;
  readonly resolutionNote: string;
}

export interface ReportPerson {
  readonly linkId: string;
  readonly role: PersonRole;
  readonly person: PersonView;
}

export interface ReportDetail {
  readonly id: string;
  readonly version: string;
  readonly officeId: string;
  readonly number: string;
  readonly registerYear: number;
  readonly registerNo: number;
  readonly receivedAt: number;
  readonly occurredOn: string | null;
  readonly occurredNote: string;
  readonly channel: Channel;
  readonly kind: ReportKind;
  readonly categoryCode: string | null;
  readonly localityId: string | null;
  readonly address: string;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly reporterName: string;
  readonly reporterContact: string;
  readonly reporterAddress: string;
  readonly reporterAnonymous: boolean;
  readonly summary: string;
  readonly description: string;
  readonly deaths: number | null;
  readonly injuries: number | null;
  readonly damage: number | null;
  readonly sanctionDecision: string;
  readonly fine: number | null;
  readonly officerId: string | null;
  readonly status: ReportStatus;
  readonly complex: boolean;
  readonly transferredAt: number | null;
  readonly transferredTo: string;
  readonly noticeSentAt: number | null;
  readonly decision: Decision | null;
  readonly decisionAt: number | null;
  readonly decisionNo: string;
  readonly extensionNo: string;
  readonly extendedUntil: string | null;
  readonly extensionLimit: string;
  readonly resolutionNote: string;
  readonly deadlines: readonly Deadline[];
  readonly persons: readonly ReportPerson[];
  readonly attachments: readonly AttachmentView[];
  readonly voided: boolean;
  readonly voidReason: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface HistoryEntry {
  readonly at: number;
  readonly userName: string | null;
  readonly action: string;
  /** The reporter's values in this entry are secret (db/secrets.ts): only chiefs and administrators get them. */
  readonly reporterAnonymous: boolean;
  /** Field (column) → value before and after; only the fields that changed. `secret`: the values were withheld. */
  readonly changes: readonly { readonly field: string; readonly before: unknown; readonly after: unknown; readonly secret?: boolean }[];
  /** For the entry "received in a bundle": which office's bundle (as enrolled here) last wrote the record. */
  readonly bundle?: { readonly officeCode: string; readonly officeName: string; readonly seq: number; readonly bundleId: string };
  /** For the entry "imported from an old register" (issue 22): the file, sheet and row it came from. */
  readonly imported?: { readonly fileName: string; readonly sheet: string; readonly row: number; readonly importId: string };
}

export interface DeadlineItem {
  readonly reportId: string;
  readonly officeId: string;
  readonly number: string;
  readonly summary: string;
  readonly kind: Deadline['kind'];
  readonly dueAt: number;
  readonly officerId: string | null;
  readonly officerName: string | null;
}

/** Open deadlines: overdue, due today, due within the next N days; the interface groups by officer. */
export interface DeadlineBoard {
  readonly now: number;
  /** How many open deadlines each list has; the lists hold the most urgent first, up to a limit. */
  readonly counts: { readonly overdue: number; readonly today: number; readonly soon: number };
  readonly overdue: readonly DeadlineItem[];
  readonly today: readonly DeadlineItem[];
  readonly soon: readonly DeadlineItem[];
}
