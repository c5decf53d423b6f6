import { useState } from 'react';
import { contract } from '../../../api/contract';
import { hotspotStatuses } from '../../../api/calls/hotspots';
import type { HotspotView } from '../../../api/views';
import { invoke } from '../../api-client';
import { OwnedAttachments, photoTypes } from '../../components/attachment-list';
import { Button } from '../../components/button';
import { DataTable, type Column } from '../../components/data-table';
import { FormFrame } from '../../components/form-frame';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { formatIsoDate } from '../../format';
import { blankToNull } from '../../forms/convert';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { useSession } from '../../session/session-context';
import { isoDateOf } from '../../../core/vn-time';
import { codeOptions } from '../register/labels';

type HotspotStatus = (typeof hotspotStatuses)[number];
type Check = HotspotView['checks'][number];

/** The checks made at a hotspot: date, officers, what they found, and the photos of what was found. */
export function HotspotChecks({ checks, canWrite }: { readonly checks: HotspotView['checks']; readonly canWrite: boolean }) {
  const { t } = useI18n();
  const [shownId, setShownId] = useState<string | null>(null);
  const shown = checks.find((c) => c.id === shownId) ?? null;
  const columns: Column<Check>[] = [
    { key: 'date', header: t('check.date'), rowHeader: true, className: 'nowrap', cell: (c) => formatIsoDate(c.date) },
    { key: 'officers', header: t('check.officers'), cell: (c) => c.officers || t('common.none') },
    { key: 'found', header: t('check.found'), cell: (c) => c.found || t('common.none') },
    {
      key: 'photos',
      header: t('check.photos'),
      className: 'table-actions',
      cell: (c) => (
        <Button small expanded={c.id === shownId} onClick={() => setShownId(c.id === shownId ? null : c.id)}>
          {t(c.id === shownId ? 'check.hidePhotos' : 'check.showPhotos')}
          <span className="sr-only"> {formatIsoDate(c.date)}</span>
        </Button>
      ),
    },
  ];
  return (
    <>
      <DataTable caption={t('check.list')} captionHidden columns={columns} rows={checks} rowKey={(c) => c.id} empty={t('check.empty')} />
      {shown ? (
        <section className="check-photos" aria-labelledby="check-photos-title">
          <h3 id="check-photos-title">{t('check.photosOf', { date: formatIsoDate(shown.date) })}</h3>
          <OwnedAttachments
            key={shown.id}
            ownerTable="hotspot_checks"
            ownerId={shown.id}
            caption={t('check.photosOf', { date: formatIsoDate(shown.date) })}
            canWrite={canWrite}
            types={photoTypes}
            fileLabel="check.addPhoto"
            hint="photo.hint"
            empty="check.noPhotos"
            typeError="photo.type"
          />
        </section>
      ) : null}
    </>
  );
}

/** Ghi nhận kiểm tra: moves the next review date, and the status when one is chosen. */
export function CheckForm({ hotspot, onDone }: { readonly hotspot: HotspotView; readonly onDone: () => void }) {
  const { t } = useI18n();
  const { session } = useSession();
  const [today] = useState(() => isoDateOf(Date.now()));
  const form = useForm({
    schema: contract['hotspots.check'].input,
    initial: { date: today, officers: session.user.fullName, found: '', status: '' as HotspotStatus | '' },
    toInput: (values) => ({ hotspotId: hotspot.id, date: values.date, officers: values.officers, found: values.found, status: blankToNull(values.status) }),
    submit: (input) => invoke('hotspots.check', input),
    onSuccess: onDone,
    resetOnSuccess: true,
  });
  return (
    <FormFrame form={form} submitLabel={t('check.save')} labelledBy="check-title">
      <div className="field-row field-row-3">
        <TextField {...form.field('date')} type="date" label={t('check.date')} required />
        <TextField {...form.field('officers')} label={t('check.officers')} />
        <SelectField {...form.field('status')} label={t('check.newStatus')} options={[{ value: '', label: t('check.sameStatus') }, ...codeOptions(t, 'hotspotStatus', hotspotStatuses)]} />
      </div>
      <TextAreaField {...form.field('found')} label={t('check.found')} rows={3} />
    </FormFrame>
  );
}
