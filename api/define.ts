import type { z } from 'zod';
import type { Permission } from './roles';

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
}

export function call<O>() {
  return <I extends z.ZodType>(spec: { input: I; permission: Permission; maxBytes?: number }): CallSpec<I, O> =>
    Object.freeze({ ...spec });
}
