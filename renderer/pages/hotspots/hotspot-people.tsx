import { contract } from '../../../api/contract';
import { hotspotRoles } from '../../../api/calls/hotspots';
import type { HotspotView } from '../../../api/views';
import { invoke } from '../../api-client';
import { type Column } from '../../components/data-table';
import { FormFrame } from '../../components/form-frame';
import { Panel } from '../../components/panel';
import { SelectField } from '../../components/select-field';
import { LinkList } from '../../components/link-list';
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
  const none = t('common.none');
  const columns: Column<PersonLink>[] = [
    { key: 'name', header: t('person.fullName'), rowHeader: true, cell: (l) => <a href={href(paths.person(l.person.id))}>{l.person.fullName}</a> },
    { key: 'born', header: t('person.birthDate'), className: 'nowrap', cell: (l) => bornText(l.person) ?? none },
    { key: 'role', header: t('hotspot.role'), cell: (l) => codeLabel(t, 'hotspotRole', l.role) },
  ];
  return (
    <LinkList
      caption={t('hotspot.persons')}
      empty={t('hotspot.noPersons')}
      columns={columns}
      rows={hotspot.persons}
      canWrite={canWrite}
      addLabel={t('hotspot.addPerson')}
      addPanel={({ done, cancel }) => <LinkPanel hotspot={hotspot} onDone={() => done()} onCancel={cancel} />}
      unlinkLabel={(l) => t('links.unlinkPerson', { name: l.person.fullName })}
      unlink={(input) => invoke('hotspots.unlink', input)}
      onChanged={() => onChanged()}
    />
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
