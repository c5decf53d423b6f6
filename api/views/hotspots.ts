import type { HotspotRisk, HotspotRole, HotspotStatus, HotspotType } from '../vocabulary';
import type { ImportedFromView } from './legacy';
import type { PersonView } from './people';

/** What the calls of api/calls/hotspots.ts return (docs/architecture.md, "The contract"). */
export interface HotspotView {
  readonly id: string;
  readonly version: string;
  readonly officeId: string;
  readonly name: string;
  readonly type: HotspotType;
  readonly localityId: string | null;
  readonly address: string;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly description: string;
  readonly risk: 'low' | 'medium' | 'high';
  readonly status: HotspotStatus;
  readonly foundOn: string;
  readonly clearedOn: string | null;
  readonly reviewDays: number;
  readonly lastCheckOn: string | null;
  readonly nextReviewOn: string;
  readonly history: readonly { readonly status: HotspotStatus; readonly on: string; readonly note: string }[];
  readonly persons: readonly { readonly linkId: string; readonly role: HotspotRole; readonly person: PersonView }[];
  readonly reports: readonly { readonly linkId: string; readonly reportId: string; readonly number: string; readonly summary: string }[];
  readonly checks: readonly { readonly id: string; readonly date: string; readonly officers: string; readonly found: string }[];
  /** The old register's file and row it was imported from (issue 22), or null. */
  readonly importedFrom: ImportedFromView | null;
}

export interface HotspotRow {
  readonly id: string;
  readonly officeId: string;
  readonly name: string;
  readonly type: HotspotType;
  readonly status: HotspotStatus;
  readonly risk: HotspotRisk;
  readonly localityName: string | null;
  readonly foundOn: string;
  readonly nextReviewOn: string;
}

export interface HotspotDue {
  readonly today: string;
  /** Hotspots whose review date has come (or comes within the window). */
  readonly review: readonly HotspotRow[];
  /** Cleared hotspots due to be checked again, since cleared spots come back. */
  readonly recheck: readonly HotspotRow[];
}
