import { loginInput } from '../../api/calls/auth';
import type { SessionView, SetupStatus } from '../../api/views';
import { invoke } from '../api-client';
import { FormFrame } from '../components/form-frame';
import { Notice } from '../components/notice';
import { PasswordField } from '../components/password-field';
import { TextField } from '../components/text-field';
import { useForm } from '../forms/use-form';
import { useI18n, type MessageKey } from '../i18n';
import { AuthFrame } from '../layout/auth-frame';

export interface LoginPageProps {
  readonly office: SetupStatus['office'];
  /** A success note from the step before (setup done, logged out). */
  readonly notice: MessageKey | undefined;
  /** The last session did not end cleanly: this login checks the whole store first (setup.status). */
  readonly checkOnOpen: boolean;
  readonly onLoggedIn: (session: SessionView) => void;
}

export function LoginPage({ office, notice, checkOnOpen, onLoggedIn }: LoginPageProps) {
  const { t } = useI18n();
  const form = useForm({
    guardLeave: false,
    schema: loginInput,
    initial: { username: '', password: '' },
    submit: (input) => invoke('auth.login', input),
    onSuccess: onLoggedIn,
    secretField: 'password',
  });

  return (
    <AuthFrame title={t('login.title')}>
      {office ? (
        <p className="auth-office">
          {office.name}
          {office.demo ? <span className="badge">{t('office.demo')}</span> : null}
        </p>
      ) : null}
      <h1 id="login-title" className="auth-title">
        {t('login.title')}
      </h1>
      {notice && !form.formError ? <Notice kind="success">{t(notice)}</Notice> : null}
      {checkOnOpen ? <Notice kind="info">{t('login.checkOnOpen')}</Notice> : null}
      <FormFrame form={form} submitLabel={t('login.submit')} labelledBy="login-title">
        <TextField {...form.field('username')} label={t('user.username')} autoComplete="username" required autoFocus />
        <PasswordField {...form.field('password')} label={t('user.password')} purpose="current" required />
      </FormFrame>
    </AuthFrame>
  );
}
