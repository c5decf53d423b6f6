import { listAudit } from '../audit-list';
import { verifyAuditChain } from '../audit';
import { first, qb } from '../query';
import { requireUser, storeFor, type HandlersOf } from './context';

export const auditHandlers: HandlersOf<'audit.'> = {
  'audit.verify': (ctx) => {
    const { sql } = storeFor(ctx).store;
    const check = verifyAuditChain(sql);
    if (check.ok) return { ok: true, entries: check.entries, broken: null };
    const entry = first(sql, qb.selectFrom('audit_log').select(['id', 'at', 'call', 'action']).where('id', '=', check.brokenAt));
    return { ok: false, entries: check.entries, broken: entry ?? { id: check.brokenAt, at: 0, call: '', action: '' } };
  },
  // A chief sees the entries of their own office's users only; an administrator, every entry.
  'audit.list': (ctx, input) => {
    const { store } = storeFor(ctx);
    const user = requireUser(ctx);
    return listAudit(store.sql, input, { office: user.role === 'admin' ? null : store.officeId });
  },
};
