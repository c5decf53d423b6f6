/**
 * The contract's vocabularies: the values an enum-like field may take, in calls' inputs (z.enum) and in
 * the views they return alike. It imports nothing, so api/calls/* and api/views/* both take them from here
 * (the calls re-export theirs, so a feature's calls file still names its own).
 */

// Register (api/calls/register.ts)

/** How a report reached the office (docs/domain.md, "Crime reports and their legal clock"). */
export const channels = ['in_person', 'phone', 'petition', 'transferred', 'found_by_officers', 'media_online'] as const;
export type Channel = (typeof channels)[number];

export const reportKinds = [
  'crime_report',
  'denunciation',
  'prosecution_request',
  'administrative_violation',
  'traffic_accident',
  'fire_explosion',
  'dispute_mediation',
  'other_incident',
] as const;
export type ReportKind = (typeof reportKinds)[number];

/** received → checking → transferred | commune_handling → decided; or resolved without proceedings. */
export const reportStatuses = ['received', 'checking', 'transferred', 'commune_handling', 'decided', 'resolved_admin', 'resolved_mediation'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const decisions = ['prosecute', 'not_prosecute', 'suspend'] as const;
export type Decision = (typeof decisions)[number];

export const personRoles = ['suspect', 'victim', 'witness', 'reporter', 'involved'] as const;
export type PersonRole = (typeof personRoles)[number];

/** Which persons a list shows: the Đối tượng (suspects, people under management) or everyone on record. */
export const personScopes = ['subjects', 'all'] as const;
export type PersonScope = (typeof personScopes)[number];

export const genders = ['male', 'female', 'unknown'] as const;
export type Gender = (typeof genders)[number];

// Hotspots (api/calls/hotspots.ts)

export const hotspotTypes = ['drug_dealing', 'drug_use', 'gambling', 'illegal_lottery', 'football_betting', 'prostitution', 'other'] as const;
export type HotspotType = (typeof hotspotTypes)[number];

/** suspected → active → under watch → raided → cleared → relapsed (and back to active). */
export const hotspotStatuses = ['suspected', 'active', 'under_watch', 'raided', 'cleared', 'relapsed'] as const;
export type HotspotStatus = (typeof hotspotStatuses)[number];

export const hotspotRisks = ['low', 'medium', 'high'] as const;
export type HotspotRisk = (typeof hotspotRisks)[number];

export const hotspotRoles = ['organiser', 'dealer', 'user', 'lookout', 'frequenter'] as const;
export type HotspotRole = (typeof hotspotRoles)[number];

// The movement (api/calls/movement.ts)

export const memberRoles = ['leader', 'deputy', 'member'] as const;
export type MemberRole = (typeof memberRoles)[number];

export const activityKinds = ['patrol', 'mediation', 'information', 'other'] as const;
export type ActivityKind = (typeof activityKinds)[number];

export const modelKinds = ['self_prevention', 'self_management', 'self_protection', 'self_mediation'] as const;
export type ModelKind = (typeof modelKinds)[number];

export const modelRatings = ['good', 'fair', 'weak'] as const;
export type ModelRating = (typeof modelRatings)[number];

export const safetyUnitKinds = ['village', 'agency', 'enterprise', 'school'] as const;
export type SafetyUnitKind = (typeof safetyUnitKinds)[number];

// Persons and programs (api/calls/people.ts)

export const personLinkKinds = ['family', 'associate', 'same_ring'] as const;
export type PersonLinkKind = (typeof personLinkKinds)[number];

export const programStatuses = ['active', 'ended'] as const;
export type ProgramStatus = (typeof programStatuses)[number];

export const programEndReasons = ['completed', 'addict', 'facility', 'imprisoned', 'died', 'missing', 'moved', 'other'] as const;
export type ProgramEndReason = (typeof programEndReasons)[number];

export const drugTestResults = ['negative', 'positive', 'refused'] as const;
export type DrugTestResult = (typeof drugTestResults)[number];

// Campaigns (api/calls/campaigns.ts)

export const operationKinds = ['raid', 'sweep', 'patrol', 'checkpoint', 'inspection'] as const;
export type OperationKind = (typeof operationKinds)[number];

// Exchange (api/calls/exchange.ts)

export const peerRoles = ['parent', 'child', 'sibling'] as const;
export type PeerRole = (typeof peerRoles)[number];

// Audit (api/calls/audit.ts)

/**
 * Actions the audit log records, as the audit page offers them in its filter (an entry of any other
 * action still lists, as "another action"). read: a call returned personal data; reveal: it returned
 * a secret reporter's name, contact or address (to a chief or an administrator).
 */
export const auditActions = [
  'read',
  'reveal',
  'insert',
  'update',
  'void',
  'merge',
  'login',
  'login_failed',
  'logout',
  'password',
  'password_reset',
  'settings',
  'backup',
  'restore',
  'import',
  'export',
  'open_failed',
] as const;
export type AuditAction = (typeof auditActions)[number];
