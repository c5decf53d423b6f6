import { useState } from 'react';
import { campaignCalls } from '../../../api/calls/campaigns';
import type { MeasureView } from '../../../api/views';
import { invoke } from '../../api-client';
import { DataTable, type Column } from '../../components/data-table';
import { FormFrame } from '../../components/form-frame';
import { LoadedView } from '../../components/loaded-view';
import { Notice } from '../../components/notice';
import { TextField } from '../../components/text-field';
import { useCall } from '../../data/use-call';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';

/**
 * Chỉ tiêu và tang vật: what campaigns set targets on and operations seize. Counted measures come with the
 * application; an administrator adds seized items (a kind of drug, goods, weapons…) with their unit.
 */
export function MeasuresSection({ canEdit }: { readonly canEdit: boolean }) {
  const { t, lang } = useI18n();
  const [measures, reload] = useCall('campaigns.measures', {});
  const [added, setAdded] = useState<string | null>(null);
  const columns: readonly Column<MeasureView>[] = [
    { key: 'name', header: t('measures.name'), rowHeader: true, cell: (m) => (lang === 'en' && m.nameEn ? m.nameEn : m.nameVi) },
    { key: 'unit', header: t('measures.unit'), className: 'nowrap', cell: (m) => m.unit },
    { key: 'source', header: t('measures.source'), cell: (m) => t(m.source === 'seizure' ? 'measures.seized' : 'measures.counted') },
  ];
  return (
    <section className="card" aria-labelledby="settings-measures">
      <h2 id="settings-measures">{t('measures.title')}</h2>
      <p className="muted">{t('measures.intro')}</p>
      {added ? <Notice kind="success">{t('measures.added', { name: added })}</Notice> : null}
      <LoadedView loaded={measures}>
        {(list) => <DataTable caption={t('measures.title')} captionHidden columns={columns} rows={list} rowKey={(m) => m.code} empty={t('measures.empty')} />}
      </LoadedView>
      {canEdit ? (
        <>
          <h3 id="settings-measures-add">{t('measures.add')}</h3>
          <MeasureForm
            onCreated={(measure) => {
              setAdded(lang === 'en' ? measure.nameEn : measure.nameVi);
              reload();
            }}
          />
        </>
      ) : null}
    </section>
  );
}

function MeasureForm({ onCreated }: { readonly onCreated: (measure: MeasureView) => void }) {
  const { t } = useI18n();
  const form = useForm({
    schema: campaignCalls['measures.create'].input,
    initial: { nameVi: '', nameEn: '', unit: '' },
    toInput: (values) => values,
    submit: (input) => invoke('measures.create', input),
    onSuccess: onCreated,
    resetOnSuccess: true,
  });
  return (
    <FormFrame form={form} submitLabel={t('measures.add')} labelledBy="settings-measures-add" requiredNote>
      <div className="field-row">
        <TextField {...form.field('nameVi')} label={t('measures.nameVi')} required />
        <TextField {...form.field('unit')} label={t('measures.unit')} hint={t('measures.unitHint')} size="short" required />
      </div>
      <TextField {...form.field('nameEn')} label={t('measures.nameEn')} />
    </FormFrame>
  );
}
