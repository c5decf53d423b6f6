import type { z } from 'zod';
import { hotspotListInput } from '../../api/calls/hotspots';
import { programListInput } from '../../api/calls/people';
import { registerCalls } from '../../api/calls/register';
import { isIsoDate } from '../../core/calendar';

/** The filters of the hotspot list that its printed watchlist takes (the hotspots page's filters and order). */
export type HotspotPrintQuery = Pick<z.output<typeof hotspotListInput>, 'q' | 'type' | 'status' | 'localityId' | 'sort' | 'direction'>;
/** The filters of the program list that the printed list of people under management takes. */
export type ProgramPrintQuery = Pick<z.output<typeof programListInput>, 'q' | 'kindCode' | 'status' | 'officerId'>;

/**
 * Which document a print route asks for:
 *   /print/receipt/<reportId>                      the receipt record of one report
 *   /print/register?from=YYYY-MM-DD&to=YYYY-MM-DD  the register extract for a period
 *   /print/campaign/<campaignId>                   the result report of a peak campaign
 *   /print/periodic/<issuedReportId>               an issued periodic report on security and order
 *   /print/deadlines?within=N                      overdue reports and those due within N days (0–60, default 3)
 *   /print/hotspots?q=&type=&status=&localityId=&sort=&direction=
 *                                                  the hotspot watchlist, filtered and ordered as the hotspots page
 *   /print/key-card                                this office's exchange key card (fingerprint and QR code)
 *   /print/graph/<person|hotspot>/<id>             the link chart (Sơ đồ liên hệ) around a person or a hotspot
 *   /print/programs?q=&kindCode=&status=&officerId=
 *                                                  people under management by program kind; status is
 *                                                  active (the default when absent), ended or all
 * A list's query string is checked with the list call's own schema; a bad value is "bad-query".
 */
export type PrintRequest =
  | { readonly kind: 'receipt'; readonly reportId: string }
  | { readonly kind: 'register'; readonly from: string; readonly to: string }
  | { readonly kind: 'campaign'; readonly campaignId: string }
  | { readonly kind: 'periodic'; readonly reportId: string }
  | { readonly kind: 'deadlines'; readonly withinDays: number }
  | { readonly kind: 'hotspots'; readonly query: HotspotPrintQuery }
  | { readonly kind: 'programs'; readonly query: ProgramPrintQuery }
  | { readonly kind: 'key-card' }
  | { readonly kind: 'graph'; readonly nodeKind: 'person' | 'hotspot'; readonly id: string }
  | { readonly kind: 'bad-period' }
  | { readonly kind: 'bad-query' }
  | { readonly kind: 'unknown' };

/** A path of the print screen (a router Path). */
export type PrintPath = `/print/${string}`;

export const PRINT_PREFIX = '/print/';

export function isPrintPath(path: string): boolean {
  return path.startsWith(PRINT_PREFIX);
}

const deadlinesInput = registerCalls['reports.deadlines'].input;
const hotspotQuery = hotspotListInput.pick({ q: true, type: true, status: true, localityId: true, sort: true, direction: true });
const programQuery = programListInput.pick({ q: true, kindCode: true, status: true, officerId: true });

/** A parameter's value; absent or empty leaves the schema's default. */
const param = (params: URLSearchParams, key: string): string | undefined => params.get(key) || undefined;

function parseDeadlines(params: URLSearchParams): PrintRequest {
  const within = param(params, 'within');
  if (within !== undefined && !/^\d{1,2}$/.test(within)) return { kind: 'bad-query' };
  const parsed = deadlinesInput.safeParse({ withinDays: within === undefined ? undefined : Number(within) });
  return parsed.success ? { kind: 'deadlines', withinDays: parsed.data.withinDays } : { kind: 'bad-query' };
}

function parseHotspots(params: URLSearchParams): PrintRequest {
  const [q, type, status, localityId, sort, direction] = ['q', 'type', 'status', 'localityId', 'sort', 'direction'].map((key) => param(params, key));
  const parsed = hotspotQuery.safeParse({ q, type, status, localityId, sort, direction });
  return parsed.success ? { kind: 'hotspots', query: parsed.data } : { kind: 'bad-query' };
}

