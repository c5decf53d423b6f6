import { userCreateInput } from '../../../api/calls/users';
import { roles, type Role } from '../../../api/roles';
import type { UserView } from '../../../api/views';
import { invoke } from '../../api-client';
import { FormFrame } from '../../components/form-frame';
import { SelectField } from '../../components/select-field';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { AccountFields } from './account-fields';
import { NewPasswordFields } from './new-password-fields';

const initial = { fullName: '', rank: '', position: '', username: '', role: 'officer' as Role, password: '', passwordConfirm: '' };

export function UserCreateForm({ onCreated }: { readonly onCreated: (user: UserView) => void }) {
  const { t } = useI18n();
  const form = useForm({
    schema: userCreateInput,
    initial,
    submit: (input) => invoke('users.create', input),
    onSuccess: onCreated,
    resetOnSuccess: true,
  });
  const roleOptions = roles.map((role) => ({ value: role, label: t(`role.${role}`) }));
  return (
    <section className="card" aria-labelledby="user-create-title">
      <h2 id="user-create-title">{t('users.addTitle')}</h2>
      <FormFrame form={form} submitLabel={t('users.add')} labelledBy="user-create-title" requiredNote>
        <AccountFields fullName={form.field('fullName')} rank={form.field('rank')} position={form.field('position')} username={form.field('username')} />
        <SelectField {...form.field('role')} label={t('user.role')} options={roleOptions} required />
        <NewPasswordFields password={form.field('password')} passwordConfirm={form.field('passwordConfirm')} kind="first" />
      </FormFrame>
    </section>
  );
}
