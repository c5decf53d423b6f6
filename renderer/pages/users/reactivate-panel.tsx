import { contract } from '../../../api/contract';
import { invoke } from '../../api-client';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { PasswordPanel } from './password-panel';
import { emptyPasswords, type ActionPanelProps } from './user-action';

/** Reactivating gives the account a new password: deactivation removed its key to the store. */
export function ReactivatePanel({ user, onDone, onCancel }: ActionPanelProps) {
  const { t } = useI18n();
  const name = user.fullName;
  const form = useForm({
    schema: contract['users.setActive'].input,
    initial: emptyPasswords,
    toInput: (values) => ({ userId: user.id, active: true as const, ...values }),
    submit: (input) => invoke('users.setActive', input),
    onSuccess: () => onDone({ key: 'users.reactivated', params: { name } }),
  });
  return (
    <PasswordPanel form={form} title={t('users.reactivateTitle', { name })} hint={t('users.reactivateHint')} submitLabel={t('users.reactivate')} onCancel={onCancel} />
  );
}