function parsePrograms(params: URLSearchParams): PrintRequest {
  const [q, kindCode, status, officerId] = ['q', 'kindCode', 'status', 'officerId'].map((key) => param(params, key));
  const parsed = programQuery.safeParse({ q, kindCode, status: status === 'all' ? null : status, officerId });
  return parsed.success ? { kind: 'programs', query: parsed.data } : { kind: 'bad-query' };
}

const lists: Readonly<Record<string, (params: URLSearchParams) => PrintRequest>> = {
  deadlines: parseDeadlines,
  hotspots: parseHotspots,
  programs: parsePrograms,
};

export function parsePrintPath(path: string): PrintRequest {
  const [pathname = '', query = ''] = path.split('?', 2);
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] !== 'print') return { kind: 'unknown' };
  if (parts[1] === 'receipt' && parts.length === 3 && parts[2]) {
    return { kind: 'receipt', reportId: decodeURIComponent(parts[2]) };
  }
  if (parts[1] === 'campaign' && parts.length === 3 && parts[2]) {
    return { kind: 'campaign', campaignId: decodeURIComponent(parts[2]) };
  }
  if (parts[1] === 'periodic' && parts.length === 3 && parts[2]) {
    return { kind: 'periodic', reportId: decodeURIComponent(parts[2]) };
  }
  if (parts[1] === 'key-card' && parts.length === 2) return { kind: 'key-card' };
  if (parts[1] === 'graph' && parts.length === 4 && (parts[2] === 'person' || parts[2] === 'hotspot') && parts[3]) {
    return { kind: 'graph', nodeKind: parts[2], id: decodeURIComponent(parts[3]) };
  }
  if (parts[1] === 'register' && parts.length === 2) {
    const params = new URLSearchParams(query);
    const from = params.get('from') ?? '';
    const to = params.get('to') ?? '';
    if (!isIsoDate(from) || !isIsoDate(to) || from > to) return { kind: 'bad-period' };
    return { kind: 'register', from, to };
  }
  const list = parts.length === 2 && parts[1] !== undefined && Object.prototype.hasOwnProperty.call(lists, parts[1]) ? lists[parts[1]] : undefined;
  if (list) return list(new URLSearchParams(query));
  return { kind: 'unknown' };
}

export function receiptPath(reportId: string): string {
  return `${PRINT_PREFIX}receipt/${encodeURIComponent(reportId)}`;
}

export function periodicPath(reportId: string): PrintPath {
  return `${PRINT_PREFIX}periodic/${encodeURIComponent(reportId)}`;
}

export const keyCardPath: PrintPath = `${PRINT_PREFIX}key-card`;

export function graphPrintPath(kind: 'person' | 'hotspot', id: string): PrintPath {
  return `${PRINT_PREFIX}graph/${kind}/${encodeURIComponent(id)}`;
}

export function registerPath(from: string, to: string): string {
  return `${PRINT_PREFIX}register?${new URLSearchParams({ from, to }).toString()}`;
}

/** A list's path with the values that are set (null and '' are left out). */
function listPath(list: string, values: Readonly<Record<string, string | number | null | undefined>>): PrintPath {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  const query = params.toString();
  return `${PRINT_PREFIX}${list}${query ? `?${query}` : ''}` as PrintPath;
}

/** Filters as a page holds them: '' for "all". */
type PageFilters<T> = { readonly [K in keyof T]?: T[K] | '' };

export function deadlinesPath(withinDays: number): PrintPath {
  return listPath('deadlines', { within: withinDays });
}

export function hotspotsPath(query: PageFilters<HotspotPrintQuery>): PrintPath {
  return listPath('hotspots', { ...query, q: query.q?.trim() });
}

/** `status` '' or null (all programs) is written "all"; left out (undefined), the list's default (active) applies. */
export function programsPath(query: PageFilters<ProgramPrintQuery>): PrintPath {
  const status = query.status === undefined ? undefined : query.status || 'all';
  return listPath('programs', { ...query, q: query.q?.trim(), status });
}
