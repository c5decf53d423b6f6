import { reportKinds, reportStatuses } from '../../../api/calls/register';
import { Button } from '../../components/button';
import { CheckboxField } from '../../components/checkbox-field';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import type { Offices } from '../../data/use-offices';
import type { Form } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import type { FilterValues } from './filter-values';
import { categoryOptions, codeOptions } from './labels';
import type { Reference } from './use-reference';

export interface RegisterFiltersProps {
  readonly form: Form<FilterValues>;
  readonly reference: Reference;
  readonly onClear: () => void;
  readonly offices: Offices;
}

/** The register's toolbar: search (diacritics optional), period, kind, category, status, place, officer. */
export function RegisterFilters({ form, reference, onClear, offices }: RegisterFiltersProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const all = t('common.all');
  const localityOptions = [{ value: '', label: all }, ...reference.localities.filter((l) => !l.voided).map((l) => ({ value: l.id, label: l.name }))];
  const officerOptions = [{ value: '', label: all }, ...reference.officers.map((o) => ({ value: o.id, label: o.fullName }))];

  return (
    <form role="search" aria-labelledby="register-filters-title" className="toolbar" noValidate onSubmit={form.handleSubmit}>
      <h2 id="register-filters-title" className="sr-only">
        {t('register.filters')}
      </h2>
      <div className="toolbar-row">
        {offices.many ? <SelectField {...form.field('officeId')} label={t('office.filter')} options={offices.options(all)} /> : null}
        <div className="toolbar-search">
          <TextField {...form.field('q')} type="search" label={t('register.search')} hint={t('register.searchHint')} />
        </div>
        <TextField {...form.field('from')} type="date" label={t('register.from')} size="medium" />
        <TextField {...form.field('to')} type="date" label={t('register.to')} size="medium" />
      </div>
      <div className="toolbar-row">
        <SelectField {...form.field('kind')} label={t('report.kind')} options={[{ value: '', label: all }, ...codeOptions(t, 'kind', reportKinds)]} />
        <SelectField {...form.field('categoryCode')} label={t('report.category')} options={categoryOptions(i18n, reference.categories, all)} />
        <SelectField {...form.field('status')} label={t('report.status')} options={[{ value: '', label: all }, ...codeOptions(t, 'reportStatus', reportStatuses)]} />
        <SelectField {...form.field('localityId')} label={t('report.locality')} options={localityOptions} />
        <SelectField {...form.field('officerId')} label={t('report.officer')} options={officerOptions} />
      </div>
      <div className="toolbar-row toolbar-row-end">
        <CheckboxField {...form.field('overdue')} label={t('register.overdueOnly')} />
        <CheckboxField {...form.field('includeVoided')} label={t('register.includeVoided')} />
        <Button small variant="quiet" onClick={onClear}>
          {t('register.clearFilters')}
        </Button>
      </div>
    </form>
  );
}
