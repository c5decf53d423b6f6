import type { ReportDetail } from '../../../api/views';
import { DetailsList, type Detail } from '../../components/details-list';
import { formatDateAndTime, formatIsoDate, formatNumber } from '../../format';
import { useI18n } from '../../i18n';
import { categoryName, codeLabel } from './labels';
import type { Reference } from './use-reference';

/** Every recorded fact of a report, in the order of the receipt record; empty facts are left out. */
export function ReportDetails({ report, reference }: { readonly report: ReportDetail; readonly reference: Reference }) {
  const i18n = useI18n();
  const { t } = i18n;
  const none = t('common.none');
  const category = reference.categories.find((c) => c.code === report.categoryCode);
  const locality = reference.localities.find((l) => l.id === report.localityId);
  const officer = reference.officers.find((o) => o.id === report.officerId);
  const money = (value: number | null) => (value === null ? null : `${formatNumber(value)} đồng`);
  const join = (...parts: (string | null)[]) => parts.filter((part) => part !== null && part !== '').join(' – ') || null;
  // An officer gets the flag without the values (db/secrets.ts): the page says why.
  const secret = report.reporterAnonymous && !report.reporterName && !report.reporterContact && !report.reporterAddress;
  const reporter = report.reporterAnonymous
    ? join(t('report.anonymous'), secret ? t('report.reporterSecret') : null, report.reporterName, report.reporterContact, report.reporterAddress)
    : join(report.reporterName, report.reporterContact, report.reporterAddress);

  const items: { readonly label: string; readonly value: string | null | false }[] = [
    { label: t('report.number'), value: report.number },
    { label: t('report.receivedAt'), value: formatDateAndTime(report.receivedAt) },
    { label: t('report.channel'), value: codeLabel(t, 'channel', report.channel) },
    { label: t('report.kind'), value: codeLabel(t, 'kind', report.kind) },
    { label: t('report.category'), value: category ? categoryName(i18n.lang, category) : report.categoryCode },
    { label: t('report.status'), value: join(codeLabel(t, 'reportStatus', report.status), report.complex ? t('report.complex') : null) },
    { label: t('report.summary'), value: report.summary },
    { label: t('report.occurredOn'), value: join(report.occurredOn ? formatIsoDate(report.occurredOn) : null, report.occurredNote) },
    { label: t('report.locality'), value: locality?.name ?? null },
    { label: t('report.address'), value: report.address },
    { label: t('reportForm.reporter'), value: reporter },
    { label: t('report.deaths'), value: report.deaths === null ? null : String(report.deaths) },
    { label: t('report.injuries'), value: report.injuries === null ? null : String(report.injuries) },
    { label: t('report.damage'), value: money(report.damage) },
    { label: t('report.sanctionDecision'), value: report.sanctionDecision },
    { label: t('report.fine'), value: money(report.fine) },
    { label: t('report.officer'), value: officer?.fullName ?? t('report.noOfficer') },
    { label: t('report.transferredTo'), value: join(report.transferredTo, report.transferredAt === null ? null : formatDateAndTime(report.transferredAt)) },
    { label: t('report.noticeSentAt'), value: report.noticeSentAt === null ? null : formatDateAndTime(report.noticeSentAt) },
    {
      label: t('report.decision'),
      value: report.decision ? join(codeLabel(t, 'decision', report.decision), report.decisionNo, report.decisionAt === null ? null : formatDateAndTime(report.decisionAt)) : null,
    },
    { label: t('report.extendedUntil'), value: report.extendedUntil ? join(formatIsoDate(report.extendedUntil), report.extensionNo) : null },
    { label: t('report.resolutionNote'), value: report.resolutionNote },
    { label: t('report.voidReason'), value: report.voided ? (report.voidReason ?? none) : null },
  ];
  const shown: Detail[] = items.filter((item): item is Detail & { value: string } => typeof item.value === 'string' && item.value !== '');
  return (
    <>
      <DetailsList items={shown} />
      {report.description ? (
        <div className="description">
          <h3>{t('report.description')}</h3>
          <p className="prewrap">{report.description}</p>
        </div>
      ) : null}
    </>
  );
}
