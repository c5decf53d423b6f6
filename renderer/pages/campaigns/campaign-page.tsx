import { useState } from 'react';
import type { CampaignView, LocalityView, MeasureView } from '../../../api/views';
import { Button } from '../../components/button';
import { DetailsList } from '../../components/details-list';
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
import { categoryName } from '../register/labels';
import { villageNames } from '../../data/village-names';
import { AdjustForm } from './adjust-form';
import { CampaignReports } from './campaign-reports';
import { CampaignResults } from './campaign-results';
import { OperationForm } from './operation-form';
import { OperationTimeline } from './operation-timeline';
import { useReferenceList } from '../../data/reference-lists';

/** One campaign: its details, results against targets, operations, related reports, and the forms that add to them. */
export function CampaignPage({ id }: { readonly id: string }) {
  const { t } = useI18n();
  const [campaign, reload] = useCall('campaigns.get', { id });
  const measures = useReferenceList('campaigns.measures');
  const localities = useReferenceList('localities.list');
  const flashed = useFlash();
  const [notice, setNotice] = useState<Message | null>(flashed);
  const title = campaign.status === 'ready' ? campaign.value.name : t('campaigns.title');
  return (
    <Page title={title}>
      <p>
        <a href={href('/campaigns')}>{t('campaigns.backToList')}</a>
      </p>
      {notice ? <Notice kind="success">{t(notice.key, notice.params)}</Notice> : null}
      <LoadedView loaded={measures}>
        {(measureList) => (
          <LoadedView loaded={localities}>
            {(localityList) => (
              <LoadedView loaded={campaign}>
                {(value) => (
                  <CampaignDetails
                    campaign={value}
                    measures={measureList}
                    localities={localityList}
                    onChanged={(message) => {
                      setNotice(message);
                      reload();
                    }}
                  />
                )}
              </LoadedView>
            )}
          </LoadedView>
        )}
      </LoadedView>
    </Page>
  );
}

interface DetailsProps {
  readonly campaign: CampaignView;
  readonly measures: readonly MeasureView[];
  readonly localities: readonly LocalityView[];
  readonly onChanged: (message: Message) => void;
}

function CampaignDetails({ campaign, measures, localities, onChanged }: DetailsProps) {
  const { t, lang } = useI18n();
  const own = useOwnRecord(campaign);
  const canLead = useCan('office.lead') && own;
  const canWrite = useCan('records.write') && own;
  const categories = useReferenceList('categories.list');
  const none = t('common.none');
  const scope =
    campaign.localityIds.length === 0 ? t('campaign.scopeAll') : villageNames(campaign.localityIds, localities).join(', ');
  const focus =
    campaign.categoryCodes.length === 0
      ? t('campaign.allCategories')
      : campaign.categoryCodes
          .map((code) => {
            const found = categories.status === 'ready' ? categories.value.find((c) => c.code === code) : undefined;
            return found ? categoryName(lang, found) : code;
          })
          .join(', ');
  const decision = [campaign.decisionNo, campaign.decisionDate ? formatIsoDate(campaign.decisionDate) : ''].filter(Boolean).join(' – ');
  return (
    <>
      <OtherOfficeNotice officeId={campaign.officeId} />
      <div className="page-actions">
        <Button variant="primary" href={href(paths.printCampaign(campaign.id))}>
          {t('campaign.print')}
        </Button>
        {canLead ? <Button href={href(paths.campaignEdit(campaign.id))}>{t('common.edit')}</Button> : null}
      </div>
      <section className="card" aria-labelledby="campaign-details">
        <h2 id="campaign-details">{t('campaign.details')}</h2>
        <DetailsList
          items={[
            { label: t('campaign.decisionNo'), value: decision || none },
            { label: t('campaign.period'), value: t('campaign.periodValue', { from: formatIsoDate(campaign.startDate), to: formatIsoDate(campaign.endDate) }) },
            { label: t('campaign.scope'), value: scope },
            { label: t('campaign.categories'), value: focus },
            { label: t('campaign.forces'), value: campaign.forces || none },
            { label: t('campaign.previous'), value: campaign.previousCampaign ? <a href={href(paths.campaign(campaign.previousCampaign.id))}>{campaign.previousCampaign.name}</a> : none },
            ...(campaign.notes ? [{ label: t('campaign.notes'), value: campaign.notes }] : []),
          ]}
        />
      </section>
      <section className="card" aria-labelledby="campaign-results">
        <h2 id="campaign-results">{t('results.title')}</h2>
        <CampaignResults campaign={campaign} />
      </section>
      <section className="card" aria-labelledby="campaign-operations">
        <h2 id="campaign-operations">{t('operations.title')}</h2>
        <OperationTimeline operations={campaign.operations} measures={measures} localities={localities} canVoid={canWrite} onVoided={onChanged} />
      </section>
      <section className="card" aria-labelledby="campaign-reports">
        <h2 id="campaign-reports">{t('campaignReports.title')}</h2>
        <CampaignReports campaign={campaign} canWrite={canWrite} onChanged={onChanged} />
      </section>
      {canWrite ? (
        <section className="card" aria-labelledby="operation-title">
          <h2 id="operation-title">{t('operations.add')}</h2>
          <OperationForm campaign={campaign} measures={measures} localities={localities} onDone={() => onChanged({ key: 'operations.saved' })} />
        </section>
      ) : null}
      {canLead ? (
        <section className="card" aria-labelledby="adjust-title">
          <h2 id="adjust-title">{t('adjust.title')}</h2>
          <AdjustForm campaign={campaign} measures={measures} onDone={() => onChanged({ key: 'adjust.saved' })} />
        </section>
      ) : null}
    </>
  );
}
