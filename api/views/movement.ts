import type { ActivityKind, MemberRole, ModelKind, ModelRating, SafetyUnitKind } from '../vocabulary';
/** What the calls of api/calls/movement.ts return (docs/architecture.md, "The contract"). */

export interface TeamView {
  readonly id: string;
  readonly name: string;
  readonly foundedOn: string | null;
  readonly localityIds: readonly string[];
  readonly members: readonly { readonly id: string; readonly fullName: string; readonly role: MemberRole; readonly joinedOn: string; readonly leftOn: string | null; readonly contact: string }[];
  readonly activities: readonly { readonly id: string; readonly kind: ActivityKind; readonly date: string; readonly description: string; readonly result: string }[];
}

export interface ModelView {
  readonly id: string;
  readonly name: string;
  readonly kind: ModelKind;
  readonly localityId: string | null;
  readonly startedOn: string;
  readonly lead: string;
  readonly evaluations: readonly { readonly year: number; readonly rating: ModelRating; readonly note: string }[];
}

export interface SafetySummary {
  readonly year: number;
  /** source: the higher office's criterion (sent in a reference bundle) or the office's own. */
  readonly criteria: readonly { readonly code: string; readonly unitKind: SafetyUnitKind; readonly text: string; readonly source: 'higher' | 'office' }[];
  readonly units: readonly { readonly unitKind: SafetyUnitKind; readonly unitId: string; readonly name: string; readonly evaluated: boolean; readonly recognised: boolean }[];
  readonly commune: {
    readonly passed: boolean;
    readonly workingModels: number;
    readonly villagesRecognised: number;
    readonly villagesTotal: number;
    readonly villageShare: number | null;
    readonly seriousIncidents: number;
    readonly shortfalls: readonly string[];
  };
}
