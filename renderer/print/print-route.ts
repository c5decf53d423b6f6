import { isIsoDate } from './print-format';

/**
 * Which document a print route asks for:
 *   /print/receipt/<reportId>                      the receipt record of one report
 *   /print/register?from=YYYY-MM-DD&to=YYYY-MM-DD  the register extract for a period
 *   /print/campaign/<campaignId>                   the result report of a peak campaign
 */
export type PrintRequest =
  | { readonly kind: 'receipt'; readonly reportId: string }
  | { readonly kind: 'register'; readonly from: string; readonly to: string }
  | { readonly kind: 'campaign'; readonly campaignId: string }
  | { readonly kind: 'bad-period' }
  | { readonly kind: 'unknown' };

export const PRINT_PREFIX = '/print/';

export function isPrintPath(path: string): boolean {
  return path.startsWith(PRINT_PREFIX);
}

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
  if (parts[1] === 'register' && parts.length === 2) {
    const params = new URLSearchParams(query);
    const from = params.get('from') ?? '';
    const to = params.get('to') ?? '';
    if (!isIsoDate(from) || !isIsoDate(to) || from > to) return { kind: 'bad-period' };
    return { kind: 'register', from, to };
  }
  return { kind: 'unknown' };
}

export function receiptPath(reportId: string): string {
  return `${PRINT_PREFIX}receipt/${encodeURIComponent(reportId)}`;
}

export function registerPath(from: string, to: string): string {
  return `${PRINT_PREFIX}register?${new URLSearchParams({ from, to }).toString()}`;
}
