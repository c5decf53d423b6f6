import type { Deadline } from '../../../api/views';
import type { I18n } from '../../i18n';
import { DAY_MS } from '../../../core/vn-time';

const HOUR_MS = 3_600_000;

export interface DeadlineState {
  readonly text: string;
  readonly tone: 'done' | 'overdue' | 'open';
}

/** "còn 2 ngày", "quá hạn 1 ngày", "còn 5 giờ", or "đã thực hiện". */
export function deadlineState(t: I18n['t'], deadline: Pick<Deadline, 'dueAt' | 'done'>, now: number): DeadlineState {
  if (deadline.done) return { text: t('deadline.done'), tone: 'done' };
  const left = deadline.dueAt - now;
  const span = Math.abs(left);
  const days = Math.floor(span / DAY_MS);
  const hours = Math.max(1, Math.ceil(span / HOUR_MS));
  if (left > 0) return { text: days >= 1 ? t('deadline.daysLeft', { n: days }) : t('deadline.hoursLeft', { n: hours }), tone: 'open' };
  return { text: days >= 1 ? t('deadline.daysOver', { n: days }) : t('deadline.hoursOver', { n: hours }), tone: 'overdue' };
}
