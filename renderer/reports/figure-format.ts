import { change } from '../../api/compare';
import { formatNumber } from '../format';
import type { MessageKey, Params } from '../i18n';
import { figure } from './narrative';
import type { FigureFormat } from './report-layout';

/**
 * How a figure of the periodic report is written in a table cell, on screen and on paper: counts and
 * money in whole numbers with dot thousands, quantities and rates with up to two decimals after a
 * comma, a rate with "%"; and its change against the same period last year ("tăng 1 (50%)", a rate's
 * change in points, "cùng kỳ không có" when there is nothing to compare with).
 */

type Translate = (key: MessageKey, params?: Params) => string;

/** A figure in its row's format; null (not computable, a rate of nothing) is `none`. */
export function formatFigure(value: number | null, format: FigureFormat, none = '—'): string {
  if (value === null) return none;
  switch (format) {
    case 'count':
    case 'money':
      return formatNumber(Math.round(value));
    case 'quantity':
      return figure(value);
    case 'percent':
      return `${figure(value)}%`;
  }
}

/** The change from `base` to `current` in the words of `t` (the interface's language, or Vietnamese on paper). */
export function changeText(t: Translate, current: number | null, base: number | null, format: FigureFormat, none = '—'): string {
  if (current === null || base === null) return none;
  const c = change(current, base);
  if (format === 'percent') {
    if (c.direction === 'same') return t('periodic.change.same');
    return t(c.direction === 'up' ? 'periodic.change.upPoints' : 'periodic.change.downPoints', { n: figure(Math.abs(c.diff)) });
  }
  if (c.noBase) return t('periodic.change.noBase');
  if (c.direction === 'same') return t('periodic.change.same');
  const n = format === 'quantity' ? figure(Math.abs(c.diff)) : formatNumber(Math.abs(c.diff));
  return t(c.direction === 'up' ? 'periodic.change.up' : 'periodic.change.down', { n, p: figure(Math.abs(c.percent ?? 0)) });
}
