import { attachmentsHandlers } from './attachments';
import { auditHandlers } from './audit';
import { authHandlers } from './auth';
import { backupsHandlers } from './backups';
import type { Handlers } from './context';
import { campaignHandlers } from './campaigns';
import { draftsHandlers } from './drafts';
import { exchangeHandlers } from './exchange';
import { legacyHandlers } from './legacy';
import { movementHandlers } from './movement';
import { officeHandlers } from './office';
import { peopleHandlers } from './people';
import { periodicHandlers } from './periodic';
import { registerHandlers } from './register';
import { setupHandlers } from './setup';
import { usersHandlers } from './users';

/** The implementation of every call in api/contract.ts; the type makes a missing one an error. */
export const handlers: Handlers = Object.freeze({
  ...setupHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...officeHandlers,
  ...registerHandlers,
  ...peopleHandlers,
  ...campaignHandlers,
  ...movementHandlers,
  ...attachmentsHandlers,
  ...periodicHandlers,
  ...exchangeHandlers,
  ...auditHandlers,
  ...backupsHandlers,
  ...draftsHandlers,
  ...legacyHandlers,
});
