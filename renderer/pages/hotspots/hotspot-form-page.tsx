import { useState } from 'react';
import { hotspotInput, hotspotRisks, hotspotTypes } from '../../../api/calls/hotspots';
import type { HotspotView, LocalityView } from '../../../api/views';
import type { Result } from '../../../api/result';
import { invoke } from '../../api-client';
import { FormFrame } from '../../components/form-frame';
import { LoadedView } from '../../components/loaded-view';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { flash } from '../../data/flash';
import { useCall } from '../../data/use-call';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { navigate, paths } from '../../router';
import { isoDateOf } from '../../../core/vn-time';
import { codeOptions } from '../register/labels';
import { hotspotValues, newHotspotValues, toHotspotInput, type HotspotValues } from './hotspot-values';
import { useReferenceList } from '../../data/reference-lists';

/** Thêm tụ điểm. */
export function HotspotNewPage() {
  const { t } = useI18n();
  const localities = useReferenceList('localities.list');
  const [today] = useState(() => isoDateOf(Date.now()));
  return (
    <Page title={t('hotspots.add')}>
      <LoadedView loaded={localities}>
        {(list) => (
          <HotspotForm
            initial={newHotspotValues(today)}
            localities={list}
            submitLabel={t('hotspots.create')}
            submit={(input) => invoke('hotspots.create', input)}
            onDone={(hotspot) => {
              flash({ key: 'hotspot.created' });
              navigate(paths.hotspot(hotspot.id));
            }}
          />
        )}
      </LoadedView>
    </Page>
  );
}

/** Sửa tụ điểm. */
export function HotspotEditPage({ id }: { readonly id: string }) {
  const { t } = useI18n();
  const localities = useReferenceList('localities.list');
  const [hotspot] = useCall('hotspots.get', { id });
  return (
    <Page title={t('hotspots.edit')}>
      <LoadedView loaded={localities}>
        {(list) => (
          <LoadedView loaded={hotspot}>
            {(value) => (
              <HotspotForm
                initial={hotspotValues(value, hotspotTypes)}
                localities={list}
                submitLabel={t('common.save')}
                submit={(fields) => invoke('hotspots.update', { id: value.id, baseVersion: value.version, fields })}
                onDone={() => {
                  flash({ key: 'hotspot.saved' });
                  navigate(paths.hotspot(value.id));
                }}
              />
            )}
          </LoadedView>
        )}
      </LoadedView>
    </Page>
  );
}

interface HotspotFormProps {
  readonly initial: HotspotValues;
  readonly localities: readonly LocalityView[];
  readonly submitLabel: string;
  readonly submit: (input: ReturnType<typeof hotspotInput.parse>) => Promise<Result<HotspotView>>;
  readonly onDone: (hotspot: HotspotView) => void;
}

function HotspotForm({ initial, localities, submitLabel, submit, onDone }: HotspotFormProps) {
  const { t } = useI18n();
  const form = useForm({ schema: hotspotInput, initial, toInput: toHotspotInput, submit, onSuccess: onDone });
  return (
    <FormFrame form={form} submitLabel={submitLabel} labelledBy="page-title" requiredNote onCancel={() => window.history.back()}>
      <div className="field-row">
        <TextField {...form.field('name')} label={t('hotspot.name')} hint={t('hotspot.nameHint')} required />
        <SelectField {...form.field('type')} label={t('hotspot.type')} options={[{ value: '', label: t('common.choose') }, ...codeOptions(t, 'hotspotType', hotspotTypes)]} required />
      </div>
      <div className="field-row">
        <SelectField {...form.field('localityId')} label={t('report.locality')} options={[{ value: '', label: t('common.choose') }, ...localities.filter((l) => !l.voided).map((l) => ({ value: l.id, label: l.name }))]} />
        <TextField {...form.field('address')} label={t('hotspot.address')} />
      </div>
      <div className="field-row">
        <TextField {...form.field('latitude')} label={t('hotspot.latitude')} hint={t('hotspot.coordinatesHint')} inputMode="text" />
        <TextField {...form.field('longitude')} label={t('hotspot.longitude')} inputMode="text" />
      </div>
      <div className="field-row field-row-3">
        <SelectField {...form.field('risk')} label={t('hotspot.risk')} options={codeOptions(t, 'risk', hotspotRisks)} />
        <TextField {...form.field('foundOn')} type="date" label={t('hotspot.foundOn')} required />
        <TextField {...form.field('reviewDays')} label={t('hotspot.reviewDays')} hint={t('hotspot.reviewDaysHint')} inputMode="numeric" maxLength={3} required />
      </div>
      <TextAreaField {...form.field('description')} label={t('hotspot.description')} rows={4} />
    </FormFrame>
  );
}
