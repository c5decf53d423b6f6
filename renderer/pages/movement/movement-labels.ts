import type { MessageKey } from '../../i18n';

/** The message key of each of the movement's codes; a code this version does not know shows as "—". */
function lookup(keys: Readonly<Record<string, MessageKey>>, code: string): MessageKey {
  return Object.prototype.hasOwnProperty.call(keys, code) ? (keys[code] ?? 'common.none') : 'common.none';
}

const roles: Readonly<Record<string, MessageKey>> = { leader: 'role.leader', deputy: 'role.deputy', member: 'role.member' };
const activityKinds: Readonly<Record<string, MessageKey>> = {
  patrol: 'activityKind.patrol',
  mediation: 'activityKind.mediation',
  information: 'activityKind.information',
  other: 'activityKind.other',
};
const modelKinds: Readonly<Record<string, MessageKey>> = {
  self_prevention: 'modelKind.self_prevention',
  self_management: 'modelKind.self_management',
  self_protection: 'modelKind.self_protection',
  self_mediation: 'modelKind.self_mediation',
};
const ratings: Readonly<Record<string, MessageKey>> = { good: 'rating.good', fair: 'rating.fair', weak: 'rating.weak' };
const unitKinds: Readonly<Record<string, MessageKey>> = { village: 'unitKind.village', agency: 'unitKind.agency', enterprise: 'unitKind.enterprise', school: 'unitKind.school' };
const shortfalls: Readonly<Record<string, MessageKey>> = {
  no_working_model: 'shortfall.no_working_model',
  too_few_villages: 'shortfall.too_few_villages',
  serious_incident: 'shortfall.serious_incident',
};

export const roleKey = (code: string): MessageKey => lookup(roles, code);
export const activityKindKey = (code: string): MessageKey => lookup(activityKinds, code);
export const modelKindKey = (code: string): MessageKey => lookup(modelKinds, code);
export const ratingKey = (code: string): MessageKey => lookup(ratings, code);
export const unitKindKey = (code: string): MessageKey => lookup(unitKinds, code);
export const shortfallKey = (code: string): MessageKey => lookup(shortfalls, code);
