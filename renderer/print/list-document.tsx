import type { ReactNode } from 'react';
import type { OfficeView } from '../../api/views';
import { Body } from './body';
import { DocumentHeader } from './document-header';
import { DocumentTitle } from './document-title';
import { ListTable, type ListTableProps } from './list-table';
import { documentNumber, placeDateLine } from './print-format';
import { Recipients } from './recipients';
import { ChiefSignature, DocumentEnd, Signatures } from './signature-block';

export interface ListDocumentProps<Row> extends ListTableProps<Row> {
  readonly office: OfficeView;
  readonly printedAt: number;
  /** The kind of document in its number ("BC", "DS"); the number itself is left to write by hand. */
  readonly symbol: string;
  readonly title: string;
  readonly summary: string;
  /** Wide tables are printed on landscape A4. */
  readonly landscape?: boolean;
  /** Paragraphs before the table. */
  readonly intro?: ReactNode;
  /** The line under the table ("Tổng số: …"). */
  readonly total?: string;
  /** Paragraphs after the table. */
  readonly closing?: ReactNode;
  readonly recipients: readonly string[];
}

/**
 * A printed list in the Decree 30/2020 layout: the office's header with a blank number, place and
 * date, the title and its summary, the table, the total, and the chief's signature with "Nơi nhận".
 */
export function ListDocument<Row>({ office, printedAt, symbol, title, summary, landscape = false, intro, total, closing, recipients, ...table }: ListDocumentProps<Row>) {
  return (
    <article className={landscape ? 'doc doc-landscape' : 'doc doc-portrait'} aria-label={title.replace('\n', ' ')}>
      <DocumentHeader parentName={office.parentName} officeName={office.name} number={documentNumber(null, symbol, office.name)} placeDate={placeDateLine(office.name, printedAt)} />
      <DocumentTitle title={title} summary={summary} />
      {intro ? <Body>{intro}</Body> : null}
      <ListTable {...table} />
      <DocumentEnd signatures={<Signatures left={<Recipients items={recipients} />} right={<ChiefSignature office={office} />} />}>
        {total ? <p className="doc-table-total">{total}</p> : null}
        {closing ? <Body>{closing}</Body> : null}
      </DocumentEnd>
    </article>
  );
}
