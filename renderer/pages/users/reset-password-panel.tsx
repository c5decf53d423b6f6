import { userResetPasswordInput } from '../../../api/calls/users';
import { invoke } from '../../api-client';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { PasswordPanel } from './password-panel';
import { emptyPasswords, type ActionPanelProps } from './user-action';

export function ResetPasswordPanel({ user, onDone, onCancel }: ActionPanelProps) {
  const { t } = useI18n();
  const name = user.fullName;
  const form = useForm({
    schema: userResetPasswordInput,
    initial: emptyPasswords,
    toInput: (values) => ({ userId: user.id, ...values }),
    submit: (input) => invoke('users.resetPassword', input),
    onSuccess: () => onDone({ key: 'users.resetDone', params: { name } }),
  });
  return <PasswordPanel form={form} title={t('users.resetTitle', { name })} submitLabel={t('users.resetPassword')} onCancel={onCancel} />;
}
