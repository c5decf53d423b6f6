import type { MeasureResult } from '../../api/views';
import { changeFrom, formatPercent, formatQuantity } from '../pages/campaigns/campaign-format';
import { Body } from './body';
import { DocumentHeader } from './document-header';
import { DocumentTitle } from './document-title';
import { ListTable, type ListColumn } from './list-table';
import type { CampaignData } from './print-data';
import { documentNumber, isoToDisplay, placeDateLine, sentence, upper } from './print-format';
import { campaignText as text, label, operationKindLabels } from './print-text';
import { Recipients } from './recipients';
import { ChiefSignature, DocumentEnd, Signatures } from './signature-block';

function lastYear(result: MeasureResult): string {
  const change = changeFrom(result.sameTimeLastYear, result.result);
  const figure = formatQuantity(result.sameTimeLastYear);
  if (change.kind === 'none') return `${figure} (${text.noData})`;
  if (change.kind === 'same') return `${figure} (${text.same})`;
  const words = change.kind === 'up' ? text.up : text.down;
  return `${figure} (${words(formatQuantity(change.n), formatQuantity(change.percent))})`;
}

/** The results table's columns; the widths add up to 95%, "STT" taking the rest. */
function resultColumns(): ListColumn<MeasureResult>[] {
  const c = text.columns;
  return [
    { key: 'measure', header: c.measure, width: '28%', cell: (r) => r.measure.nameVi },
    { key: 'unit', header: c.unit, width: '8%', center: true, cell: (r) => r.measure.unit },
    { key: 'target', header: c.target, width: '12%', center: true, cell: (r) => (r.target === null ? text.noTarget : formatQuantity(r.target)) },
    { key: 'result', header: c.result, width: '12%', center: true, cell: (r) => formatQuantity(r.result) },
    { key: 'percent', header: c.percent, width: '10%', center: true, cell: (r) => (r.percent === null ? '' : formatPercent(r.percent)) },
    { key: 'lastYear', header: c.lastYear, width: '25%', cell: lastYear },
  ];
}

/**
 * The result report of a peak campaign (Decree 30/2020 layout): header, title with the campaign's
 * name, the period and decision, the table of targets and results with last year's figures, the
 * operations, and the chief's signature block.
 */
export function CampaignReport({ data, printedAt }: { readonly data: CampaignData; readonly printedAt: number }) {
  const { office, campaign } = data;
  const kinds = new Map<string, number>();
  for (const op of campaign.operations) kinds.set(op.kind, (kinds.get(op.kind) ?? 0) + 1);
  const kindParts = [...kinds].map(([kind, n]) => `${n} đợt ${label(operationKindLabels, kind)}`);
  const adjusted = campaign.results.filter((r) => r.adjustments.length > 0);
  const decision = text.decision(campaign.decisionNo, campaign.decisionDate ? isoToDisplay(campaign.decisionDate) : '');
  return (
    <article className="doc" aria-label={text.title(upper(campaign.name))}>
      <DocumentHeader parentName={office.parentName} officeName={office.name} number={documentNumber(null, text.symbol, office.name)} placeDate={placeDateLine(office.name, printedAt)} />
      <DocumentTitle title={text.title(upper(campaign.name))} />
      <Body>
        <p>{text.intro(office.name, decision, isoToDisplay(campaign.startDate), isoToDisplay(campaign.endDate))}</p>
      </Body>
      <ListTable caption={text.caption} columns={resultColumns()} groups={[{ key: 'results', rows: campaign.results }]} rowKey={(r) => r.measure.code} empty={text.empty} />
      <Body>
        <p>
          {text.operations(campaign.operations.length)}
          {text.operationKinds(kindParts)}
        </p>
        {campaign.forces ? <p>{sentence(text.forces(campaign.forces.trim()))}</p> : null}
        {adjusted.length > 0 ? (
          <p>
            {text.adjusted}{' '}
            {sentence(adjusted.flatMap((r) => r.adjustments.map((a) => `${r.measure.nameVi} ${a.delta > 0 ? '+' : ''}${formatQuantity(a.delta)} ${r.measure.unit} (${a.reason})`)).join('; '))}
          </p>
        ) : null}
      </Body>
      <DocumentEnd signatures={<Signatures left={<Recipients items={text.recipients(office.parentName)} />} right={<ChiefSignature office={office} />} />}>
        <Body>
          <p>{text.closing}</p>
        </Body>
      </DocumentEnd>
    </article>
  );
}
