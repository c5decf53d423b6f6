/** What the calls of api/calls/periodic.ts return (docs/architecture.md, "The contract"). */

import type { ReportKind, ReportStatus } from '../vocabulary';

/** A name in both languages of the interface. */
export interface LocalName {
  readonly code: string;
  readonly vi: string;
  readonly en: string;
}

export interface DateSpan {
  readonly start: string;
  readonly end: string;
}

/** The ranges a periodic report compares. */
export interface ComparedSpans {
  readonly current: DateSpan;
  readonly lastYear: DateSpan;
  readonly previous: DateSpan;
  readonly yearToDate: DateSpan;
  readonly yearToDateLastYear: DateSpan;
}

/** The three figures of people under management: at a range's end, started and ended in it. */
type ProgramFigure = `programs.${'active' | 'started' | 'ended'}`;

/**
 * The key of one figure of a periodic report, so that a key written wrong fails to compile. A key ends
 * in a code where the figure is counted per code: a report kind or status, a category group
 * (group.none: no category), a seized item's measure, a program kind.
 */
export type FigureKey =
  | 'reports.total'
  | 'reports.solved'
  | `reports.kind.${ReportKind}`
  | `reports.status.${ReportStatus}`
  | `group.${string}`
  | `crime.${'received' | 'solved'}`
  | `traffic.${'accidents' | 'deaths' | 'injuries'}`
  | `fire.${'count' | 'deaths' | 'injuries' | 'damage'}`
  | `administrative.${'count' | 'fines'}`
  | 'operations.count'
  | `persons.${'arrested' | 'sanctioned'}`
  | `seized.${string}`
  | `hotspots.${'found' | 'cleared' | 'relapsed' | 'active'}`
  | ProgramFigure
  | `${ProgramFigure}.${string}`
  | `teams.${'count' | 'members' | 'activities'}`
  | 'models.count'
  | `safety.${'villages' | 'villagesRecognised' | 'unitsRecognised'}`;

/** Figures by key; a figure nothing was counted for may be absent (read it as 0). */
export type Figures = Readonly<Partial<Record<FigureKey, number>>>;

/**
 * A periodic report's figures, by key (FigureKey), for each compared range; the interface lays them
 * out in sections and words them.
 */
export interface PeriodicFigures {
  readonly period: ReportPeriod;
  /** Whose figures: an office's code, or null for every office in the store. */
  readonly officeId: string | null;
  /**
   * For every office (officeId null): the main figures of the current range office by office
   * (BREAKDOWN_KEYS and seized.<measure>), in the order of the office list; empty for one office.
   */
  readonly breakdown: readonly OfficeFigures[];
  readonly cutoffDay: number;
  readonly ranges: ComparedSpans;
  readonly figures: { readonly [R in keyof ComparedSpans]: Figures };
  readonly groups: readonly LocalName[];
  readonly programKinds: readonly LocalName[];
  readonly measures: readonly (LocalName & { readonly unit: string })[];
  /** Campaigns that overlap the period, with their results against their targets. */
  readonly campaigns: readonly {
    readonly id: string;
    readonly name: string;
    readonly decisionNo: string;
    readonly startDate: string;
    readonly endDate: string;
    readonly results: readonly { readonly measure: LocalName & { readonly unit: string }; readonly target: number; readonly result: number; readonly percent: number | null }[];
  }[];
  /** Reports received in each police month of the period's police year and of the year before. */
  readonly trend: readonly { readonly month: number; readonly current: DateSpan & { readonly reports: number }; readonly lastYear: DateSpan & { readonly reports: number } }[];
  readonly policeYear: number;
}

export interface OfficeFigures {
  readonly officeId: string;
  readonly name: string;
  readonly figures: Figures;
}

export type ReportPeriod =
  | { readonly kind: 'month' | 'quarter' | 'half'; readonly year: number; readonly index: number }
  | { readonly kind: 'year'; readonly year: number }
  | { readonly kind: 'custom'; readonly start: string; readonly end: string };

export interface IssuedReportRow {
  readonly id: string;
  readonly number: number;
  readonly year: number;
  readonly symbol: string;
  readonly title: string;
  readonly period: ReportPeriod;
  readonly issuedOn: string;
}

export interface IssuedReportView extends IssuedReportRow {
  readonly narrative: string;
  readonly place: string;
  readonly signerTitle: string;
  readonly signerName: string;
  readonly recipients: readonly string[];
  /** The figures as they were at issue. */
  readonly report: PeriodicFigures;
  /** Figures of the period that the records now give differently, for a re-run to show. */
  readonly changes: readonly { readonly range: keyof ComparedSpans; readonly key: FigureKey; readonly issued: number; readonly now: number }[];
  readonly issuedBy: string | null;
}
