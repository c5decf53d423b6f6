import { useState } from 'react';
import type { CallError } from '../../../api/result';
import type { PeerView } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { DataTable, type Column } from '../../components/data-table';
import { Notice } from '../../components/notice';
import { Panel } from '../../components/panel';
import { describeError } from '../../errors';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n';
import type { Message } from '../../i18n/message';
import { EnrolPanel } from './enrol-panel';
import { roleKeys } from './exchange-labels';

export interface PeersSectionProps {
  readonly peers: readonly PeerView[];
  readonly ownCode: string;
  /** Enrol and revoke (settings.manage). */
  readonly canManage: boolean;
  readonly onChanged: () => void;
}

/** "Đơn vị trao đổi": the enrolled offices; an administrator enrols more and revokes them. */
export function PeersSection({ peers, ownCode, canManage, onChanged }: PeersSectionProps) {
  const { t } = useI18n();
  const [enrolling, setEnrolling] = useState(false);
  const [revoking, setRevoking] = useState<PeerView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const [done, setDone] = useState<Message | null>(null);

  const revoke = async (peer: PeerView) => {
    setBusy(true);
    setError(null);
    const result = await invoke('exchange.revoke', { keyId: peer.keyId });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setRevoking(null);
    setDone({ key: 'xc.revoked', params: { office: peer.officeName } });
    onChanged();
  };

  const columns: Column<PeerView>[] = [
    { key: 'office', header: t('xc.office'), rowHeader: true, cell: (peer) => `${peer.officeName} (${peer.officeCode})` },
    { key: 'role', header: t('xc.role'), cell: (peer) => t(roleKeys[peer.role]) },
    {
      key: 'fingerprint',
      header: t('xc.fingerprint'),
      cell: (peer) =>
        peer.oldCard ? (
          <>
            {peer.fingerprint} – <strong>{t('xc.oldCard')}</strong>
          </>
        ) : (
          peer.fingerprint
        ),
    },
    { key: 'version', header: t('xc.appVersion'), cell: (peer) => peer.appVersion ?? t('xc.none') },
    { key: 'sent', header: t('xc.sentSeq'), cell: (peer) => (peer.sentSeq > 0 ? peer.sentSeq : t('xc.none')) },
    {
      key: 'received',
      header: t('xc.received'),
      cell: (peer) => (peer.receivedAt === null ? t('xc.none') : t('xc.receivedValue', { seq: peer.receivedSeq, date: formatDate(peer.receivedAt) })),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            header: t('xc.actions'),
            cell: (peer: PeerView) => (
              <Button small variant="danger" onClick={() => setRevoking(peer)}>
                {t('xc.revoke')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <section className="card" aria-labelledby="exchange-peers">
      <h2 id="exchange-peers">{t('xc.peers')}</h2>
      {done ? <Notice kind="success">{t(done.key, done.params)}</Notice> : null}
      <DataTable caption={t('xc.peers')} captionHidden columns={columns} rows={peers} rowKey={(peer) => peer.keyId} empty={t('xc.noPeers')} />
      {revoking ? (
        <Panel id="exchange-revoke" title={t('xc.revokeTitle', { office: revoking.officeName })}>
          <p>{t('xc.revokeText')}</p>
          {error ? <Notice kind="error">{describeError(t, error)}</Notice> : null}
          <div className="form-actions">
            <Button variant="danger" busy={busy} onClick={() => void revoke(revoking)}>
              {t('xc.revokeButton')}
            </Button>
            <Button onClick={() => setRevoking(null)}>{t('xc.revokeKeep')}</Button>
          </div>
        </Panel>
      ) : null}
      {canManage && !enrolling ? (
        <div className="exchange-actions">
          <Button onClick={() => setEnrolling(true)} expanded={false}>
            {t('xc.enrolOpen')}
          </Button>
        </div>
      ) : null}
      {canManage && enrolling ? (
        <EnrolPanel
          ownCode={ownCode}
          onClose={() => setEnrolling(false)}
          onEnrolled={(peer) => {
            setEnrolling(false);
            setDone({ key: 'xc.enrolled', params: { office: peer.officeName, role: t(roleKeys[peer.role]) } });
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}
