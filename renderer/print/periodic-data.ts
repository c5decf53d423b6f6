import type { Result } from '../../api/result';
import type { IssuedReportView, OfficeView } from '../../api/views';
import { invoke } from '../api-client';

export interface PeriodicData {
  readonly office: OfficeView;
  readonly report: IssuedReportView;
}

/** An issued periodic report as issued, and the office that issued it. */
export async function loadPeriodic(reportId: string): Promise<Result<PeriodicData>> {
  const [report, office] = await Promise.all([invoke('periodic.get', { id: reportId }), invoke('office.get', {})]);
  if (!report.ok) return report;
  if (!office.ok) return office;
  return { ok: true, value: { office: office.value, report: report.value } };
}
