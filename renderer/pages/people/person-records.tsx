import type { PersonOverview, ProgramView } from '../../../api/views';
import { DataTable, type Column } from '../../components/data-table';
import { formatDate, formatIsoDate } from '../../format';
import { useI18n } from '../../i18n';
import { href, paths } from '../../router';
import { codeLabel } from '../register/labels';
import { kindName } from './kind-name';
import type { PeopleReference } from './use-people-reference';

type ReportLink = PersonOverview['reports'][number];
type HotspotLink = PersonOverview['hotspots'][number];

/** The reports that name a person, with their role in each. */
export function PersonReports({ reports }: { readonly reports: PersonOverview['reports'] }) {
  const { t } = useI18n();
  const columns: Column<ReportLink>[] = [
    { key: 'number', header: t('report.number'), rowHeader: true, className: 'nowrap', cell: (r) => <a href={href(paths.report(r.reportId))}>{r.number}</a> },
    { key: 'receivedAt', header: t('report.receivedAt'), className: 'nowrap', cell: (r) => formatDate(r.receivedAt) },
    { key: 'summary', header: t('report.summary'), cell: (r) => r.summary },
    { key: 'role', header: t('person.role'), cell: (r) => codeLabel(t, 'personRole', r.role) },
  ];
  return <DataTable caption={t('people.reports')} captionHidden columns={columns} rows={reports} rowKey={(r) => `${r.reportId}-${r.role}`} empty={t('people.noReports')} />;
}

/** The hotspots a person is linked to, with their role there. */
export function PersonHotspots({ hotspots }: { readonly hotspots: PersonOverview['hotspots'] }) {
  const { t } = useI18n();
  const columns: Column<HotspotLink>[] = [
    { key: 'name', header: t('hotspot.name'), rowHeader: true, cell: (h) => <a href={href(paths.hotspot(h.hotspotId))}>{h.name}</a> },
    { key: 'role', header: t('hotspot.role'), cell: (h) => codeLabel(t, 'hotspotRole', h.role) },
    { key: 'status', header: t('hotspot.status'), cell: (h) => codeLabel(t, 'hotspotStatus', h.status) },
  ];
  return <DataTable caption={t('people.hotspots')} captionHidden columns={columns} rows={hotspots} rowKey={(h) => `${h.hotspotId}-${h.role}`} empty={t('people.noHotspots')} />;
}

/** Management programs: a person's (on their page) or anyone's (the programs' list). */
export function ProgramsTable({ programs, reference, showPerson = false }: { readonly programs: readonly ProgramView[]; readonly reference: PeopleReference; readonly showPerson?: boolean }) {
  const { t, lang } = useI18n();
  const none = t('common.none');
  const columns: Column<ProgramView>[] = [
    ...(showPerson ? [{ key: 'person', header: t('person.fullName'), rowHeader: true, cell: (p: ProgramView) => <a href={href(paths.person(p.personId))}>{p.personName}</a> }] : []),
    { key: 'kind', header: t('program.kind'), rowHeader: !showPerson, cell: (p) => <a href={href(paths.program(p.id))}>{kindName(lang, reference.kinds, p.kindCode)}</a> },
    { key: 'start', header: t('program.startDate'), className: 'nowrap', cell: (p) => formatIsoDate(p.startDate) },
    { key: 'end', header: t('program.endDate'), className: 'nowrap', cell: (p) => (p.endDate ? formatIsoDate(p.endDate) : none) },
    { key: 'status', header: t('program.status'), cell: (p) => codeLabel(t, 'programStatus', p.status) },
    { key: 'next', header: t('program.nextCheckin'), className: 'nowrap', cell: (p) => (p.status === 'active' && p.nextCheckinOn ? formatIsoDate(p.nextCheckinOn) : none) },
    { key: 'officer', header: t('program.officer'), cell: (p) => p.officerName ?? none },
  ];
  return <DataTable caption={t('programs.list')} captionHidden columns={columns} rows={programs} rowKey={(p) => p.id} empty={t('programs.empty')} />;
}
