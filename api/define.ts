import type { z } from 'zod';
import type { Permission } from './roles';

/**
 * What a call that returns personal data records about itself: the dispatcher writes one `read` entry
 * in the audit log after the handler succeeds (db/read-audit.ts), naming the records returned (their
 * ids and count) and, for a list or a search, the query. `table` is the records' table, or null when a
 * result mixes several (the link view).
 */
export interface ReadAudit<I = unknown, O = unknown> {
  readonly table: string | null;
  /** The ids of the records the result shows. */
  readonly records: (output: O, input: I) => readonly string[];
  /** Keep the call's input (its filters, search words, page) in the entry: lists and searches. */
  readonly query?: boolean;
}

/**
 * One call of the contract: its input schema, its permission, and (as a type only) its result.
 * The handler lives in db/; both transports validate the input with this schema and check this
 * permission before the handler runs.
 */
export interface CallSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly permission: Permission;
  /** Phantom: carries the result type; never set at run time. */
  readonly output?: O;
  /** Largest request body the transport accepts for this call, in bytes (default 1 MiB). */
  readonly maxBytes?: number;
  /** Set on every call whose result holds personal data: the read is audited (docs/decisions.md, "Read audit"). */
  readonly audit?: ReadAudit<z.output<I>, O>;
  /**
   * The call changes no record (a read, or the session's own calls): it is answered while the store is
   * checked after a power cut. Every call without it is refused then (db/store-check.ts): deny by default.
   */
  readonly readOnly?: boolean;
}

export function call<O>() {
  return <I extends z.ZodType>(spec: { input: I; permission: Permission; maxBytes?: number; audit?: ReadAudit<z.output<I>, O>; readOnly?: boolean }): CallSpec<I, O> =>
    Object.freeze({ ...spec });
}

/** The read audit of a call returning one record (its id is the input's `id`). */
export const oneRecord = <O>(table: string): ReadAudit<{ readonly id: string }, O> => ({ table, records: (_output, input) => [input.id] });

/** The read audit of a call returning a list: `ids` picks the records' ids out of the result. */
export const listOf = <I, O>(table: string | null, ids: (output: O, input: I) => readonly string[]): ReadAudit<I, O> => ({ table, records: ids, query: true });
