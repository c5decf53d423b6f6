import { useState } from 'react';
import { contract } from '../../../api/contract';
import { modelKinds, modelRatings } from '../../../api/calls/movement';
import type { LocalityView, ModelView } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { DataTable } from '../../components/data-table';
import { FormFrame } from '../../components/form-frame';
import { Panel } from '../../components/panel';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { formatIsoDate } from '../../format';
import { blankToNull, chosenCode, toNumber } from '../../forms/convert';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import type { Message } from '../../i18n/message';
import { useCan } from '../../session/session-context';
import { isoDateOf } from '../../../core/vn-time';
import { modelKindKey, ratingKey } from './movement-labels';

interface ModelsProps {
  readonly models: readonly ModelView[];
  readonly localities: readonly LocalityView[];
  /** The year a new rating is for, unless changed in the form. */
  readonly year: number;
  readonly onChanged: (message: Message) => void;
}

/** Mô hình tự phòng, tự quản, tự bảo vệ, tự hòa giải: the models with their yearly ratings. */
export function ModelsSection({ models, localities, year, onChanged }: ModelsProps) {
  const { t } = useI18n();
  const canWrite = useCan('records.write');
  const canLead = useCan('office.lead');
  const [adding, setAdding] = useState(false);
  const none = t('common.none');
  const localityName = (id: string | null) => (id ? (localities.find((l) => l.id === id)?.name ?? id) : none);
  return (
    <section className="card" aria-labelledby="models-title">
      <h2 id="models-title">{t('models.title')}</h2>
      {canWrite && !adding ? (
        <div className="page-actions">
          <Button variant="primary" onClick={() => setAdding(true)}>
            {t('models.add')}
          </Button>
        </div>
      ) : null}
      {adding ? (
        <ModelForm
          localities={localities}
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            onChanged({ key: 'models.created' });
          }}
        />
      ) : null}
      <DataTable
        caption={t('models.title')}
        captionHidden
        columns={[
          { key: 'name', header: t('model.name'), rowHeader: true, cell: (m) => m.name },
          { key: 'kind', header: t('model.kind'), cell: (m) => t(modelKindKey(m.kind)) },
          { key: 'locality', header: t('model.locality'), cell: (m) => localityName(m.localityId) },
          { key: 'started', header: t('model.startedOn'), className: 'nowrap', cell: (m) => formatIsoDate(m.startedOn) },
          { key: 'lead', header: t('model.lead'), cell: (m) => m.lead || none },
          {
            key: 'ratings',
            header: t('model.ratings'),
            cell: (m) =>
              m.evaluations.length === 0 ? (
                t('model.noRatings')
              ) : (
                <ul>
                  {[...m.evaluations]
                    .sort((a, b) => b.year - a.year)
                    .map((e) => (
                      <li key={e.year}>
                        {t('model.ratingValue', { year: e.year, rating: t(ratingKey(e.rating)) })}
                        {e.note ? ` – ${e.note}` : ''}
                      </li>
                    ))}
                </ul>
              ),
          },
        ]}
        rows={models}
        rowKey={(m) => m.id}
        empty={t('models.empty')}
      />
      {canLead && models.length > 0 ? (
        <section className="subsection" aria-labelledby="model-evaluate-title">
          <h3 id="model-evaluate-title">{t('model.evaluate')}</h3>
          <EvaluateForm models={models} year={year} onDone={() => onChanged({ key: 'model.evaluated' })} />
        </section>
      ) : null}
    </section>
  );
}

function ModelForm({ localities, onDone, onCancel }: { readonly localities: readonly LocalityView[]; readonly onDone: () => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const [today] = useState(() => isoDateOf(Date.now()));
  const form = useForm({
    schema: contract['models.create'].input,
    initial: { name: '', kind: '' as (typeof modelKinds)[number] | '', localityId: '', startedOn: today, lead: '' },
    toInput: (values) => ({ ...values, kind: chosenCode(values.kind), localityId: blankToNull(values.localityId) }),
    submit: (input) => invoke('models.create', input),
    onSuccess: onDone,
  });
  return (
    <Panel id="model-add-title" title={t('models.add')}>
      <FormFrame form={form} submitLabel={t('models.create')} labelledBy="model-add-title" onCancel={onCancel} requiredNote>
        <div className="field-row">
          <TextField {...form.field('name')} label={t('model.name')} maxLength={200} required />
          <SelectField {...form.field('kind')} label={t('model.kind')} options={[{ value: '', label: t('common.choose') }, ...modelKinds.map((k) => ({ value: k, label: t(modelKindKey(k)) }))]} required />
        </div>
        <div className="field-row field-row-3">
          <SelectField
            {...form.field('localityId')}
            label={t('model.locality')}
            options={[{ value: '', label: t('common.choose') }, ...localities.filter((l) => !l.voided).map((l) => ({ value: l.id, label: l.name }))]}
          />
          <TextField {...form.field('startedOn')} type="date" label={t('model.startedOn')} required />
          <TextField {...form.field('lead')} label={t('model.lead')} maxLength={200} />
        </div>
      </FormFrame>
    </Panel>
  );
}

function EvaluateForm({ models, year, onDone }: { readonly models: readonly ModelView[]; readonly year: number; readonly onDone: () => void }) {
  const { t } = useI18n();
  const form = useForm({
    schema: contract['models.evaluate'].input,
    initial: { modelId: models.length === 1 ? (models[0]?.id ?? '') : '', year: String(year), rating: '' as (typeof modelRatings)[number] | '', note: '' },
    toInput: (values) => ({ modelId: values.modelId, year: toNumber(values.year), rating: chosenCode(values.rating), note: values.note }),
    submit: (input) => invoke('models.evaluate', input),
    onSuccess: onDone,
  });
  return (
    <FormFrame form={form} submitLabel={t('model.evaluateSave')} labelledBy="model-evaluate-title" requiredNote>
      <div className="field-row field-row-3">
        <SelectField {...form.field('modelId')} label={t('model.which')} options={[{ value: '', label: t('common.choose') }, ...models.map((m) => ({ value: m.id, label: m.name }))]} required />
        <TextField {...form.field('year')} label={t('model.year')} inputMode="numeric" required />
        <SelectField {...form.field('rating')} label={t('model.rating')} options={[{ value: '', label: t('common.choose') }, ...modelRatings.map((r) => ({ value: r, label: t(ratingKey(r)) }))]} required />
      </div>
      <TextField {...form.field('note')} label={t('model.note')} maxLength={2000} />
    </FormFrame>
  );
}
