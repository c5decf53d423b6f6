import type { CallError, Result } from '../../api/result';
import type { CampaignView, CategoryView, GraphView, IdentityView, LocalityView, OfficeView, ReportDetail, ReportRow, UserView } from '../../api/views';
import { invoke } from '../api-client';
import { loadAllPages, type Progress } from './load-all';

/** What the printed documents read from the backend, loaded in one go before anything is shown. */

export interface ReceiptData {
  readonly report: ReportDetail;
  readonly office: OfficeView;
  readonly categories: readonly CategoryView[];
  readonly localities: readonly LocalityView[];
  /** The logged-in user, who prints the record as the receiving officer. */
  readonly officer: UserView;
}

export interface RegisterData {
  readonly office: OfficeView;
  readonly from: string;
  readonly to: string;
  /** Every entry in register order; a list row carries the source and the outcome the extract prints. */
  readonly entries: readonly ReportRow[];
}

const authRequired: CallError = { code: 'auth.required', message: 'no session' };

export async function loadReceipt(reportId: string): Promise<Result<ReceiptData>> {
  const [report, office, categories, localities, session] = await Promise.all([
    invoke('reports.get', { id: reportId }),
    invoke('office.get', {}),
    invoke('categories.list', {}),
    invoke('localities.list', {}),
    invoke('auth.session', {}),
  ]);
  if (!report.ok) return report;
  if (!office.ok) return office;
  if (!categories.ok) return categories;
  if (!localities.ok) return localities;
  if (!session.ok) return session;
  if (!session.value) return { ok: false, error: authRequired };
  return {
    ok: true,
    value: { report: report.value, office: office.value, categories: categories.value, localities: localities.value, officer: session.value.user },
  };
}

/**
 * Every entry received in the period, voided ones included (the register never hides an entry), in
 * register order, read in pages of 500. `onProgress` is told how many of the entries are loaded.
 */
export async function loadRegister(from: string, to: string, onProgress: (progress: Progress) => void, isCancelled: () => boolean): Promise<Result<RegisterData>> {
  const office = await invoke('office.get', {});
  if (!office.ok) return office;
  const entries = await loadAllPages(
    (offset, limit) => invoke('reports.list', { filters: { from, to, includeVoided: true }, sort: { column: 'register', direction: 'asc' }, offset, limit, count: offset === 0 }),
    isCancelled,
    (_rows, done, total) => onProgress({ done, total }),
  );
  if (!entries.ok) return entries;
  return { ok: true, value: { office: office.value, from, to, entries: entries.value } };
}

export interface CampaignData {
  readonly office: OfficeView;
  readonly campaign: CampaignView;
}

/** The campaign with its results and operations, and the office that reports on it. */
export async function loadCampaign(campaignId: string): Promise<Result<CampaignData>> {
  const [campaign, office] = await Promise.all([invoke('campaigns.get', { id: campaignId }), invoke('office.get', {})]);
  if (!campaign.ok) return campaign;
  if (!office.ok) return office;
  return { ok: true, value: { office: office.value, campaign: campaign.value } };
}

/** The key card prints this office's identity as the exchange calls give it. */
export function loadKeyCard(): Promise<Result<IdentityView>> {
  return invoke('exchange.identity', {});
}

export interface GraphData {
  readonly office: OfficeView;
  readonly graph: GraphView;
  readonly rootId: string;
}

/** The link chart around a person or a hotspot (two links out, as the screen draws it). */
export async function loadGraph(kind: 'person' | 'hotspot', id: string): Promise<Result<GraphData>> {
  const [office, graph] = await Promise.all([invoke('office.get', {}), invoke('graph.around', { kind, id, depth: 2 })]);
  if (!office.ok) return office;
  if (!graph.ok) return graph;
  return { ok: true, value: { office: office.value, graph: graph.value, rootId: `${kind}:${id}` } };
}
