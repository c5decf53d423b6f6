import { roleHasPermission, type Permission } from '../../api/roles';
import { LanguageSwitch } from '../components/language-switch';
import { useI18n, type MessageKey } from '../i18n';
import { NotFoundPage } from '../pages/not-found-page';
import { OverviewPage } from '../pages/overview-page';
import { SettingsPage } from '../pages/settings-page';
import { UsersPage } from '../pages/users-page';
import { href, type Route } from '../router';
import { useSession } from '../session/session-context';

interface NavItem {
  readonly route: Route;
  readonly label: MessageKey;
  /** Shown only to roles with this permission. */
  readonly permission: Permission;
}

/** Only the sections that exist; each new domain adds its entry here. */
const navItems: readonly NavItem[] = [
  { route: '/', label: 'nav.overview', permission: 'session' },
  { route: '/users', label: 'nav.users', permission: 'users.manage' },
  { route: '/settings', label: 'nav.settings', permission: 'session' },
];

function PageFor({ route }: { readonly route: string }) {
  switch (route) {
    case '/':
      return <OverviewPage />;
    case '/users':
      return <UsersPage />;
    case '/settings':
      return <SettingsPage />;
    default:
      return <NotFoundPage />;
  }
}

export function MainLayout({ route }: { readonly route: string }) {
  const { t } = useI18n();
  const { session, logout } = useSession();
  const { user, office } = session;

  return (
    <div className="layout">
      <header className="topbar">
        <div className="topbar-brand">
          <span className="brand">{t('app.name')}</span>
          <span className="topbar-office">{office.name}</span>
          {office.demo ? <span className="badge">{t('office.demo')}</span> : null}
        </div>
        <div className="topbar-tools">
          <div className="topbar-user" aria-label={t('layout.account')} role="group">
            <span className="topbar-user-name">{user.fullName}</span>
            <span className="topbar-user-role">{t(`role.${user.role}`)}</span>
          </div>
          <LanguageSwitch />
          <button type="button" className="button button-on-dark" onClick={logout}>
            {t('layout.logout')}
          </button>
        </div>
      </header>
      <div className="layout-body">
        <nav className="sidenav" aria-label={t('layout.nav')}>
          <ul>
            {navItems
              .filter((item) => roleHasPermission(user.role, item.permission))
              .map((item) => (
                <li key={item.route}>
                  <a href={href(item.route)} className="sidenav-link" aria-current={route === item.route ? 'page' : undefined}>
                    {t(item.label)}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
        <main className="content" key={route}>
          <PageFor route={route} />
        </main>
      </div>
    </div>
  );
}
