import type { z } from 'zod';
import type { Decision, transitionInput } from '../../../api/calls/register';
import type { ReportDetail } from '../../../api/views';
import { isoDateOf, isoTimeOf, vnInstant } from '../../../core/vn-time';

/** What can be done to a report from its page: the steps of reports.transition, and voiding it. */
export type StepId =
  | 'start_check'
  | 'transfer'
  | 'handle_in_commune'
  | 'notice_sent'
  | 'mark_complex'
  | 'unmark_complex'
  | 'extend'
  | 'decide'
  | 'resolve'
  | 'void';

const OPEN: ReadonlySet<string> = new Set(['received', 'checking', 'commune_handling']);
const BEFORE_TRANSFER: ReadonlySet<string> = new Set(['received', 'checking']);

/** The steps the report's status allows (the backend checks again), in the order of the procedure. */
export function allowedSteps(report: ReportDetail): StepId[] {
  if (report.voided) return [];
  const clocked = report.deadlines.length > 0;
  const steps: StepId[] = [];
  if (report.status === 'received') steps.push('start_check');
  if (BEFORE_TRANSFER.has(report.status)) steps.push('transfer', 'handle_in_commune');
  if (report.noticeSentAt === null && report.deadlines.some((d) => d.kind === 'notice')) steps.push('notice_sent');
  if (clocked && OPEN.has(report.status)) steps.push(report.complex ? 'unmark_complex' : 'mark_complex');
  if (clocked && OPEN.has(report.status) && report.extensionNo === '') steps.push('extend');
  // Once transferred, the investigating body decides: the step is no longer offered here.
  if (clocked && OPEN.has(report.status)) steps.push('decide');
  if (OPEN.has(report.status)) steps.push('resolve');
  steps.push('void');
  return steps;
}

/** Every field any step asks for, as inputs hold them; each step's form shows its own. */
export interface StepValues {
  at: string;
  time: string;
  to: string;
  until: string;
  decisionNo: string;
  decision: Decision;
  how: 'resolved_admin' | 'resolved_mediation';
  note: string;
  reason: string;
}

export function stepValues(now: number): StepValues {
  return { at: isoDateOf(now), time: isoTimeOf(now), to: '', until: '', decisionNo: '', decision: 'not_prosecute', how: 'resolved_admin', note: '', reason: '' };
}

export type TransitionId = Exclude<StepId, 'void'>;

export function toStep(id: TransitionId, values: StepValues): z.input<typeof transitionInput> {
  const at = vnInstant(values.at, values.time);
  switch (id) {
    case 'start_check':
    case 'handle_in_commune':
      return { action: id };
    case 'mark_complex':
    case 'unmark_complex':
      return { action: 'mark_complex', complex: id === 'mark_complex' };
    case 'transfer':
      return { action: 'transfer', at, to: values.to };
    case 'notice_sent':
      return { action: 'notice_sent', at };
    case 'extend':
      return { action: 'extend', until: values.until, decisionNo: values.decisionNo };
    case 'decide':
      return { action: 'decide', decision: values.decision, at, decisionNo: values.decisionNo };
    case 'resolve':
      return { action: 'resolve', how: values.how, note: values.note };
  }
}
