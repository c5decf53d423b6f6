import type { OperationKind, ReportStatus } from '../vocabulary';
/** What the calls of api/calls/campaigns.ts return (docs/architecture.md, "The contract"). */

export interface MeasureView {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly unit: string;
  readonly source: string;
}

export interface MeasureResult {
  readonly measure: MeasureView;
  readonly target: number | null;
  /** Counted from the records plus adjustments. */
  readonly result: number;
  readonly counted: number;
  readonly adjustments: readonly { readonly delta: number; readonly reason: string }[];
  readonly percent: number | null;
  readonly previousCampaign: number | null;
  readonly sameTimeLastYear: number;
}

export interface OperationView {
  readonly id: string;
  readonly kind: OperationKind;
  readonly startedAt: number;
  readonly place: string;
  readonly localityId: string | null;
  readonly leader: string;
  readonly forces: string;
  readonly personsArrested: number;
  readonly personsSanctioned: number;
  readonly seizures: readonly { readonly measureCode: string; readonly quantity: number }[];
  readonly hotspotIds: readonly string[];
  readonly reportIds: readonly string[];
}

export interface CampaignView {
  readonly id: string;
  readonly version: string;
  readonly officeId: string;
  readonly name: string;
  readonly decisionNo: string;
  readonly decisionDate: string | null;
  readonly startDate: string;
  readonly endDate: string;
  readonly localityIds: readonly string[];
  readonly categoryCodes: readonly string[];
  readonly forces: string;
  readonly notes: string;
  readonly previousCampaign: { readonly id: string; readonly name: string } | null;
  readonly results: readonly MeasureResult[];
  readonly operations: readonly OperationView[];
  /** Reports linked to the campaign, directly (with the link's id, to unlink) or through an operation. */
  readonly linkedReports: readonly CampaignReportLink[];
}

export interface CampaignReportLink {
  readonly reportId: string;
  readonly number: string;
  readonly summary: string;
  readonly receivedAt: number;
  readonly status: ReportStatus;
  /** The direct link, which can be removed; null when the report comes only through operations. */
  readonly linkId: string | null;
  readonly operationIds: readonly string[];
}

/** One row of the campaign list. */
export interface CampaignRow {
  readonly id: string;
  readonly officeId: string;
  readonly name: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly decisionNo: string;
}
