import type { ReadAudit } from '../api/define';
import { seesSecretReporters } from '../api/roles';
import { appendAudit } from './audit';
import type { Context } from './handlers/context';
import { guardSecrets } from './secrets';

/** What a read entry holds in its `after` column: the records shown, how many, and the query of a list. */
export interface ReadDetail {
  readonly rows: number;
  readonly ids: readonly string[];
  readonly query?: unknown;
}

/**
 * The one place reads are audited and secret reporters kept (docs/decisions.md, "Read audit"). The
 * dispatcher hands every successful result here before it leaves the backend:
 * - the secret reporters' values are emptied for a user who may not see them (db/secrets.ts);
 * - a call whose contract entry carries `audit` writes one `read` entry: who (the session's user),
 *   which call, which records (their ids; the one id in `record_id` when there is one) and, for a list
 *   or a search, the query;
 * - when secret reporters' values go out to a chief or an administrator, a `reveal` entry names those
 *   reports.
 * Both entries are written in one transaction before the result is returned: a read that cannot be
 * recorded is not answered. That transaction commits without its own fsync (synchronous=NORMAL for it
 * alone, the store's FULL put back at once): the entry is in the WAL file when the result leaves, so
 * a crash or a kill of the app keeps it, and the next write's commit (or a checkpoint) makes it
 * durable on disk; a power cut in between can lose the last read entries, never a write's, and the
 * chain stays whole. The fsync was most of the cost on the register page (docs/decisions.md, "Read audit").
 */
export function auditResult(ctx: Context, spec: { readonly audit?: ReadAudit<never, never> }, input: unknown, output: unknown): unknown {
  const user = ctx.user;
  if (!user) return output;
  const guarded = guardSecrets(output, seesSecretReporters(user.role));
  const audit = spec.audit;
  const readIds = audit ? audit.records(guarded.value as never, input as never) : [];
  const revealed = guarded.revealedWithoutId && guarded.revealed.length === 0 ? readIds : guarded.revealed;
  if (!audit && revealed.length === 0) return guarded.value;
  const store = ctx.backend.requireStore();
  const at = ctx.backend.now();
  const entry = (action: 'read' | 'reveal', table: string | null, ids: readonly string[], query?: unknown) => {
    const detail: ReadDetail = query === undefined ? { rows: ids.length, ids } : { rows: ids.length, ids, query };
    appendAudit(store.sql, { at, userId: user.id, call: ctx.call, action, table, recordId: ids.length === 1 ? ids[0] : null, after: detail });
  };
  const synchronous = store.sql.pragma('synchronous', { simple: true }) as number;
  store.sql.pragma('synchronous = NORMAL');
  try {
    store.sql.transaction(() => {
      if (audit) entry('read', audit.table, readIds, audit.query ? input : undefined);
      if (revealed.length > 0) entry('reveal', 'reports', revealed);
    })();
  } finally {
    store.sql.pragma(`synchronous = ${synchronous}`);
  }
  return guarded.value;
}
