import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CallError } from '../api/result';
import type { SessionView, SetupStatus } from '../api/views';
import { invoke, onSessionEvent } from './api-client';
import { Button } from './components/button';
import { Notice } from './components/notice';
import { describeError } from './errors';
import { useI18n, type MessageKey } from './i18n';
import { AuthFrame } from './layout/auth-frame';
import { MainLayout } from './layout/main-layout';
import { ChangePasswordPage } from './pages/change-password-page';
import { LockScreen } from './pages/lock-screen';
import { LoginPage } from './pages/login-page';
import { SetupPage } from './pages/setup-page';
import { PrintScreen } from './print/print-screen';
import { navigate, parseRoute, useRoute } from './router';
import { SessionContext, type SessionApi } from './session/session-context';
import { useIdleLock } from './session/use-idle-lock';

type OfficeBrief = SetupStatus['office'];

/** Which screen the app shows; the main layout's pages are chosen by the route inside it. */
type Screen =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: CallError }
  | { readonly kind: 'setup' }
  | { readonly kind: 'login'; readonly office: OfficeBrief; readonly notice?: MessageKey; readonly checkOnOpen?: boolean }
  | { readonly kind: 'main'; readonly session: SessionView; readonly locked: boolean };

/** On start: nothing set up → setup; set up but nobody logged in → login; a session → the main layout. */
async function boot(notice?: MessageKey): Promise<Screen> {
  const status = await invoke('setup.status', {});
  if (!status.ok) return { kind: 'failed', error: status.error };
  if (status.value.state === 'new') return { kind: 'setup' };
  const session = await invoke('auth.session', {});
  if (!session.ok) return { kind: 'failed', error: session.error };
  if (!session.value) return { kind: 'login', office: status.value.office, checkOnOpen: status.value.checkOnOpen, ...(notice ? { notice } : {}) };
  return { kind: 'main', session: session.value, locked: session.value.locked };
}

const officeBrief = (session: SessionView): OfficeBrief => ({ code: session.office.code, name: session.office.name, demo: session.office.demo });

export function App() {
  const { t } = useI18n();
  const route = useRoute();
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });

  const start = useCallback((notice?: MessageKey) => {
    setScreen({ kind: 'loading' });
    void boot(notice).then(setScreen);
  }, []);
  useEffect(() => start(), [start]);

  // Any call may find the session locked (show the lock screen) or gone (show the login screen).
  useEffect(
    () =>
      onSessionEvent((event) =>
        setScreen((current) => {
          if (current.kind !== 'main') return current;
          if (event === 'auth.idle_locked') return { ...current, locked: true };
          if (event === 'auth.password_change_required') return { ...current, session: { ...current.session, mustChangePassword: true } };
          return { kind: 'login', office: officeBrief(current.session) };
        }),
      ),
    [],
  );

  // Keep the address in step with the screen: #/setup, #/login, or a page of the main layout.
  useEffect(() => {
    if (screen.kind === 'setup') navigate('/setup', true);
    else if (screen.kind === 'login') navigate('/login', true);
    else if (screen.kind === 'main' && (route === '/setup' || route === '/login')) navigate('/', true);
  }, [screen.kind, route]);

  const mainSession = screen.kind === 'main' ? screen.session : null;
  const locked = screen.kind === 'main' && screen.locked;
  const lock = useCallback(() => setScreen((current) => (current.kind === 'main' ? { ...current, locked: true } : current)), []);
  useIdleLock(mainSession?.idleLockMinutes ?? 0, mainSession !== null && !locked && !mainSession.mustChangePassword, lock);

  const showSession = useCallback((session: SessionView) => setScreen({ kind: 'main', session, locked: session.locked }), []);

  const logout = useCallback(() => {
    const office = mainSession ? officeBrief(mainSession) : null;
    void invoke('auth.logout', {}).then(() => setScreen({ kind: 'login', office, notice: 'login.loggedOut' }));
  }, [mainSession]);

  const refresh = useCallback(async () => {
    const result = await invoke('auth.session', {});
    if (result.ok && result.value) showSession(result.value);
  }, [showSession]);

  // The password changed: the session goes on, now allowed every call of the user's role.
  const passwordChanged = useCallback(() => void refresh(), [refresh]);

  const sessionApi = useMemo<SessionApi | null>(() => (mainSession ? { session: mainSession, refresh, logout } : null), [mainSession, refresh, logout]);

  switch (screen.kind) {
    case 'loading':
      return (
        <AuthFrame title={t('app.loading')}>
          <p role="status">{t('app.loading')}</p>
        </AuthFrame>
      );
    case 'failed':
      return (
        <AuthFrame title={t('app.bootFailed')}>
          <Notice kind="error">
            <p>{t('app.bootFailed')}</p>
            <p>{describeError(t, screen.error)}</p>
          </Notice>
          <Button variant="primary" onClick={() => start()}>
            {t('app.retry')}
          </Button>
        </AuthFrame>
      );
    case 'setup':
      return <SetupPage onCreated={() => start('setup.created')} />;
    case 'login':
      return <LoginPage office={screen.office} notice={screen.notice} checkOnOpen={screen.checkOnOpen ?? false} onLoggedIn={showSession} />;
    case 'main':
      if (screen.session.mustChangePassword && !locked) return <ChangePasswordPage session={screen.session} onChanged={passwordChanged} onLogout={logout} />;
      return (
        <SessionContext.Provider value={sessionApi}>
          <div className="main-shell" hidden={locked} inert={locked}>
            {/* A printable document fills the window, without the layout's navigation. */}
            {parseRoute(route).page === 'print' ? <PrintScreen path={route} /> : <MainLayout route={route} />}
          </div>
          {locked ? <LockScreen onUnlocked={showSession} /> : null}
        </SessionContext.Provider>
      );
  }
}
