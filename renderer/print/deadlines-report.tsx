import type { DeadlineItem } from '../../api/views';
import { formatDue } from '../format';
import { deadlineState } from '../pages/register/deadline-text';
import type { DeadlinesData } from './list-data';
import { ListDocument } from './list-document';
import type { ListColumn, ListGroup } from './list-table';
import { dateWords, timeWords } from './print-format';
import { deadlineKindLabels, deadlinesText as text, listText } from './print-list-text';
import { label, tVi } from './print-text';

function columns(now: number): ListColumn<DeadlineItem>[] {
  const c = text.columns;
  return [
    { key: 'number', header: c.number, width: '8%', center: true, cell: (item) => item.number },
    { key: 'summary', header: c.summary, width: '27%', cell: (item) => item.summary },
    { key: 'kind', header: c.kind, width: '15%', cell: (item) => label(deadlineKindLabels, item.kind) },
    { key: 'due', header: c.due, width: '12%', center: true, cell: (item) => formatDue(item.dueAt) },
    { key: 'state', header: c.state, width: '14%', center: true, cell: (item) => deadlineState(tVi, { dueAt: item.dueAt, done: false }, now).text },
    { key: 'officer', header: c.officer, width: '19%', cell: (item) => item.officerName ?? text.unassigned },
  ];
}

/**
 * The report of overdue deadlines and of those due today and within the next days, from the board
 * the deadlines page shows, most urgent first, with the officer handling each report.
 */
export function DeadlinesReport({ data, printedAt }: { readonly data: DeadlinesData; readonly printedAt: number }) {
  const { office, board, withinDays } = data;
  const group = (key: 'overdue' | 'today' | 'soon', title: string): ListGroup<DeadlineItem> => {
    const items = board[key];
    const count = board.counts[key];
    const capped = items.length < count ? `; ${text.capped(items.length, count)}` : '';
    return { key, title: `${title} (${count}${capped})`, rows: items };
  };
  const groups = [group('overdue', text.groups.overdue), group('today', text.groups.today), group('soon', text.groups.soon(withinDays))];
  return (
    <ListDocument
      office={office}
      printedAt={printedAt}
      symbol={text.symbol}
      title={text.title}
      summary={text.summary(timeWords(board.now), dateWords(board.now))}
      intro={<p>{text.intro(office.name, board.counts.overdue, board.counts.today, board.counts.soon, withinDays)}</p>}
      caption={text.caption}
      columns={columns(board.now)}
      groups={groups}
      rowKey={(item) => `${item.reportId}-${item.kind}`}
      empty={listText.none}
      closing={<p>{text.closing}</p>}
      recipients={text.recipients}
    />
  );
}

