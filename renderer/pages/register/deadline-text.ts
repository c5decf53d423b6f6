import type { Deadline } from '../../../api/views';
import type { I18n } from '../../i18n';
import { lateBy, lateSpan } from '../../../core/legal-clock';
import { DAY_MS } from '../../../core/vn-time';

const HOUR_MS = 3_600_000;

export interface DeadlineState {
  readonly text: string;
  readonly tone: 'done' | 'late' | 'passed' | 'overdue' | 'open';
}

type Shown = Pick<Deadline, 'dueAt' | 'done'> & Partial<Pick<Deadline, 'kind' | 'doneAt' | 'passedOn'>>;

/** "còn 2 ngày", "quá hạn 1 ngày", "còn 5 giờ", "đã thực hiện", "chuyển chậm 23 giờ" or "do cơ quan điều tra quyết định". */
export function deadlineState(t: I18n['t'], deadline: Shown, now: number): DeadlineState {
  if (deadline.passedOn) return { text: t('deadline.passedOn'), tone: 'passed' };
  if (deadline.done) {
    const late = lateBy(deadline.dueAt, deadline.doneAt ?? null);
    if (late === 0 || !deadline.kind) return { text: t('deadline.done'), tone: 'done' };
    const span = lateSpan(late);
    return { text: t(`deadline.late.${deadline.kind}.${span.unit}`, { n: span.n }), tone: 'late' };
  }
  const left = deadline.dueAt - now;
  const span = Math.abs(left);
  const days = Math.floor(span / DAY_MS);
  const hours = Math.max(1, Math.ceil(span / HOUR_MS));
  if (left > 0) return { text: days >= 1 ? t('deadline.daysLeft', { n: days }) : t('deadline.hoursLeft', { n: hours }), tone: 'open' };
  return { text: days >= 1 ? t('deadline.daysOver', { n: days }) : t('deadline.hoursOver', { n: hours }), tone: 'overdue' };
}
