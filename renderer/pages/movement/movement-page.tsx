import { useState } from 'react';
import { LoadedView } from '../../components/loaded-view';
import { Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { useCall } from '../../data/use-call';
import { useI18n } from '../../i18n';
import type { Message } from '../../i18n/message';
import { vnParts } from '../../../core/vn-time';
import { ModelsSection } from './models-section';
import { SafetySection } from './safety-section';
import { TeamsSection } from './teams-section';
import { useReferenceList } from '../../data/reference-lists';

/**
 * Phong trào toàn dân bảo vệ an ninh Tổ quốc: the grassroots teams, the self-management models and
 * the yearly "safe for security and order" evaluation of villages, agencies, enterprises and schools.
 */
export function MovementPage() {
  const { t } = useI18n();
  const [currentYear] = useState(() => vnParts(Date.now()).year);
  const [year, setYear] = useState(currentYear);
  const [notice, setNotice] = useState<Message | null>(null);
  const localities = useReferenceList('localities.list');
  const [teams, reloadTeams] = useCall('teams.list', {});
  const [models, reloadModels] = useCall('models.list', {});
  const [summary, reloadSummary] = useCall('safety.summary', { year });
  const years = Array.from({ length: 7 }, (_, i) => currentYear + 1 - i);
  const changed = (message: Message, reload: () => void) => {
    setNotice(message);
    reload();
  };
  return (
    <Page title={t('movement.title')}>
      <p className="muted">{t('movement.intro')}</p>
      {notice ? <Notice kind="success">{t(notice.key, notice.params)}</Notice> : null}
      <LoadedView loaded={localities}>
        {(localityList) => (
          <>
            <LoadedView loaded={teams}>
              {(teamList) => <TeamsSection teams={teamList} localities={localityList} onChanged={(message) => changed(message, reloadTeams)} />}
            </LoadedView>
            <LoadedView loaded={models}>
              {(modelList) => (
                <ModelsSection
                  models={modelList}
                  localities={localityList}
                  year={currentYear}
                  onChanged={(message) => {
                    changed(message, reloadModels);
                    reloadSummary();
                  }}
                />
              )}
            </LoadedView>
            <LoadedView loaded={summary}>
              {(value) => (
                <SafetySection
                  summary={value}
                  localities={localityList}
                  year={year}
                  years={years}
                  onYearChange={setYear}
                  onChanged={(message) => changed(message, reloadSummary)}
                />
              )}
            </LoadedView>
          </>
        )}
      </LoadedView>
    </Page>
  );
}
