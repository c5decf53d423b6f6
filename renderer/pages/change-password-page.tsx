import { changePasswordInput } from '../../api/calls/auth';
import type { SessionView } from '../../api/views';
import { invoke } from '../api-client';
import { Button } from '../components/button';
import { FormFrame } from '../components/form-frame';
import { Notice } from '../components/notice';
import { PasswordField } from '../components/password-field';
import { useForm } from '../forms/use-form';
import { useI18n } from '../i18n';
import { AuthFrame } from '../layout/auth-frame';
import { NewPasswordFields } from './users/new-password-fields';

export interface ChangePasswordPageProps {
  readonly session: SessionView;
  /** The password was changed: the session goes on. */
  readonly onChanged: () => void;
  readonly onLogout: () => void;
}

/**
 * Shown right after a login whose password must be changed (set by an administrator, or below the
 * rule): the backend answers nothing else until it is (docs/security.md, "Passwords").
 */
export function ChangePasswordPage({ session, onChanged, onLogout }: ChangePasswordPageProps) {
  const { t } = useI18n();
  const form = useForm({
    schema: changePasswordInput,
    initial: { current: '', password: '', passwordConfirm: '' },
    submit: (input) => invoke('auth.changePassword', input),
    onSuccess: onChanged,
    secretField: 'current',
  });
  return (
    <AuthFrame title={t('password.title')}>
      <p className="auth-office">{session.office.name}</p>
      <h1 id="password-title" className="auth-title">
        {t('password.title')}
      </h1>
      <Notice kind="info">{t('password.mustChange', { name: session.user.fullName })}</Notice>
      <FormFrame form={form} submitLabel={t('password.submit')} labelledBy="password-title">
        <PasswordField {...form.field('current')} label={t('password.current')} purpose="current" required autoFocus />
        <NewPasswordFields password={form.field('password')} passwordConfirm={form.field('passwordConfirm')} kind="replacement" />
      </FormFrame>
      <div className="auth-secondary">
        <Button variant="quiet" onClick={onLogout}>
          {t('layout.logout')}
        </Button>
      </div>
    </AuthFrame>
  );
}
