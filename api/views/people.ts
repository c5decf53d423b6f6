import type { DrugTestResult, Gender, HotspotRole, HotspotStatus, PersonLinkKind, PersonRole, ProgramEndReason } from '../vocabulary';
import type { ImportedFromView } from './legacy';
/** What the calls of api/calls/people.ts return (docs/architecture.md, "The contract"). */

export interface PersonView {
  readonly id: string;
  readonly version: string;
  /** The owning office's code: only that office changes the record. */
  readonly officeId: string;
  readonly fullName: string;
  readonly otherNames: string;
  readonly gender: Gender;
  readonly birthDate: string | null;
  readonly birthYear: number | null;
  readonly citizenId: string | null;
  readonly permanentAddress: string;
  readonly temporaryAddress: string;
  readonly localityId: string | null;
  readonly notes: string;
}

/** A row of the persons list: the person and what the records make of them. */
export interface PersonRow extends PersonView {
  /** The roles reports give the person, each once, in the vocabulary's order (suspect first). */
  readonly roles: readonly PersonRole[];
  /** Under an active management program. */
  readonly managed: boolean;
}

/** Candidates for "is this someone we already have?" while a person is typed in. */
export interface PersonMatch {
  /** The person with this citizen ID, who is linked instead of a new record. */
  readonly sameCitizenId: PersonView | null;
  /** Same folded name and birth year: maybe the same person. */
  readonly similar: readonly PersonView[];
}

export interface PersonLinkView {
  readonly linkId: string;
  readonly kind: PersonLinkKind;
  readonly note: string;
  readonly person: PersonView;
}

/** A person with everything that names them. */
export interface PersonOverview {
  readonly person: PersonView & { readonly mergedInto: string | null; readonly movedTo: string; readonly movedOn: string | null; readonly voided: boolean };
  readonly links: readonly PersonLinkView[];
  readonly reports: readonly { readonly reportId: string; readonly number: string; readonly summary: string; readonly role: PersonRole; readonly receivedAt: number }[];
  readonly hotspots: readonly { readonly hotspotId: string; readonly name: string; readonly role: HotspotRole; readonly status: HotspotStatus }[];
  readonly programs: readonly ProgramView[];
  /** The old register's file and row the person was imported from (issue 22), or null. */
  readonly importedFrom: ImportedFromView | null;
}

export interface DuplicateGroup {
  /** Why these records look like one person: the same citizen ID, or the same folded name, birth year and locality. */
  readonly reason: 'citizen_id' | 'name_birth_locality';
  readonly persons: readonly PersonView[];
}

export interface ProgramKindView {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly months: number | null;
  readonly checkinDays: number;
  readonly drugTestDays: number | null;
  readonly source: string;
}

export interface CheckinView {
  readonly id: string;
  readonly date: string;
  readonly officerName: string | null;
  readonly result: string;
  readonly drugTestResult: DrugTestResult | null;
}

export interface ProgramView {
  readonly id: string;
  readonly version: string;
  readonly officeId: string;
  readonly personId: string;
  readonly personName: string;
  readonly kindCode: string;
  readonly decisionNo: string;
  readonly decisionDate: string | null;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly endOverrideReason: string;
  readonly officerId: string | null;
  readonly officerName: string | null;
  readonly status: 'active' | 'ended';
  readonly endedOn: string | null;
  readonly endReason: ProgramEndReason | null;
  readonly endNote: string;
  readonly nextCheckinOn: string | null;
  readonly nextTestOn: string | null;
  readonly checkins: readonly CheckinView[];
}

export interface ReminderItem {
  readonly programId: string;
  readonly personId: string;
  readonly personName: string;
  readonly kindCode: string;
  readonly what: 'ending' | 'checkin' | 'drug_test';
  readonly on: string;
  readonly officerName: string | null;
}

export interface ReminderBoard {
  readonly today: string;
  readonly overdue: readonly ReminderItem[];
  readonly upcoming: readonly ReminderItem[];
}

export interface GraphNode {
  readonly id: string;
  readonly kind: 'person' | 'hotspot' | 'report';
  readonly label: string;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  /** The link's kind or role: family, same_ring, suspect, dealer, linked report… */
  readonly kind: string;
}

export interface GraphView {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}
