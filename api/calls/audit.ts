import { z } from 'zod';
import { call } from '../define';
import type { AuditCheckView } from '../views';

export const auditCalls = {
  /** Walks the audit log's hash chain and names the first entry whose link or content does not match. */
  'audit.verify': call<AuditCheckView>()({ input: z.strictObject({}), permission: 'users.manage' }),
};
