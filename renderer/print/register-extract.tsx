import type { ReportRow } from '../../api/views';
import { formatDate, formatDateAndTime } from '../format';
import { DocumentHeader } from './document-header';
import { DocumentTitle } from './document-title';
import type { RegisterData } from './print-data';
import { documentNumber, isoToDisplay, placeDateLine } from './print-format';
import { channelLabels, decisionLabels, kindLabels, label, registerText as text, statusLabels } from './print-text';
import { CellLines, ListTable, type ListColumn } from './list-table';
import { Recipients } from './recipients';
import { ChiefSignature, DocumentEnd, Signatures } from './signature-block';

/** The outcome column: the status, then the decision, the transfer or the note that goes with it. */
function outcome(detail: ReportRow): string[] {
  if (detail.voided) return [detail.voidReason ? `${text.voided}: ${detail.voidReason}` : text.voided];
  const lines = [label(statusLabels, detail.status)];
  if (detail.decision) {
    const when = detail.decisionAt !== null ? ` ngày ${formatDate(detail.decisionAt)}` : '';
    const number = detail.decisionNo ? ` số ${detail.decisionNo}` : '';
    lines.push(`${label(decisionLabels, detail.decision)}${number}${when}`);
  } else if (detail.transferredAt !== null) {
    lines.push(`Chuyển ${detail.transferredTo} ngày ${formatDate(detail.transferredAt)}`);
  }
  if (detail.resolutionNote) lines.push(detail.resolutionNote);
  return lines;
}

/** The reporter column: the reporter's name (or that it is kept secret) and how the report came in. */
function source(detail: ReportRow): string[] {
  const reporter = detail.reporterAnonymous ? text.anonymous : detail.reporterName;
  return [reporter, label(channelLabels, detail.channel)].filter((line) => line.trim() !== '');
}

/** The extract's columns; the widths add up to 95%, "STT" taking the rest (print.css, .doc-col-index). */
function entryColumns(): ListColumn<ReportRow>[] {
  const c = text.columns;
  return [
    { key: 'number', header: c.number, width: '7%', center: true, cell: (row) => row.number },
    { key: 'receivedAt', header: c.receivedAt, width: '9%', center: true, cell: (row) => formatDateAndTime(row.receivedAt) },
    { key: 'reporter', header: c.reporter, width: '14%', cell: (row) => <CellLines lines={source(row)} /> },
    { key: 'summary', header: c.summary, width: '26%', cell: (row) => row.summary },
    { key: 'category', header: c.category, width: '11%', cell: (row) => row.categoryName ?? label(kindLabels, row.kind) },
    { key: 'officer', header: c.officer, width: '11%', cell: (row) => row.officerName ?? '' },
    { key: 'result', header: c.result, width: '17%', cell: (row) => <CellLines lines={outcome(row)} /> },
  ];
}

/** The rows of the table carried to the end of the document, with the signature. */
const TAIL_ROWS = 2;

/**
 * The register extract for a period, on landscape A4: every entry received in it (voided ones marked),
 * in register order, with the chief's signature block. The table's head repeats on every page.
 */
export function RegisterExtract({ data, printedAt }: { readonly data: RegisterData; readonly printedAt: number }) {
  const { office, from, to, entries } = data;
  // The last rows go with the total and the signature, so these never stand alone on a page.
  const head = entries.slice(0, Math.max(0, entries.length - TAIL_ROWS));
  const tail = entries.slice(head.length);
  const table = { caption: text.caption, columns: entryColumns(), rowKey: (row: ReportRow) => row.id, rowClass: (row: ReportRow) => (row.voided ? 'doc-row-voided' : undefined) };
  return (
    <article className="doc doc-landscape" aria-label={text.title}>
      <DocumentHeader
        parentName={office.parentName}
        officeName={office.name}
        number={documentNumber(null, text.symbol, office.name)}
        placeDate={placeDateLine(office.name, printedAt)}
      />
      <DocumentTitle title={text.title} summary={text.period(isoToDisplay(from), isoToDisplay(to))} />
      <ListTable {...table} groups={[{ key: 'entries', rows: head }]} empty={entries.length === 0 ? text.empty : undefined} />
      <DocumentEnd signatures={<Signatures left={<Recipients items={text.recipients} />} right={<ChiefSignature office={office} />} />}>
        {tail.length > 0 ? <ListTable {...table} groups={[{ key: 'entries', rows: tail }]} tail={{ first: head.length }} /> : null}
        <p className="doc-table-total">{text.count(entries.length)}</p>
      </DocumentEnd>
    </article>
  );
}
