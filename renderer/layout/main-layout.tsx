import { roleHasPermission, type Permission } from '../../api/roles';
import { LanguageSwitch } from '../components/language-switch';
import { AppVersion } from '../components/app-version';
import { useI18n, type MessageKey } from '../i18n';
import { AuditPage } from '../pages/audit/audit-page';
import { BackupsPage } from '../pages/backups-page';
import { NotFoundPage } from '../pages/not-found-page';
import { OverviewPage } from '../pages/overview-page';
import { CampaignEditPage, CampaignNewPage } from '../pages/campaigns/campaign-form-page';
import { CampaignPage } from '../pages/campaigns/campaign-page';
import { CampaignsPage } from '../pages/campaigns/campaigns-page';
import { GraphPage } from '../pages/graph/graph-page';
import { HotspotEditPage, HotspotNewPage } from '../pages/hotspots/hotspot-form-page';
import { HotspotPage } from '../pages/hotspots/hotspot-page';
import { HotspotsDuePage } from '../pages/hotspots/hotspots-due-page';
import { HotspotsPage } from '../pages/hotspots/hotspots-page';
import { MovementPage } from '../pages/movement/movement-page';
import { ExchangePage } from '../pages/exchange/exchange-page';
import { LegacyImportPage } from '../pages/legacy/legacy-import-page';
import { DuplicatesPage } from '../pages/people/duplicates-page';
import { PersonNewPage } from '../pages/people/person-new-page';
import { PersonPage } from '../pages/people/person-page';
import { PersonsPage } from '../pages/people/persons-page';
import { ProgramPage } from '../pages/programs/program-page';
import { ProgramsPage } from '../pages/programs/programs-page';
import { RemindersPage } from '../pages/programs/reminders-page';
import { DeadlinesPage } from '../pages/register/deadlines-page';
import { RegisterPage } from '../pages/register/register-page';
import { ReportEditPage, ReportNewPage } from '../pages/register/report-form-page';
import { ReportPage } from '../pages/register/report-page';
import { HolidaysPage } from '../pages/holidays-page';
import { SettingsPage } from '../pages/settings-page';
import { UsersPage } from '../pages/users-page';
import { OwnPasswordPage } from '../pages/own-password-page';
import { IssuedReportPage } from '../reports/issued-report-page';
import { PeriodicPage } from '../reports/periodic-page';
import { href, parseRoute, type ParsedRoute, type StaticPath } from '../router';
import { useSession } from '../session/session-context';
import { Shortcuts } from './shortcuts';
import { StoreActivity } from './store-activity';

interface NavItem {
  readonly route: StaticPath;
  /** The pages that belong to this section (a report's page belongs to the register). */
  readonly pages: readonly ParsedRoute['page'][];
  readonly label: MessageKey;
  /** Shown only to roles with this permission. */
  readonly permission: Permission;
}

/** Only the sections that exist; each new domain adds its entry here. */
const navItems: readonly NavItem[] = [
  { route: '/', pages: ['overview'], label: 'nav.overview', permission: 'session' },
  { route: '/reports', pages: ['reports', 'report', 'report-new', 'report-edit'], label: 'nav.register', permission: 'session' },
  { route: '/deadlines', pages: ['deadlines'], label: 'nav.deadlines', permission: 'session' },
  { route: '/persons', pages: ['persons', 'person', 'person-new', 'duplicates'], label: 'nav.persons', permission: 'session' },
  { route: '/programs', pages: ['programs', 'program'], label: 'nav.programs', permission: 'session' },
  { route: '/hotspots', pages: ['hotspots', 'hotspot', 'hotspot-new', 'hotspot-edit', 'hotspots-due'], label: 'nav.hotspots', permission: 'session' },
  { route: '/campaigns', pages: ['campaigns', 'campaign', 'campaign-new', 'campaign-edit'], label: 'nav.campaigns', permission: 'session' },
  { route: '/movement', pages: ['movement'], label: 'nav.movement', permission: 'session' },
  { route: '/periodic', pages: ['periodic', 'periodic-report'], label: 'nav.periodic', permission: 'session' },
  { route: '/reminders', pages: ['reminders'], label: 'nav.reminders', permission: 'session' },
  { route: '/exchange', pages: ['exchange'], label: 'nav.exchange', permission: 'session' },
  { route: '/legacy', pages: ['legacy'], label: 'nav.legacy', permission: 'office.lead' },
  { route: '/users', pages: ['users'], label: 'nav.users', permission: 'users.manage' },
  { route: '/backups', pages: ['backups'], label: 'nav.backups', permission: 'backups.manage' },
  { route: '/audit', pages: ['audit'], label: 'nav.audit', permission: 'office.lead' },
  { route: '/holidays', pages: ['holidays'], label: 'nav.holidays', permission: 'session' },
  { route: '/settings', pages: ['settings'], label: 'nav.settings', permission: 'session' },
];

