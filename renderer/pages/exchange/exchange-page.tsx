import { LoadedView } from '../../components/loaded-view';
import { Page } from '../../components/page';
import { useCall } from '../../data/use-call';
import { useI18n } from '../../i18n';
import { useCan } from '../../session/session-context';
import { ConflictsSection } from './conflicts-section';
import { IdentitySection } from './identity-section';
import { HistorySection, OfficesSection } from './offices-section';
import { PeersSection } from './peers-section';
import { ReceiveSection } from './receive-section';
import { SendSection } from './send-section';
import { TrustSection } from './trust-section';

/**
 * "Trao đổi dữ liệu" (issue #7): this office's key card, the offices it exchanges with, sending and
 * receiving bundles, conflicts to settle, and (for a higher office) the offices below and the history.
 * Sending, receiving and settling need office.lead; enrolling and revoking need settings.manage.
 */
export function ExchangePage() {
  const { t } = useI18n();
  const canLead = useCan('office.lead');
  const canManage = useCan('settings.manage');
  const [identity] = useCall('exchange.identity', {});
  const [peers, reloadPeers] = useCall('exchange.peers', {});
  const [conflicts, reloadConflicts] = useCall('exchange.conflicts', {});
  const [offices, reloadOffices] = useCall('exchange.offices', {});
  const [history, reloadHistory] = useCall('exchange.history', {});
  const [trust, reloadTrust] = useCall('exchange.trust', {});

  const afterExchange = () => {
    reloadTrust();
    reloadPeers();
    reloadConflicts();
    reloadOffices();
    reloadHistory();
  };

  return (
    <Page title={t('xc.title')}>
      <LoadedView loaded={identity}>
        {(value) => (
          <>
            <IdentitySection identity={value} />
            <LoadedView loaded={peers}>
              {(list) => (
                <>
                  <PeersSection peers={list} ownCode={value.office.code} canManage={canManage} onChanged={reloadPeers} />
                  {canLead ? <SendSection peers={list} onSent={afterExchange} /> : null}
                </>
              )}
            </LoadedView>
          </>
        )}
      </LoadedView>
      {canLead ? <ReceiveSection onImported={afterExchange} /> : null}
      {trust.status === 'ready' ? <TrustSection trust={trust.value} /> : null}
      <LoadedView loaded={conflicts}>{(list) => <ConflictsSection conflicts={list} canResolve={canLead} onResolved={afterExchange} />}</LoadedView>
      {offices.status === 'ready' && offices.value.offices.length > 0 ? <OfficesSection overview={offices.value} /> : null}
      <LoadedView loaded={history}>{(rows) => <HistorySection rows={rows} />}</LoadedView>
    </Page>
  );
}
