import { useState } from 'react';
import type { ProgramKindView } from '../../../api/views';
import { DataTable, type Column } from '../../components/data-table';
import { LoadedView } from '../../components/loaded-view';
import { Notice } from '../../components/notice';
import { useCall } from '../../data/use-call';
import { useI18n } from '../../i18n';
import { ProgramKindForm } from './program-kind-form';

/** The kinds of management program (diện quản lý): their length, check-in and drug-test cycles, legal source; administrators add one. */
export function ProgramKindsSection({ canEdit }: { readonly canEdit: boolean }) {
  const { t, lang } = useI18n();
  const [kinds, reload] = useCall('programs.kinds', {});
  const [added, setAdded] = useState<string | null>(null);
  const none = t('common.none');
  const columns: readonly Column<ProgramKindView>[] = [
    {
      key: 'name',
      header: t('kinds.name'),
      rowHeader: true,
      cell: (k) => (lang === 'en' && k.nameEn ? k.nameEn : k.nameVi),
    },
    { key: 'months', header: t('kinds.duration'), className: 'nowrap', cell: (k) => (k.months === null ? t('kinds.byDecision') : t('kinds.monthsValue', { months: k.months })) },
    { key: 'checkin', header: t('kinds.checkinEvery'), className: 'nowrap', cell: (k) => t('kinds.daysValue', { days: k.checkinDays }) },
    { key: 'drugTest', header: t('kinds.drugTestEvery'), className: 'nowrap', cell: (k) => (k.drugTestDays === null ? none : t('kinds.daysValue', { days: k.drugTestDays })) },
    { key: 'source', header: t('kinds.source'), cell: (k) => k.source || none },
  ];
  return (
    <section className="card" aria-labelledby="settings-kinds">
      <h2 id="settings-kinds">{t('kinds.title')}</h2>
      {added ? <Notice kind="success">{t('kinds.added', { name: added })}</Notice> : null}
      <LoadedView loaded={kinds}>
        {(list) => <DataTable caption={t('kinds.title')} captionHidden columns={columns} rows={list} rowKey={(k) => k.code} empty={t('kinds.empty')} />}
      </LoadedView>
      {canEdit ? (
        <>
          <h3 id="settings-kinds-add">{t('kinds.add')}</h3>
          <ProgramKindForm
            onCreated={(kind) => {
              setAdded(lang === 'en' ? kind.nameEn : kind.nameVi);
              reload();
            }}
          />
        </>
      ) : null}
    </section>
  );
}
