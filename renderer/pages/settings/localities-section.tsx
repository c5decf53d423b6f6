import { useState } from 'react';
import type { LocalityView } from '../../../api/views';
import { DataTable, type Column } from '../../components/data-table';
import { LoadedView } from '../../components/loaded-view';
import { Notice } from '../../components/notice';
import { useCall } from '../../data/use-call';
import { useI18n } from '../../i18n';
import { LocalityCreateForm } from './locality-create-form';
import { localityKindLabel } from './locality-kinds';

/** The office's villages and neighbourhoods; those who manage settings can add one. */
export function LocalitiesSection({ canEdit }: { readonly canEdit: boolean }) {
  const { t } = useI18n();
  const [localities, reload] = useCall('localities.list', {});
  const [added, setAdded] = useState<string | null>(null);
  const columns: readonly Column<LocalityView>[] = [
    { key: 'name', header: t('locality.name'), rowHeader: true, cell: (locality) => locality.name },
    {
      key: 'kind',
      header: t('locality.kind'),
      cell: (locality) => {
        const label = localityKindLabel(locality.kind);
        return label ? t(label) : locality.kind;
      },
    },
  ];
  return (
    <section className="card" aria-labelledby="settings-localities">
      <h2 id="settings-localities">{t('settings.localities')}</h2>
      {added ? <Notice kind="success">{t('settings.localityAdded', { name: added })}</Notice> : null}
      <LoadedView loaded={localities}>
        {(list) => (
          <DataTable
            caption={t('settings.localities')}
            captionHidden
            columns={columns}
            rows={list.filter((locality) => !locality.voided)}
            rowKey={(locality) => locality.id}
            empty={t('settings.noLocalities')}
          />
        )}
      </LoadedView>
      {canEdit ? (
        <LocalityCreateForm
          onCreated={(locality) => {
            setAdded(locality.name);
            reload();
          }}
        />
      ) : null}
    </section>
  );
}
