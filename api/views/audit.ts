import type { AuditAction } from '../vocabulary';
import type { Page } from './page';
/** What the calls of api/calls/audit.ts return (docs/architecture.md, "The contract"). */

/** The audit chain check: every entry's hash covers the one before, so an edit or a removal breaks it. */
export interface AuditCheckView {
  readonly ok: boolean;
  readonly entries: number;
  /** The first entry that does not match, when the chain is broken. */
  readonly broken: { readonly id: number; readonly at: number; readonly call: string; readonly action: string } | null;
}

/** One entry of the audit log as the audit page lists it. */
export interface AuditRow {
  /** The entry's number in the chain, as text (the list's row key). */
  readonly id: string;
  readonly at: number;
  readonly userId: string | null;
  /** The user's full name; null for the system (a migration, an import without a session). */
  readonly userName: string | null;
  /** The call that wrote it (shown in words, never as code, by the interface). */
  readonly call: string;
  readonly action: AuditAction;
  readonly table: string | null;
  readonly recordId: string | null;
  /** What names the record to a person: a report's number, a person's, user's or hotspot's name. */
  readonly recordLabel: string | null;
  /** For a read: how many records the call returned; null for other entries. */
  readonly rows: number | null;
  /** For a list or a search: the words searched, if any. */
  readonly search: string | null;
}

/** A page of the audit log (total null when the call said `count: false`), with what the page filters by. */
export interface AuditPage extends Page<AuditRow, number | null> {
  /** The newest entry this list holds (see audit.list's `upTo`); null on an empty log. */
  readonly head: number | null;
  /** Whose entries the caller may see, to filter by (deactivated users included). */
  readonly users: readonly { readonly id: string; readonly fullName: string }[];
}
