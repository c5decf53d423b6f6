import type { CallName, CallOutput, ParsedInput } from '../../api/contract';
import { AppError } from '../app-error';
import type { Backend, OpenStore } from '../backend';
import type { Session } from '../sessions';
import type { UserRow } from '../users';
import type { WriteContext } from '../write-path';

/** What a handler is given: the backend, the caller's session, and (after login) the user. */
export interface Context {
  readonly backend: Backend;
  readonly session: Session;
  readonly call: CallName;
  readonly user: UserRow | null;
}

export type Handler<N extends CallName> = (ctx: Context, input: ParsedInput<N>) => CallOutput<N> | Promise<CallOutput<N>>;

/** The handlers of every call whose name starts with one of the prefixes. */
export type HandlersOf<Prefix extends string> = {
  [N in CallName as N extends `${Prefix}${string}` ? N : never]: Handler<N>;
};

export type Handlers = { [N in CallName]: Handler<N> };

export function requireUser(ctx: Context): UserRow {
  if (!ctx.user) throw new AppError('auth.required', 'log in first');
  return ctx.user;
}

/** The open store and the write context of this call. */
export function storeFor(ctx: Context): { store: OpenStore; write: WriteContext } {
  const store = ctx.backend.requireStore();
  return { store, write: { userId: ctx.user?.id ?? null, officeId: store.officeId, call: ctx.call } };
}
