import type { z } from 'zod';
import { attachmentsCalls } from './calls/attachments';
import { auditCalls } from './calls/audit';
import { authCalls } from './calls/auth';
import { backupsCalls } from './calls/backups';
import { campaignCalls } from './calls/campaigns';
import { draftsCalls } from './calls/drafts';
import { exchangeCalls } from './calls/exchange';
import { hotspotCalls } from './calls/hotspots';
import { legacyCalls } from './calls/legacy';
import { movementCalls } from './calls/movement';
import { officeCalls } from './calls/office';
import { peopleCalls } from './calls/people';
import { periodicCalls } from './calls/periodic';
import { registerCalls } from './calls/register';
import { setupCalls } from './calls/setup';
import { usersCalls } from './calls/users';
import type { CallSpec } from './define';

/** The contract: every call the interface can make, in one registry. */
export const contract = Object.freeze({
  ...setupCalls,
  ...authCalls,
  ...usersCalls,
  ...officeCalls,
  ...registerCalls,
  ...attachmentsCalls,
  ...peopleCalls,
  ...hotspotCalls,
  ...campaignCalls,
  ...movementCalls,
  ...periodicCalls,
  ...exchangeCalls,
  ...auditCalls,
  ...backupsCalls,
  ...draftsCalls,
  ...legacyCalls,
});

export type Contract = typeof contract;
export type CallName = keyof Contract;
/** What the caller sends (before defaults and transforms). */
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
/** What the handler receives (after validation). */
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = Contract[N] extends CallSpec<z.ZodType, infer O> ? O : never;

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
