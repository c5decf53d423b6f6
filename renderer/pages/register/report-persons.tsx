import type { ReportPerson } from '../../../api/views';
import { DataTable, type Column } from '../../components/data-table';
import { formatIsoDate } from '../../format';
import { useI18n } from '../../i18n';
import { codeLabel } from './labels';

/** The people named in a report, with their role in it. */
export function ReportPersons({ persons }: { readonly persons: readonly ReportPerson[] }) {
  const { t } = useI18n();
  const none = t('common.none');
  const columns: readonly Column<ReportPerson>[] = [
    { key: 'name', header: t('person.fullName'), rowHeader: true, cell: (p) => p.person.fullName },
    { key: 'role', header: t('person.role'), cell: (p) => codeLabel(t, 'personRole', p.role) },
    { key: 'gender', header: t('person.gender'), cell: (p) => codeLabel(t, 'gender', p.person.gender) },
    {
      key: 'born',
      header: t('person.birthDate'),
      className: 'nowrap',
      cell: (p) => (p.person.birthDate ? formatIsoDate(p.person.birthDate) : p.person.birthYear !== null ? String(p.person.birthYear) : none),
    },
    { key: 'citizenId', header: t('person.citizenId'), className: 'nowrap', cell: (p) => p.person.citizenId ?? none },
    { key: 'address', header: t('person.permanentAddress'), cell: (p) => p.person.permanentAddress || p.person.temporaryAddress || none },
  ];
  return <DataTable caption={t('report.persons')} captionHidden columns={columns} rows={persons} rowKey={(p) => p.linkId} empty={t('report.noPersons')} />;
}
