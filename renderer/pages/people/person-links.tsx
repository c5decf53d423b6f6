import { contract } from '../../../api/contract';
import { personLinkKinds } from '../../../api/calls/people';
import type { PersonLinkView } from '../../../api/views';
import { invoke } from '../../api-client';
import { type Column } from '../../components/data-table';
import { FormFrame } from '../../components/form-frame';
import { Panel } from '../../components/panel';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { LinkList } from '../../components/link-list';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { href, paths } from '../../router';
import { codeLabel, codeOptions } from '../register/labels';
import { PersonPicker } from './person-picker';

type LinkKind = (typeof personLinkKinds)[number];

export interface PersonLinksProps {
  readonly personId: string;
  readonly links: readonly PersonLinkView[];
  readonly canWrite: boolean;
  readonly onChanged: () => void;
}

/** Relatives and associates: who, how they are linked, and the actions to add or take off a link. */
export function PersonLinks({ personId, links, canWrite, onChanged }: PersonLinksProps) {
  const { t } = useI18n();
  const columns: Column<PersonLinkView>[] = [
    { key: 'name', header: t('person.fullName'), rowHeader: true, cell: (l) => <a href={href(paths.person(l.person.id))}>{l.person.fullName}</a> },
    { key: 'kind', header: t('links.kind'), cell: (l) => codeLabel(t, 'linkKind', l.kind) },
    { key: 'note', header: t('links.note'), cell: (l) => l.note || t('common.none') },
  ];
  return (
    <LinkList
      caption={t('links.title')}
      empty={t('links.empty')}
      columns={columns}
      rows={links}
      canWrite={canWrite}
      addLabel={t('links.add')}
      addPanel={({ done, cancel }) => <LinkPersonPanel personId={personId} onDone={() => done()} onCancel={cancel} />}
      unlinkLabel={(l) => t('links.unlinkPerson', { name: l.person.fullName })}
      unlink={(input) => invoke('persons.unlink', input)}
      onChanged={() => onChanged()}
    />
  );
}

function LinkPersonPanel({ personId, onDone, onCancel }: { readonly personId: string; readonly onDone: () => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const form = useForm({
    schema: contract['persons.link'].input,
    initial: { otherId: '', kind: 'family' as LinkKind, note: '' },
    toInput: (values) => ({ personId, ...values }),
    submit: (input) => invoke('persons.link', input),
    onSuccess: onDone,
  });
  return (
    <Panel id="link-title" title={t('links.add')}>
      <FormFrame form={form} submitLabel={t('links.save')} labelledBy="link-title" onCancel={onCancel}>
        <PersonPicker binding={form.field('otherId')} label={t('links.other')} exclude={[personId]} />
        <div className="field-row">
          <SelectField {...form.field('kind')} label={t('links.kind')} options={codeOptions(t, 'linkKind', personLinkKinds)} required />
          <TextField {...form.field('note')} label={t('links.note')} />
        </div>
      </FormFrame>
    </Panel>
  );
}
