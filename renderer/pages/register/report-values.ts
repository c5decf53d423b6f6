import type { z } from 'zod';
import type { Channel, Gender, PersonRole, ReportKind, reportFields } from '../../../api/calls/register';
import type { PersonView, ReportDetail } from '../../../api/views';
import { blankToNull, textOf, toOptionalMoney, toOptionalNumber } from '../../forms/convert';
import { isoDateOf, isoTimeOf, vnInstant } from '../../../core/vn-time';

/**
 * The report form's values as its inputs hold them, and their mapping to `reportFields` (api/). Field
 * names follow the schema's, so a problem the backend reports at "persons.0.person.citizenId" lands
 * on that input. "receivedAt" is the date of receipt; its time is "receivedTime".
 */

export interface PersonFields {
  fullName: string;
  gender: Gender;
  birthDate: string;
  birthYear: string;
  citizenId: string;
  permanentAddress: string;
  temporaryAddress: string;
}

export interface PersonValues {
  /** Stable identity of the entry on screen (entries can be removed from the middle). */
  key: string;
  role: PersonRole;
  /** An existing person linked as is; blank for a new person typed in `person`. */
  personId: string;
  person: PersonFields;
}

export interface ReportValues {
  receivedAt: string;
  receivedTime: string;
  occurredOn: string;
  occurredNote: string;
  channel: Channel;
  kind: ReportKind;
  categoryCode: string;
  localityId: string;
  address: string;
  reporterName: string;
  reporterContact: string;
  reporterAddress: string;
  reporterAnonymous: boolean;
  summary: string;
  description: string;
  deaths: string;
  injuries: string;
  damage: string;
  sanctionDecision: string;
  fine: string;
  officerId: string;
  persons: PersonValues[];
}

/** The measures a kind of report records besides its content. */
export type Measures = 'casualties' | 'sanction' | null;

export function measuresOf(kind: ReportKind): Measures {
  if (kind === 'traffic_accident' || kind === 'fire_explosion') return 'casualties';
  if (kind === 'administrative_violation') return 'sanction';
  return null;
}

export const emptyPerson: PersonFields = {
  fullName: '',
  gender: 'unknown',
  birthDate: '',
  birthYear: '',
  citizenId: '',
  permanentAddress: '',
  temporaryAddress: '',
};

let nextKey = 0;
export const newEntryKey = () => `new-${(nextKey += 1)}`;

export function personFields(person: PersonView): PersonFields {
  return {
    fullName: person.fullName,
    gender: person.gender,
    birthDate: person.birthDate ?? '',
    birthYear: textOf(person.birthYear),
    citizenId: person.citizenId ?? '',
    permanentAddress: person.permanentAddress,
    temporaryAddress: person.temporaryAddress,
  };
}

export function newReportValues(now: number): ReportValues {
  return {
    receivedAt: isoDateOf(now),
    receivedTime: isoTimeOf(now),
    occurredOn: '',
    occurredNote: '',
    channel: 'in_person',
    kind: 'crime_report',
    categoryCode: '',
    localityId: '',
    address: '',
    reporterName: '',
    reporterContact: '',
    reporterAddress: '',
    reporterAnonymous: false,
    summary: '',
    description: '',
    deaths: '',
    injuries: '',
    damage: '',
    sanctionDecision: '',
    fine: '',
    officerId: '',
    persons: [],
  };
}

/** A stored code the form's select cannot show (from a newer version) falls back to the default. */
const known = <T extends string>(value: string, codes: readonly T[], fallback: T): T => codes.find((code) => code === value) ?? fallback;

export function reportValues(detail: ReportDetail, codes: { channels: readonly Channel[]; kinds: readonly ReportKind[]; roles: readonly PersonRole[] }): ReportValues {
  return {
    receivedAt: isoDateOf(detail.receivedAt),
    receivedTime: isoTimeOf(detail.receivedAt),
    occurredOn: detail.occurredOn ?? '',
    occurredNote: detail.occurredNote,
    channel: known(detail.channel, codes.channels, 'in_person'),
    kind: known(detail.kind, codes.kinds, 'crime_report'),
    categoryCode: detail.categoryCode ?? '',
    localityId: detail.localityId ?? '',
    address: detail.address,
    reporterName: detail.reporterName,
    reporterContact: detail.reporterContact,
    reporterAddress: detail.reporterAddress,
    reporterAnonymous: detail.reporterAnonymous,
    summary: detail.summary,
    description: detail.description,
    deaths: textOf(detail.deaths),
    injuries: textOf(detail.injuries),
    damage: textOf(detail.damage),
    sanctionDecision: detail.sanctionDecision,
    fine: textOf(detail.fine),
    officerId: detail.officerId ?? '',
    persons: detail.persons.map((link) => ({
      key: link.linkId,
      role: known(link.role, codes.roles, 'involved'),
      personId: link.person.id,
      person: personFields(link.person),
    })),
  };
}

function personInputOf(entry: PersonValues): z.input<typeof reportFields>['persons'] extends (infer E)[] | undefined ? E : never {
  if (entry.personId !== '') return { personId: entry.personId, role: entry.role };
  const p = entry.person;
  return {
    role: entry.role,
    person: {
      fullName: p.fullName,
      gender: p.gender,
      birthDate: blankToNull(p.birthDate),
      birthYear: toOptionalNumber(p.birthYear),
      citizenId: blankToNull(p.citizenId.trim()),
      permanentAddress: p.permanentAddress,
      temporaryAddress: p.temporaryAddress,
    },
  };
}

export function toReportInput(values: ReportValues): z.input<typeof reportFields> {
  const measures = measuresOf(values.kind);
  const casualties = measures === 'casualties';
  const sanction = measures === 'sanction';
  const receivedAt = vnInstant(values.receivedAt, values.receivedTime);
  return {
    // A date or time typed but not a real one: 0 is refused as "not a valid date", not as missing.
    receivedAt: Number.isNaN(receivedAt) && values.receivedAt.trim() !== '' ? 0 : receivedAt,
    occurredOn: blankToNull(values.occurredOn),
    occurredNote: values.occurredNote,
    channel: values.channel,
    kind: values.kind,
    categoryCode: blankToNull(values.categoryCode),
    localityId: blankToNull(values.localityId),
    address: values.address,
    reporterName: values.reporterName,
    reporterContact: values.reporterContact,
    reporterAddress: values.reporterAddress,
    reporterAnonymous: values.reporterAnonymous,
    summary: values.summary,
    description: values.description,
    deaths: casualties ? toOptionalNumber(values.deaths) : null,
    injuries: casualties ? toOptionalNumber(values.injuries) : null,
    damage: casualties ? toOptionalMoney(values.damage) : null,
    sanctionDecision: sanction ? values.sanctionDecision : '',
    fine: sanction ? toOptionalMoney(values.fine) : null,
    officerId: blankToNull(values.officerId),
    persons: values.persons.map(personInputOf),
  };
}