function PageFor({ route }: { readonly route: ParsedRoute }) {
  switch (route.page) {
    case 'overview':
      return <OverviewPage />;
    case 'users':
      return <UsersPage />;
    case 'backups':
      return <BackupsPage />;
    case 'audit':
      return <AuditPage />;
    case 'settings':
      return <SettingsPage />;
    case 'holidays':
      return <HolidaysPage />;
    case 'reports':
      return <RegisterPage />;
    case 'report-new':
      return <ReportNewPage />;
    case 'report':
      return <ReportPage id={route.id} />;
    case 'report-edit':
      return <ReportEditPage id={route.id} />;
    case 'deadlines':
      return <DeadlinesPage />;
    case 'persons':
      return <PersonsPage />;
    case 'person-new':
      return <PersonNewPage />;
    case 'duplicates':
      return <DuplicatesPage />;
    case 'person':
      return <PersonPage id={route.id} />;
    case 'programs':
      return <ProgramsPage />;
    case 'program':
      return <ProgramPage id={route.id} />;
    case 'reminders':
      return <RemindersPage />;
    case 'campaigns':
      return <CampaignsPage />;
    case 'campaign-new':
      return <CampaignNewPage />;
    case 'campaign':
      return <CampaignPage id={route.id} />;
    case 'campaign-edit':
      return <CampaignEditPage id={route.id} />;
    case 'movement':
      return <MovementPage />;
    case 'periodic':
      return <PeriodicPage />;
    case 'periodic-report':
      return <IssuedReportPage id={route.id} />;
    case 'hotspots':
      return <HotspotsPage />;
    case 'hotspot-new':
      return <HotspotNewPage />;
    case 'hotspots-due':
      return <HotspotsDuePage />;
    case 'hotspot':
      return <HotspotPage id={route.id} />;
    case 'hotspot-edit':
      return <HotspotEditPage id={route.id} />;
    case 'exchange':
      return <ExchangePage />;
    case 'legacy':
      return <LegacyImportPage />;
    case 'account-password':
      return <OwnPasswordPage />;
    case 'graph':
      return <GraphPage kind={route.kind} id={route.id} />;
    default:
      return <NotFoundPage />;
  }
}

export function MainLayout({ route }: { readonly route: string }) {
  const { t } = useI18n();
  const { session, logout } = useSession();
  const { user, office } = session;
  const parsed = parseRoute(route);

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
            <span className="topbar-user-line">
              <span className="topbar-user-role">{t(`role.${user.role}`)}</span>
              <a href={href('/account/password')} className="topbar-user-link" aria-current={parsed.page === 'account-password' ? 'page' : undefined}>
                {t('account.changePassword')}
              </a>
            </span>
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
                  <a href={href(item.route)} className="sidenav-link" aria-current={item.pages.includes(parsed.page) ? 'page' : undefined}>
                    {t(item.label)}
                  </a>
                </li>
              ))}
          </ul>
          <AppVersion className="sidenav-about" />
        </nav>
        {/* A new page starts fresh; a list writing its filters into the address (a query) stays the same page. */}
        <main className="content" key={route.split('?')[0]}>
          <StoreActivity />
          <PageFor route={parsed} />
        </main>
        <Shortcuts canWrite={roleHasPermission(user.role, 'records.write')} />
      </div>
    </div>
  );
}
