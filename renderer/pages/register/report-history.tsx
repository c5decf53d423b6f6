import type { HistoryEntry, ReportDetail } from '../../../api/views';
import { DataTable, type Column } from '../../components/data-table';
import { LoadedView } from '../../components/loaded-view';
import type { Loaded } from '../../data/use-call';
import { formatDateAndTime, formatIsoDate, formatNumber } from '../../format';
import { isMessageKey, useI18n, type I18n, type MessageKey } from '../../i18n';
import { categoryName, codeLabel, type LabelFamily } from './labels';
import type { Reference } from './use-reference';

/** How each stored column reads in the history: its label and how its values are written. */
type Shape = 'text' | 'instant' | 'date' | 'bool' | 'number' | 'money' | LabelFamily | 'category' | 'locality' | 'officer' | 'person';

const columns: Readonly<Record<string, readonly [MessageKey, Shape]>> = {
  register_no: ['report.registerNo', 'number'],
  register_year: ['report.registerYear', 'number'],
  received_at: ['report.receivedAt', 'instant'],
  occurred_on: ['report.occurredOn', 'date'],
  occurred_note: ['report.occurredNote', 'text'],
  channel: ['report.channel', 'channel'],
  kind: ['report.kind', 'kind'],
  category_code: ['report.category', 'category'],
  locality_id: ['report.locality', 'locality'],
  address: ['report.address', 'text'],
  latitude: ['report.latitude', 'text'],
  longitude: ['report.longitude', 'text'],
  reporter_name: ['report.reporterName', 'text'],
  reporter_contact: ['report.reporterContact', 'text'],
  reporter_address: ['report.reporterAddress', 'text'],
  reporter_anonymous: ['report.reporterAnonymous', 'bool'],
  summary: ['report.summary', 'text'],
  description: ['report.description', 'text'],
  deaths: ['report.deaths', 'number'],
  injuries: ['report.injuries', 'number'],
  damage: ['report.damage', 'money'],
  sanction_decision: ['report.sanctionDecision', 'text'],
  fine: ['report.fine', 'money'],
  officer_id: ['report.officer', 'officer'],
  status: ['report.status', 'reportStatus'],
  complex: ['report.complex', 'bool'],
  transferred_at: ['report.transferredAt', 'instant'],
  transferred_to: ['report.transferredTo', 'text'],
  notice_sent_at: ['report.noticeSentAt', 'instant'],
  decision: ['report.decision', 'decision'],
  decision_at: ['report.decisionAt', 'instant'],
  decision_no: ['report.decisionNo', 'text'],
  extension_no: ['report.extensionNo', 'text'],
  extended_until: ['report.extendedUntil', 'date'],
  resolution_note: ['report.resolutionNote', 'text'],
  deleted_at: ['report.deletedAt', 'instant'],
  void_reason: ['report.voidReason', 'text'],
  'persons.person_id': ['history.person', 'person'],
  'persons.role': ['person.role', 'personRole'],
  'persons.void_reason': ['report.voidReason', 'text'],
};

/** Bookkeeping columns that say nothing to the reader. */
const hidden: ReadonlySet<string> = new Set(['id', 'office_id', 'created_at', 'created_by']);

function formatValue(i18n: I18n, shape: Shape, value: unknown, reference: Reference, report: ReportDetail): string {
  const { t } = i18n;
  if (value === null || value === undefined || value === '') return t('common.none');
  const text = String(value);
  switch (shape) {
    case 'instant':
      return typeof value === 'number' ? formatDateAndTime(value) : text;
    case 'date':
      return formatIsoDate(text);
    case 'bool':
      return t(value === 1 || value === true ? 'common.yes' : 'common.no');
    case 'number':
      return typeof value === 'number' ? String(value) : text;
    case 'money':
      return typeof value === 'number' ? `${formatNumber(value)} đ` : text;
    case 'category': {
      const category = reference.categories.find((c) => c.code === text);
      return category ? categoryName(i18n.lang, category) : text;
    }
    case 'locality':
      return reference.localities.find((l) => l.id === text)?.name ?? text;
    case 'officer':
      return reference.officers.find((o) => o.id === text)?.fullName ?? text;
    case 'person':
      return report.persons.find((p) => p.person.id === text)?.person.fullName ?? t('history.person');
    case 'text':
      return text;
    default:
      return codeLabel(t, shape, text);
  }
}

function describeChange(i18n: I18n, change: HistoryEntry['changes'][number], insert: boolean, reference: Reference, report: ReportDetail): string | null {
  if (hidden.has(change.field)) return null;
  const [label, shape] = columns[change.field] ?? [null, 'text' as const];
  // A new record's "no" flags say nothing: only what was set is listed.
  if (insert && shape === 'bool' && !change.after) return null;
  const name = label ? i18n.t(label) : change.field;
  if (change.secret) return `${name}: ${i18n.t('history.secret')}`;
  const after = formatValue(i18n, shape, change.after, reference, report);
  return insert ? `${name}: ${after}` : `${name}: ${formatValue(i18n, shape, change.before, reference, report)} → ${after}`;
}

export interface ReportHistoryProps {
  readonly history: Loaded<readonly HistoryEntry[]>;
  readonly reference: Reference;
  readonly report: ReportDetail;
}

type Row = HistoryEntry & { readonly index: number };

/** Who changed what and when: every write to the report and to its people, oldest first. */
export function ReportHistory({ history, reference, report }: ReportHistoryProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const cols: readonly Column<Row>[] = [
    { key: 'when', header: t('history.when'), className: 'nowrap', cell: (entry) => formatDateAndTime(entry.at) },
    { key: 'who', header: t('history.who'), cell: (entry) => entry.userName ?? t('history.system') },
    {
      key: 'what',
      header: t('history.what'),
      cell: (entry) => {
        const key = `history.${entry.action}`;
        // An imported report's entry lists what it came in with, as a creation does.
        const insert = entry.action === 'insert' || entry.action === 'link_insert' || entry.action === 'imported';
        const lines = entry.changes.map((change) => describeChange(i18n, change, insert, reference, report)).filter((line): line is string => line !== null);
        if (entry.imported) lines.unshift(t('lg.importedFrom', { file: entry.imported.fileName, sheet: entry.imported.sheet, row: entry.imported.row }));
        if (entry.bundle) lines.push(t('history.receivedFrom', { seq: entry.bundle.seq, office: `${entry.bundle.officeName} (${entry.bundle.officeCode})`, bundle: entry.bundle.bundleId }));
        return (
          <>
            <strong>{isMessageKey(key) ? t(key) : t('history.other')}</strong>
            {lines.length > 0 ? (
              <ul className="change-list">
                {lines.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
            ) : null}
          </>
        );
      },
    },
  ];
  return (
    <LoadedView loaded={history}>
      {(entries) => (
        <DataTable
          caption={t('report.history')}
          captionHidden
          columns={cols}
          rows={entries.map((entry, index) => ({ ...entry, index }))}
          rowKey={(entry) => String(entry.index)}
          empty={t('history.empty')}
        />
      )}
    </LoadedView>
  );
}
