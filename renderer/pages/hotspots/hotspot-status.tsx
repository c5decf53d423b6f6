import { useState } from 'react';
import { contract } from '../../../api/contract';
import { hotspotStatuses } from '../../../api/calls/hotspots';
import type { HotspotView } from '../../../api/views';
import { invoke } from '../../api-client';
import { DataTable, type Column } from '../../components/data-table';
import { FormFrame } from '../../components/form-frame';
import { Panel } from '../../components/panel';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { formatIsoDate } from '../../format';
import { chosenCode } from '../../forms/convert';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { isoDateOf } from '../../../core/vn-time';
import { codeLabel, codeOptions } from '../register/labels';

type HotspotStatus = (typeof hotspotStatuses)[number];
type HistoryEntry = HotspotView['history'][number];

/** A hotspot's statuses, each with its date and note, oldest first. */
export function StatusHistory({ history }: { readonly history: HotspotView['history'] }) {
  const { t } = useI18n();
  const columns: Column<HistoryEntry>[] = [
    { key: 'on', header: t('hotspot.statusOn'), rowHeader: true, className: 'nowrap', cell: (h) => formatIsoDate(h.on) },
    { key: 'status', header: t('hotspot.status'), cell: (h) => codeLabel(t, 'hotspotStatus', h.status) },
    { key: 'note', header: t('hotspot.note'), cell: (h) => h.note || t('common.none') },
  ];
  return <DataTable caption={t('hotspot.history')} captionHidden columns={columns} rows={history} rowKey={(h) => `${h.on}-${h.status}-${h.note}`} empty={t('common.none')} />;
}

/** Đổi trạng thái: the new status, from when, and why. */
export function StatusPanel({ hotspot, onDone, onCancel }: { readonly hotspot: HotspotView; readonly onDone: () => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const [today] = useState(() => isoDateOf(Date.now()));
  const form = useForm({
    schema: contract['hotspots.setStatus'].input,
    initial: { status: '' as HotspotStatus | '', on: today, note: '' },
    toInput: (values) => ({ id: hotspot.id, baseVersion: hotspot.version, status: chosenCode(values.status), on: values.on, note: values.note }),
    submit: (input) => invoke('hotspots.setStatus', input),
    onSuccess: onDone,
  });
  const options = codeOptions(t, 'hotspotStatus', hotspotStatuses).filter((o) => o.value !== hotspot.status);
  return (
    <Panel id="status-title" title={t('hotspot.setStatus')}>
      <FormFrame form={form} submitLabel={t('hotspot.setStatus')} labelledBy="status-title" onCancel={onCancel}>
        <div className="field-row">
          <SelectField {...form.field('status')} label={t('hotspot.newStatus')} options={[{ value: '', label: t('common.choose') }, ...options]} required />
          <TextField {...form.field('on')} type="date" label={t('hotspot.statusOn')} required />
        </div>
        <TextAreaField {...form.field('note')} label={t('hotspot.note')} rows={2} />
      </FormFrame>
    </Panel>
  );
}
