import { useState } from 'react';
import { contract } from '../../../api/contract';
import { activityKinds, memberRoles } from '../../../api/calls/movement';
import type { LocalityView, TeamView } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { CheckboxField } from '../../components/checkbox-field';
import { DataTable } from '../../components/data-table';
import { FormFrame } from '../../components/form-frame';
import { Panel } from '../../components/panel';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { formatIsoDate } from '../../format';
import { blankToNull, chosenCode } from '../../forms/convert';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import type { Message } from '../../i18n/message';
import { useCan } from '../../session/session-context';
import { isoDateOf } from '../../../core/vn-time';
import { activityKindKey, roleKey } from './movement-labels';
import { villageNames } from '../../data/village-names';

type Team = TeamView;
type Member = Team['members'][number];
type Activity = Team['activities'][number];

interface TeamsProps {
  readonly teams: readonly Team[];
  readonly localities: readonly LocalityView[];
  readonly onChanged: (message: Message) => void;
}

/** Tổ bảo vệ an ninh, trật tự ở cơ sở: each team with its members and activities, and the forms that add to them. */
export function TeamsSection({ teams, localities, onChanged }: TeamsProps) {
  const { t } = useI18n();
  const canWrite = useCan('records.write');
  const [adding, setAdding] = useState(false);
  return (
    <section className="card" aria-labelledby="teams-title">
      <h2 id="teams-title">{t('teams.title')}</h2>
      {canWrite && !adding ? (
        <div className="page-actions">
          <Button variant="primary" onClick={() => setAdding(true)}>
            {t('teams.add')}
          </Button>
        </div>
      ) : null}
      {adding ? (
        <TeamForm
          localities={localities}
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            onChanged({ key: 'teams.created' });
          }}
        />
      ) : null}
      {teams.length === 0 ? <p className="muted">{t('teams.empty')}</p> : null}
      {teams.map((team) => (
        <article key={team.id} className="movement-team" aria-labelledby={`team-${team.id}`}>
          <h3 id={`team-${team.id}`}>{team.name}</h3>
          <p className="muted">
            {[villageNames(team.localityIds, localities).join(', '), team.foundedOn ? t('team.foundedValue', { date: formatIsoDate(team.foundedOn) }) : ''].filter(Boolean).join(' – ')}
          </p>
          <MemberTable members={team.members} />
          <ActivityTable activities={team.activities} />
        </article>
      ))}
      {canWrite && teams.length > 0 ? (
        <>
          <section className="subsection" aria-labelledby="member-add-title">
            <h3 id="member-add-title">{t('member.add')}</h3>
            <MemberForm teams={teams} onDone={() => onChanged({ key: 'member.added' })} />
          </section>
          <section className="subsection" aria-labelledby="activity-add-title">
            <h3 id="activity-add-title">{t('activity.add')}</h3>
            <ActivityForm teams={teams} onDone={() => onChanged({ key: 'activity.added' })} />
          </section>
          {teams.some((team) => team.members.some((m) => m.leftOn === null)) ? (
            <section className="subsection" aria-labelledby="member-end-title">
              <h3 id="member-end-title">{t('member.end')}</h3>
              <EndMemberForm teams={teams} onDone={() => onChanged({ key: 'member.ended' })} />
            </section>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function MemberTable({ members }: { readonly members: readonly Member[] }) {
  const { t } = useI18n();
  const none = t('common.none');
  return (
    <DataTable
      caption={t('team.members')}
      columns={[
        { key: 'name', header: t('member.fullName'), rowHeader: true, cell: (m) => m.fullName },
        { key: 'role', header: t('member.role'), cell: (m) => t(roleKey(m.role)) },
        {
          key: 'period',
          header: t('member.period'),
          className: 'nowrap',
          cell: (m) => (m.leftOn ? t('member.between', { from: formatIsoDate(m.joinedOn), to: formatIsoDate(m.leftOn) }) : t('member.since', { date: formatIsoDate(m.joinedOn) })),
        },
        { key: 'contact', header: t('member.contact'), cell: (m) => m.contact || none },
      ]}
      rows={members}
      rowKey={(m) => m.id}
      empty={t('team.noMembers')}
    />
  );
}

function ActivityTable({ activities }: { readonly activities: readonly Activity[] }) {
  const { t } = useI18n();
  const none = t('common.none');
  return (
    <DataTable
      caption={t('team.activities')}
      columns={[
        { key: 'date', header: t('activity.date'), className: 'nowrap', cell: (a) => formatIsoDate(a.date) },
        { key: 'kind', header: t('activity.kind'), rowHeader: true, cell: (a) => t(activityKindKey(a.kind)) },
        { key: 'description', header: t('activity.description'), cell: (a) => a.description || none },
        { key: 'result', header: t('activity.result'), cell: (a) => a.result || none },
      ]}
      rows={activities}
      rowKey={(a) => a.id}
      empty={t('team.noActivities')}
    />
  );
}

function TeamForm({ localities, onDone, onCancel }: { readonly localities: readonly LocalityView[]; readonly onDone: () => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const open = localities.filter((l) => !l.voided);
  const form = useForm({
    schema: contract['teams.create'].input,
    initial: { name: '', foundedOn: '', localities: open.map((l) => ({ id: l.id, name: l.name, checked: false })) },
    toInput: (values) => ({ name: values.name, foundedOn: blankToNull(values.foundedOn), localityIds: values.localities.filter((l) => l.checked).map((l) => l.id) }),
    submit: (input) => invoke('teams.create', input),
    onSuccess: onDone,
  });
  return (
    <Panel id="team-add-title" title={t('teams.add')}>
      <FormFrame form={form} submitLabel={t('teams.create')} labelledBy="team-add-title" onCancel={onCancel} requiredNote>
        <div className="field-row">
          <TextField {...form.field('name')} label={t('team.name')} maxLength={200} required />
          <TextField {...form.field('foundedOn')} type="date" label={t('team.foundedOn')} />
        </div>
        <fieldset className="fieldset">
          <legend>{t('team.localities')}</legend>
          <div className="checkbox-grid">
            {form.values.localities.map((entry, index) => (
              <CheckboxField key={entry.id} {...form.field(`localities.${index}.checked`)} label={entry.name} />
            ))}
          </div>
        </fieldset>
      </FormFrame>
    </Panel>
  );
}

function MemberForm({ teams, onDone }: { readonly teams: readonly Team[]; readonly onDone: () => void }) {
  const { t } = useI18n();
  const [today] = useState(() => isoDateOf(Date.now()));
  const form = useForm({
    schema: contract['teams.addMember'].input,
    initial: { teamId: teams.length === 1 ? (teams[0]?.id ?? '') : '', fullName: '', role: '' as (typeof memberRoles)[number] | '', joinedOn: today, contact: '' },
    toInput: (values) => ({ ...values, role: chosenCode(values.role) }),
    submit: (input) => invoke('teams.addMember', input),
    onSuccess: onDone,
    resetOnSuccess: true,
  });
  return (
    <FormFrame form={form} submitLabel={t('member.add')} labelledBy="member-add-title" requiredNote>
      <div className="field-row">
        <SelectField {...form.field('teamId')} label={t('team.name')} options={[{ value: '', label: t('common.choose') }, ...teams.map((team) => ({ value: team.id, label: team.name }))]} required />
        <TextField {...form.field('fullName')} label={t('member.fullName')} maxLength={100} required />
      </div>
      <div className="field-row field-row-3">
        <SelectField {...form.field('role')} label={t('member.role')} options={[{ value: '', label: t('common.choose') }, ...memberRoles.map((r) => ({ value: r, label: t(roleKey(r)) }))]} required />
        <TextField {...form.field('joinedOn')} type="date" label={t('member.joinedOn')} required />
        <TextField {...form.field('contact')} label={t('member.contact')} maxLength={100} />
      </div>
    </FormFrame>
  );
}

function ActivityForm({ teams, onDone }: { readonly teams: readonly Team[]; readonly onDone: () => void }) {
  const { t } = useI18n();
  const [today] = useState(() => isoDateOf(Date.now()));
  const form = useForm({
    schema: contract['teams.addActivity'].input,
    initial: { teamId: teams.length === 1 ? (teams[0]?.id ?? '') : '', kind: '' as (typeof activityKinds)[number] | '', date: today, description: '', result: '' },
    toInput: (values) => ({ ...values, kind: chosenCode(values.kind) }),
    submit: (input) => invoke('teams.addActivity', input),
    onSuccess: onDone,
    resetOnSuccess: true,
  });
  return (
    <FormFrame form={form} submitLabel={t('activity.add')} labelledBy="activity-add-title" requiredNote>
      <div className="field-row field-row-3">
        <SelectField {...form.field('teamId')} label={t('team.name')} options={[{ value: '', label: t('common.choose') }, ...teams.map((team) => ({ value: team.id, label: team.name }))]} required />
        <SelectField {...form.field('kind')} label={t('activity.kind')} options={[{ value: '', label: t('common.choose') }, ...activityKinds.map((k) => ({ value: k, label: t(activityKindKey(k)) }))]} required />
        <TextField {...form.field('date')} type="date" label={t('activity.date')} required />
      </div>
      <TextField {...form.field('description')} label={t('activity.description')} maxLength={2000} />
      <TextField {...form.field('result')} label={t('activity.result')} maxLength={2000} />
    </FormFrame>
  );
}

function EndMemberForm({ teams, onDone }: { readonly teams: readonly Team[]; readonly onDone: () => void }) {
  const { t } = useI18n();
  const [today] = useState(() => isoDateOf(Date.now()));
  const form = useForm({
    schema: contract['teams.endMember'].input,
    initial: { memberId: '', leftOn: today },
    submit: (input) => invoke('teams.endMember', input),
    onSuccess: onDone,
    resetOnSuccess: true,
  });
  const options = teams.flatMap((team) => team.members.filter((m) => m.leftOn === null).map((m) => ({ value: m.id, label: `${m.fullName} (${t(roleKey(m.role))})`, group: team.name })));
  return (
    <FormFrame form={form} submitLabel={t('member.end')} labelledBy="member-end-title" requiredNote>
      <div className="field-row">
        <SelectField {...form.field('memberId')} label={t('member.whom')} options={[{ value: '', label: t('common.choose') }, ...options]} required />
        <TextField {...form.field('leftOn')} type="date" label={t('member.leftOn')} required />
      </div>
    </FormFrame>
  );
}
