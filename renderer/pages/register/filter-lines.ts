import type { z } from 'zod';
import type { reportFilters } from '../../../api/calls/register';
import type { FilterLine } from '../../components/export-button';
import type { Loaded } from '../../data/use-call';
import type { Offices } from '../../data/use-offices';
import { formatIsoDate } from '../../format';
import type { I18n } from '../../i18n';
import { categoryName, codeLabel } from './labels';
import type { Reference } from './use-reference';

/** The register's filters in effect, named as the toolbar names them (for the heading of an export). */
export function registerFilterLines(i18n: I18n, filters: z.input<typeof reportFilters>, reference: Loaded<Reference>, offices?: Offices): FilterLine[] {
  const { t } = i18n;
  const ref = reference.status === 'ready' ? reference.value : null;
  const category = ref?.categories.find((c) => c.code === filters.categoryCode);
  return [
    [t('office.filter'), filters.officeId && (offices?.nameOf(filters.officeId) ?? filters.officeId)],
    [t('register.search'), filters.q],
    [t('register.from'), filters.from && formatIsoDate(filters.from)],
    [t('register.to'), filters.to && formatIsoDate(filters.to)],
    [t('report.kind'), filters.kind && codeLabel(t, 'kind', filters.kind)],
    [t('report.category'), category ? categoryName(i18n.lang, category) : filters.categoryCode],
    [t('report.status'), filters.status && codeLabel(t, 'reportStatus', filters.status)],
    [t('report.locality'), filters.localityId && (ref?.localities.find((l) => l.id === filters.localityId)?.name ?? filters.localityId)],
    [t('report.officer'), filters.officerId && (ref?.officers.find((o) => o.id === filters.officerId)?.fullName ?? filters.officerId)],
    [t('register.overdueOnly'), filters.overdue && t('common.yes')],
    [t('register.includeVoided'), filters.includeVoided && t('common.yes')],
  ];
}
