import { PasswordField } from '../../components/password-field';
import type { FieldBinding } from '../../forms/use-form';
import { useI18n } from '../../i18n';

export interface NewPasswordBindings {
  readonly password: FieldBinding<string>;
  readonly passwordConfirm: FieldBinding<string>;
  /** first: a new account's password ("Mật khẩu"); replacement: a reset ("Mật khẩu mới"). */
  readonly kind: 'first' | 'replacement';
}

/** A password typed twice; the schema reports a mismatch on the second field. */
export function NewPasswordFields({ password, passwordConfirm, kind }: NewPasswordBindings) {
  const { t } = useI18n();
  return (
    <div className="field-row">
      <PasswordField {...password} purpose="new" label={t(kind === 'first' ? 'user.password' : 'users.newPassword')} hint={t('user.passwordHint')} required />
      <PasswordField {...passwordConfirm} purpose="new" label={t(kind === 'first' ? 'user.passwordConfirm' : 'users.newPasswordConfirm')} required />
    </div>
  );
}
