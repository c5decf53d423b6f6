import type { PersonView } from '../../api/views';
import { Body, Line, orBlank } from './body';
import { DocumentHeader } from './document-header';
import { DocumentTitle } from './document-title';
import type { ReceiptData } from './print-data';
import { dateWords, documentNumber, isoToDisplay, placeDateLine, timeWords } from './print-format';
import { channelLabels, kindLabels, label, receiptText as text, roleLabels } from './print-text';
import { DocumentEnd, SignatureBlock, Signatures } from './signature-block';

/** One person named in the report, as a line of the record. */
function personLine(role: string, person: PersonView): string {
  const parts = [`${person.fullName} (${label(roleLabels, role)})`];
  if (person.birthDate) parts.push(`sinh ngày ${isoToDisplay(person.birthDate)}`);
  else if (person.birthYear !== null) parts.push(`sinh năm ${person.birthYear}`);
  if (person.citizenId) parts.push(`số định danh cá nhân/CCCD: ${person.citizenId}`);
  if (person.permanentAddress) parts.push(`nơi thường trú: ${person.permanentAddress}`);
  if (person.temporaryAddress) parts.push(`nơi tạm trú: ${person.temporaryAddress}`);
  return `- ${parts.join('; ')}.`;
}

/**
 * The receipt record of one report (biên bản tiếp nhận): who received what, from whom, when and
 * where, the register number, and the two signatures. Kinds that are not sources of information about
 * crime get the title "BIÊN BẢN TIẾP NHẬN THÔNG TIN VỤ VIỆC".
 */
export function ReceiptRecord({ data }: { readonly data: ReceiptData }) {
  const { report, office, categories, localities, officer } = data;
  const category = categories.find((c) => c.code === report.categoryCode)?.nameVi ?? '';
  const locality = localities.find((l) => l.id === report.localityId)?.name ?? '';
  const place = [report.address, locality].filter((part) => part.trim() !== '').join(', ');
  const occurred = [report.occurredOn ? isoToDisplay(report.occurredOn) : '', report.occurredNote].filter(Boolean).join(', ');
  const channel = label(channelLabels, report.channel);
  const hasReporter = report.reporterName.trim() !== '' || report.reporterAddress.trim() !== '' || report.reporterContact.trim() !== '';
  const description = report.description.split(/\n+/).filter((paragraph) => paragraph.trim() !== '');

  return (
    <article className="doc doc-portrait" aria-label={text.title(report.kind)}>
      <DocumentHeader
        parentName={office.parentName}
        officeName={office.name}
        number={documentNumber(report.registerNo, text.symbol, office.name)}
        placeDate={placeDateLine(office.name, report.receivedAt)}
      />
      <DocumentTitle title={text.title(report.kind)} />
      <Body>
        <p>
          {text.at} {timeWords(report.receivedAt)}, {dateWords(report.receivedAt)}, {text.place} {office.name}.
        </p>
        <p>
          {text.weAre} <strong>{officer.fullName}</strong>
          {officer.rank ? `; ${text.rank.toLowerCase()}: ${officer.rank}` : ''}
          {officer.position ? `; ${text.position.toLowerCase()}: ${officer.position}` : ''}; {text.unit.toLowerCase()}: {office.name}.
        </p>
        <p>{text.proceed(report.kind)}</p>
        {hasReporter ? (
          <p>
            {text.reporter}: <strong>{orBlank(report.reporterName)}</strong>; {text.address.toLowerCase()}: {orBlank(report.reporterAddress)};{' '}
            {text.contact.toLowerCase()}: {orBlank(report.reporterContact)}.
          </p>
        ) : (
          <p>{text.noReporter.replace('{channel}', channel.toLowerCase())}</p>
        )}
        {report.reporterAnonymous ? <p className="doc-emphasis">{text.anonymous}</p> : null}
        <Line label={text.channel} value={channel} />
        <p>
          {text.content} <strong>{report.summary}</strong>
        </p>
        {description.map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
        <Line label={text.category} value={[label(kindLabels, report.kind), category].filter(Boolean).join(' - ')} />
        <Line label={text.occurred} value={occurred} />
        <Line label={text.occurredPlace} value={place} />
        <p>{text.persons}</p>
        {report.persons.length === 0 ? <p>{text.noPersons}</p> : report.persons.map((link) => <p key={link.linkId}>{personLine(link.role, link.person)}</p>)}
        <p>
          {text.number}: <strong>{report.number}</strong>
          {text.book(report.kind)}.
        </p>
      </Body>
      <DocumentEnd
        signatures={
          <Signatures
            left={<SignatureBlock capacity={text.reporterSigns} hint={text.signHint} name={report.reporterAnonymous ? '' : report.reporterName} />}
            right={<SignatureBlock capacity={text.officerSigns} hint={text.signHint} name={officer.fullName} />}
          />
        }
      >
        <Body>
          <p>{text.closing}</p>
        </Body>
      </DocumentEnd>
    </article>
  );
}
