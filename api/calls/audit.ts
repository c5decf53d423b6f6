import { z } from 'zod';
import { call, listOf } from '../define';
import { id, isoDate } from '../fields';
import type { AuditCheckView, AuditPage } from '../views';
import { auditActions } from '../vocabulary';
export { auditActions, type AuditAction } from '../vocabulary';

export const auditListInput = z.strictObject({
  userId: id.nullable().default(null),
  action: z.enum(auditActions).nullable().default(null),
  /** A record: its id, or a report's register number ("15/2026"). */
  record: z.string().trim().max(100, 'v.too_long').default(''),
  /** Vietnam dates, both included. */
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
  /**
   * The newest entry the list holds: a later page passes the `head` its first page was given, so the
   * entries written meanwhile (its own reads among them) do not push rows from one page to the next.
   */
  upTo: z.number().int().min(0).nullable().default(null),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  /** Whether to count the matching entries: the page asks with its first page only. */
  count: z.boolean().default(true),
});

export const auditCalls = {
  /** Walks the audit log's hash chain and names the first entry whose link or content does not match. */
  'audit.verify': call<AuditCheckView>()({ readOnly: true, input: z.strictObject({}), permission: 'users.manage' }),
  /**
   * The audit log, newest first, filtered; administrators see every entry, chiefs the entries of their
   * own office's users (db/handlers/audit.ts). Reading it is itself a read of personal data.
   */
  'audit.list': call<AuditPage>()({
    readOnly: true,
    input: auditListInput,
    permission: 'office.lead',
    audit: listOf('audit_log', (page) => page.rows.map((row) => row.id)),
  }),
};
