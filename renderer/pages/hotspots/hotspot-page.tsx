import { useState } from 'react';
import type { HotspotView } from '../../../api/views';
import { Button } from '../../components/button';
import { DetailsList } from '../../components/details-list';
import { ImportedFrom } from '../../components/imported-from';
import { LoadedView } from '../../components/loaded-view';
import { Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { useFlash } from '../../data/flash';
import { useCall } from '../../data/use-call';
import { formatIsoDate } from '../../format';
import { OtherOfficeNotice } from '../../components/other-office-notice';
import { useOwnRecord } from '../../data/use-offices';
import { useI18n } from '../../i18n';
import type { Message } from '../../i18n/message';
import { href, paths } from '../../router';
import { useCan } from '../../session/session-context';
import { codeLabel } from '../register/labels';
import { CheckForm, HotspotChecks } from './hotspot-checks';
import { HotspotPeople } from './hotspot-people';
import { HotspotReports } from './hotspot-reports';
import { StatusHistory, StatusPanel } from './hotspot-status';
import { useReferenceList } from '../../data/reference-lists';

/** A hotspot: where and what it is, its status over time, its people and reports, the checks made there. */
export function HotspotPage({ id }: { readonly id: string }) {
  const { t } = useI18n();
  const [hotspot, reload] = useCall('hotspots.get', { id });
  const localities = useReferenceList('localities.list');
  const flashed = useFlash();
  const [notice, setNotice] = useState<Message | null>(flashed);
  const title = hotspot.status === 'ready' ? hotspot.value.name : t('hotspots.title');
  const localityName = (localityId: string | null) => (localities.status === 'ready' ? localities.value.find((l) => l.id === localityId)?.name : undefined);
  return (
    <Page title={title}>
      <p>
        <a href={href('/hotspots')}>{t('hotspots.backToList')}</a>
      </p>
      {notice ? <Notice kind="success">{t(notice.key, notice.params)}</Notice> : null}
      <LoadedView loaded={hotspot}>
        {(value) => (
          <HotspotDetails
            hotspot={value}
            localityName={localityName(value.localityId)}
            onChanged={(message) => {
              setNotice(message);
              reload();
            }}
          />
        )}
      </LoadedView>
    </Page>
  );
}

interface DetailsProps {
  readonly hotspot: HotspotView;
  readonly localityName: string | undefined;
  readonly onChanged: (message: Message | null) => void;
}

function HotspotDetails({ hotspot, localityName, onChanged }: DetailsProps) {
  const { t } = useI18n();
  const own = useOwnRecord(hotspot);
  const canWrite = useCan('records.write') && own;
  const [changing, setChanging] = useState(false);
  const none = t('common.none');
  const coordinates = hotspot.latitude !== null && hotspot.longitude !== null ? `${hotspot.latitude}, ${hotspot.longitude}` : none;
  return (
    <>
      <OtherOfficeNotice officeId={hotspot.officeId} />
      <div className="page-actions">
        <span className="status-pill">{codeLabel(t, 'hotspotStatus', hotspot.status)}</span>
        {canWrite ? <Button href={href(paths.hotspotEdit(hotspot.id))}>{t('common.edit')}</Button> : null}
        {canWrite ? <Button onClick={() => setChanging(true)}>{t('hotspot.setStatus')}</Button> : null}
        <Button href={href(paths.graph('hotspot', hotspot.id))}>{t('graph.open')}</Button>
      </div>
      {changing ? (
        <StatusPanel
          hotspot={hotspot}
          onCancel={() => setChanging(false)}
          onDone={() => {
            setChanging(false);
            onChanged({ key: 'hotspot.statusChanged' });
          }}
        />
      ) : null}
      <section className="card" aria-labelledby="hotspot-details">
        <h2 id="hotspot-details">{t('hotspot.details')}</h2>
        <DetailsList
          items={[
            { label: t('hotspot.type'), value: codeLabel(t, 'hotspotType', hotspot.type) },
            { label: t('hotspot.risk'), value: codeLabel(t, 'risk', hotspot.risk) },
            { label: t('report.locality'), value: localityName ?? none },
            { label: t('hotspot.address'), value: hotspot.address || none },
            { label: t('hotspot.coordinates'), value: coordinates },
            { label: t('hotspot.foundOn'), value: formatIsoDate(hotspot.foundOn) },
            { label: t('hotspot.lastCheck'), value: hotspot.lastCheckOn ? formatIsoDate(hotspot.lastCheckOn) : none },
            { label: t('hotspot.nextReview'), value: t('hotspot.nextReviewValue', { date: formatIsoDate(hotspot.nextReviewOn), days: hotspot.reviewDays }) },
            { label: t('hotspot.description'), value: <span className="prewrap">{hotspot.description || none}</span> },
            ...(hotspot.importedFrom ? [{ label: t('lg.source'), value: <ImportedFrom source={hotspot.importedFrom} /> }] : []),
          ]}
        />
      </section>
      <section className="card" aria-labelledby="hotspot-history">
        <h2 id="hotspot-history">{t('hotspot.history')}</h2>
        <StatusHistory history={hotspot.history} />
      </section>
      <section className="card" aria-labelledby="hotspot-persons">
        <h2 id="hotspot-persons">{t('hotspot.persons')}</h2>
        <HotspotPeople hotspot={hotspot} canWrite={canWrite} onChanged={() => onChanged(null)} />
      </section>
      <section className="card" aria-labelledby="hotspot-reports">
        <h2 id="hotspot-reports">{t('hotspot.reports')}</h2>
        <HotspotReports hotspot={hotspot} canWrite={canWrite} onChanged={() => onChanged(null)} />
      </section>
      <section className="card" aria-labelledby="hotspot-checks">
        <h2 id="hotspot-checks">{t('check.list')}</h2>
        <HotspotChecks checks={hotspot.checks} canWrite={canWrite} />
      </section>
      {canWrite ? (
        <section className="card" aria-labelledby="check-title">
          <h2 id="check-title">{t('check.add')}</h2>
          <CheckForm hotspot={hotspot} onDone={() => onChanged({ key: 'check.saved' })} />
        </section>
      ) : null}
    </>
  );
}
