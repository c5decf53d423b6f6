import type { MeasureView, OperationView } from '../../../api/views';
import { formatDateAndTime, formatNumber } from '../../format';
import type { I18n, Lang } from '../../i18n';
import { codeLabel } from '../register/labels';

/** A quantity with dot thousands and as many decimals as it has (up to 2): "1.250", "75,5". */
export function formatQuantity(value: number): string {
  if (Number.isInteger(value)) return formatNumber(value);
  return formatNumber(value, Math.round(value * 10) === value * 10 ? 1 : 2).replace(/,?0+$/, '');
}

/** A share in percent to one decimal: "100%", "75,5%". */
export function formatPercent(value: number): string {
  return `${formatQuantity(Math.round(value * 10) / 10)}%`;
}

export function measureName(lang: Lang, measure: MeasureView): string {
  return lang === 'en' && measure.nameEn ? measure.nameEn : measure.nameVi;
}

/** An operation as people name it: "10/06/2026 22:00 – Đột kích". */
export function operationLabel(t: I18n['t'], operation: Pick<OperationView, 'startedAt' | 'kind'>): string {
  return `${formatDateAndTime(operation.startedAt)} – ${codeLabel(t, 'operationKind', operation.kind)}`;
}

export type Change = { readonly kind: 'none' } | { readonly kind: 'same' } | { readonly kind: 'up' | 'down'; readonly n: number; readonly percent: number };

/** The change from last year's figure: none without a figure last year, otherwise up or down by how much. */
export function changeFrom(previous: number, current: number): Change {
  if (previous === 0) return { kind: 'none' };
  const diff = current - previous;
  if (diff === 0) return { kind: 'same' };
  return { kind: diff > 0 ? 'up' : 'down', n: Math.abs(diff), percent: Math.round((Math.abs(diff) / previous) * 1000) / 10 };
}
