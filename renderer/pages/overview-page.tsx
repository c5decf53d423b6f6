import { DetailsList } from '../components/details-list';
import { Page } from '../components/page';
import { useI18n } from '../i18n';
import { useSession } from '../session/session-context';

/** The welcome page: the office and the logged-in user, as recorded. Nothing more until more exists. */
export function OverviewPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const { office, user, idleLockMinutes } = session;
  const orNone = (text: string) => text || t('common.none');

  return (
    <Page title={t('nav.overview')}>
      <p className="lead">{t('overview.welcome', { name: user.fullName })}</p>
      <div className="cards">
        <section className="card" aria-labelledby="overview-office">
          <h2 id="overview-office">{t('overview.officeCard')}</h2>
          <DetailsList
            items={[
              { label: t('office.name'), value: office.name },
              { label: t('office.code'), value: office.code },
              { label: t('office.level'), value: t(`level.${office.level}`) },
              { label: t('office.parent'), value: `${office.parentName} (${office.parentCode})` },
            ]}
          />
        </section>
        <section className="card" aria-labelledby="overview-user">
          <h2 id="overview-user">{t('overview.userCard')}</h2>
          <DetailsList
            items={[
              { label: t('user.fullName'), value: user.fullName },
              { label: t('user.rank'), value: orNone(user.rank) },
              { label: t('user.position'), value: orNone(user.position) },
              { label: t('user.role'), value: t(`role.${user.role}`) },
              { label: t('user.username'), value: user.username },
            ]}
          />
          <p className="muted">{idleLockMinutes > 0 ? t('overview.idleLock', { minutes: idleLockMinutes }) : t('overview.idleLockOff')}</p>
        </section>
      </div>
    </Page>
  );
}
