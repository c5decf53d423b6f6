import type { ReportRow } from '../../api/views';
import { formatDate, formatDateAndTime } from '../format';
import { DocumentHeader } from './document-header';
import { DocumentTitle } from './document-title';
import type { RegisterData } from './print-data';
import { documentNumber, isoToDisplay, placeDateLine } from './print-format';
import { channelLabels, decisionLabels, kindLabels, label, registerText as text, statusLabels } from './print-text';
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

function Lines({ lines }: { readonly lines: readonly string[] }) {
  return (
    <>
      {lines.map((line, index) => (
        <span key={index} className="doc-cell-line">
          {line}
        </span>
      ))}
    </>
  );
}

function EntryRow({ row, index }: { readonly row: ReportRow; readonly index: number }) {
  return (
    <tr className={row.voided ? 'doc-row-voided' : undefined}>
      <td className="doc-cell-center">{index + 1}</td>
      <td className="doc-cell-center">{row.number}</td>
      <td className="doc-cell-center">{formatDateAndTime(row.receivedAt)}</td>
      <td>
        <Lines lines={source(row)} />
      </td>
      <td>{row.summary}</td>
      <td>{row.categoryName ?? label(kindLabels, row.kind)}</td>
      <td>{row.officerName ?? ''}</td>
      <td>
        <Lines lines={outcome(row)} />
      </td>
    </tr>
  );
}

/** The rows of the table carried to the end of the document, with the signature. */
const TAIL_ROWS = 2;

/**
 * The extract's table: the head (repeated on every page) and the entries; `tail` is the table's last
 * rows, printed in the end of the document with no head of their own. `first` is the index of the first
 * entry; `none` says the period has no entry at all.
 */
function EntryTable({ entries, first = 0, tail = false, none = false }: { readonly entries: readonly ReportRow[]; readonly first?: number; readonly tail?: boolean; readonly none?: boolean }) {
  const columns = text.columns;
  return (
    <table className={tail ? 'doc-table doc-table-tail' : 'doc-table'}>
      {tail ? null : <caption className="sr-only">{text.caption}</caption>}
      <colgroup>
        <col className="doc-col-index" />
        <col className="doc-col-number" />
        <col className="doc-col-date" />
        <col className="doc-col-reporter" />
        <col className="doc-col-summary" />
        <col className="doc-col-category" />
        <col className="doc-col-officer" />
        <col className="doc-col-result" />
      </colgroup>
      {tail ? null : (
        <thead>
          <tr>
            <th scope="col">{columns.index}</th>
            <th scope="col">{columns.number}</th>
            <th scope="col">{columns.receivedAt}</th>
            <th scope="col">{columns.reporter}</th>
            <th scope="col">{columns.summary}</th>
            <th scope="col">{columns.category}</th>
            <th scope="col">{columns.officer}</th>
            <th scope="col">{columns.result}</th>
          </tr>
        </thead>
      )}
      <tbody>
        {entries.length === 0 && !tail && none ? (
          <tr>
            <td colSpan={8} className="doc-cell-center">
              {text.empty}
            </td>
          </tr>
        ) : (
          entries.map((row, index) => <EntryRow key={row.id} row={row} index={first + index} />)
        )}
      </tbody>
    </table>
  );
}

/**
 * The register extract for a period, on landscape A4: every entry received in it (voided ones marked),
 * in register order, with the chief's signature block. The table's head repeats on every page.
 */
export function RegisterExtract({ data, printedAt }: { readonly data: RegisterData; readonly printedAt: number }) {
  const { office, from, to, entries } = data;
  // The last rows go with the total and the signature, so these never stand alone on a page.
  const head = entries.slice(0, Math.max(0, entries.length - TAIL_ROWS));
  const tail = entries.slice(head.length);
  return (
    <article className="doc doc-landscape" aria-label={text.title}>
      <DocumentHeader
        parentName={office.parentName}
        officeName={office.name}
        number={documentNumber(null, text.symbol, office.name)}
        placeDate={placeDateLine(office.name, printedAt)}
      />
      <DocumentTitle title={text.title} summary={text.period(isoToDisplay(from), isoToDisplay(to))} />
      <EntryTable entries={head} none={entries.length === 0} />
      <DocumentEnd signatures={<Signatures left={<Recipients items={text.recipients} />} right={<ChiefSignature office={office} />} />}>
        {tail.length > 0 ? <EntryTable entries={tail} first={head.length} tail /> : null}
        <p className="doc-table-total">{text.count(entries.length)}</p>
      </DocumentEnd>
    </article>
  );
}
