import { userUpdateInput } from '../../../api/calls/users';
import { roles, type Role } from '../../../api/roles';
import { invoke } from '../../api-client';
import { FormFrame } from '../../components/form-frame';
import { Panel } from '../../components/panel';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import type { ActionPanelProps } from './user-action';

/**
 * An administrator corrects a user's name, rank and position or changes their role (users.update).
 * The username stays: it names the user's key in the keyring.
 */
export function UserEditPanel({ user, onDone, onCancel }: ActionPanelProps) {
  const { t } = useI18n();
  const form = useForm({
    schema: userUpdateInput,
    initial: { fullName: user.fullName, rank: user.rank, position: user.position, role: user.role as Role },
    toInput: (values) => ({ userId: user.id, ...values }),
    submit: (input) => invoke('users.update', input),
    onSuccess: (saved) => onDone({ key: 'users.edited', params: { name: saved.fullName } }),
  });
  const roleOptions = roles.map((role) => ({ value: role, label: t(`role.${role}`) }));
  return (
    <Panel id="user-action-title" title={t('users.editTitle', { name: user.fullName })}>
      <p>{t('users.editHint')}</p>
      <FormFrame form={form} submitLabel={t('common.save')} labelledBy="user-action-title" onCancel={onCancel} requiredNote>
        <TextField {...form.field('fullName')} label={t('user.fullName')} required />
        <div className="field-row">
          <TextField {...form.field('rank')} label={t('user.rank')} hint={t('user.rankHint')} />
          <TextField {...form.field('position')} label={t('user.position')} hint={t('user.positionHint')} />
        </div>
        <SelectField {...form.field('role')} label={t('user.role')} options={roleOptions} required />
      </FormFrame>
    </Panel>
  );
}
