import { useState } from 'react';
import { contract } from '../../../api/contract';
import { hotspotRoles } from '../../../api/calls/hotspots';
import type { HotspotView } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { DataTable, type Column } from '../../components/data-table';
import { FormFrame } from '../../components/form-frame';
import { Panel } from '../../components/panel';
import { SelectField } from '../../components/select-field';
import { UnlinkPanel } from '../../components/unlink-panel';
import { chosenCode } from '../../forms/convert';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { href, paths } from '../../router';
import { bornText } from '../people/kind-name';
import { PersonPicker } from '../people/person-picker';
import { codeLabel, codeOptions } from '../register/labels';

type HotspotRole = (typeof hotspotRoles)[number];
type PersonLink = HotspotView['persons'][number];

/** The people of a hotspot with their role there; add one (found by search) or take one off with a reason. */
export function HotspotPeople({ hotspot, canWrite, onChanged }: { readonly hotspot: HotspotView; readonly canWrite: boolean; readonly onChanged: () => void }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [unlinking, setUnlinking] = useState<PersonLink | null>(null);
  const none = t('common.none');
  const columns: Column<PersonLink>[] = [
    { key: 'name', header: t('person.fullName'), rowHeader: true, cell: (l) => <a href={href(paths.person(l.person.id))}>{l.person.fullName}</a> },
    { key: 'born', header: t('person.birthDate'), className: 'nowrap', cell: (l) => bornText(l.person) ?? none },
    { key: 'role', header: t('hotspot.role'), cell: (l) => codeLabel(t, 'hotspotRole', l.role) },
    ...(canWrite
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            cell: (l: PersonLink) => (
              <Button small variant="quiet" onClick={() => setUnlinking(l)}>
                {t('links.unlinkPerson', { name: l.person.fullName })}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <DataTable caption={t('hotspot.persons')} captionHidden columns={columns} rows={hotspot.persons} rowKey={(l) => l.linkId} empty={t('hotspot.noPersons')} />
      {canWrite && !adding ? (
        <div className="page-actions">
          <Button small onClick={() => setAdding(true)}>
            {t('hotspot.addPerson')}
          </Button>
        </div>
      ) : null}
      {adding ? (
        <LinkPanel
          hotspot={hotspot}
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            onChanged();
          }}
        />
      ) : null}
      {unlinking ? (
        <UnlinkPanel
          key={unlinking.linkId}
          linkId={unlinking.linkId}
          title={t('links.unlinkPerson', { name: unlinking.person.fullName })}
          submit={(input) => invoke('hotspots.unlink', input)}
          onCancel={() => setUnlinking(null)}
          onDone={() => {
            setUnlinking(null);
            onChanged();
          }}
        />
      ) : null}
    </>
  );
}

function LinkPanel({ hotspot, onDone, onCancel }: { readonly hotspot: HotspotView; readonly onDone: () => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const form = useForm({
    schema: contract['hotspots.linkPerson'].input,
    initial: { personId: '', role: '' as HotspotRole | '' },
    toInput: (values) => ({ hotspotId: hotspot.id, personId: values.personId, role: chosenCode(values.role) }),
    submit: (input) => invoke('hotspots.linkPerson', input),
    onSuccess: onDone,
  });
  return (
    <Panel id="hotspot-person-title" title={t('hotspot.addPerson')}>
      <FormFrame form={form} submitLabel={t('links.save')} labelledBy="hotspot-person-title" onCancel={onCancel}>
        <PersonPicker binding={form.field('personId')} label={t('links.other')} exclude={hotspot.persons.map((l) => l.person.id)} />
        <SelectField {...form.field('role')} label={t('hotspot.role')} options={[{ value: '', label: t('common.choose') }, ...codeOptions(t, 'hotspotRole', hotspotRoles)]} required />
      </FormFrame>
    </Panel>
  );
}
