import { useState } from 'react';
import type { Settings } from '../../api/views';
import { DetailsList } from '../components/details-list';
import { LoadedView } from '../components/loaded-view';
import { Notice } from '../components/notice';
import { Page } from '../components/page';
import { useCall } from '../data/use-call';
import { useI18n } from '../i18n';
import { useCan, useSession } from '../session/session-context';
import { LocalitiesSection } from './settings/localities-section';
import { MeasuresSection } from './settings/measures-section';
import { ProgramKindsSection } from './settings/program-kinds-section';
import { SettingsForm } from './settings/settings-form';

/** Everyone sees the settings; only roles with settings.manage change them. */
export function SettingsPage() {
  const { t } = useI18n();
  const canEdit = useCan('settings.manage');
  const { refresh } = useSession();
  const [settings] = useCall('settings.get', {});
  const [saved, setSaved] = useState(false);

  const summary = (value: Settings) => (
    <>
      <DetailsList
        items={[
          { label: t('settings.idleLock'), value: value.idleLockMinutes },
          { label: t('settings.sessionHours'), value: value.sessionHours },
          { label: t('settings.remoteCommune'), value: t(value.remoteCommune ? 'common.yes' : 'common.no') },
          { label: t('settings.chiefName'), value: value.chiefName || '—' },
          { label: t('settings.deputyNames'), value: value.deputyNames.join(', ') || '—' },
        ]}
      />
      <p className="muted">{t('settings.readOnly')}</p>
    </>
  );

  return (
    <Page title={t('settings.title')}>
      <section className="card" aria-labelledby="settings-general">
        <h2 id="settings-general">{t('settings.general')}</h2>
        {saved ? <Notice kind="success">{t('settings.saved')}</Notice> : null}
        <LoadedView loaded={settings}>
          {(value) =>
            canEdit ? (
              <SettingsForm
                settings={value}
                onSaved={() => {
                  setSaved(true);
                  void refresh();
                }}
              />
            ) : (
              summary(value)
            )
          }
        </LoadedView>
      </section>
      <LocalitiesSection canEdit={canEdit} />
      <ProgramKindsSection canEdit={canEdit} />
      <MeasuresSection canEdit={canEdit} />
    </Page>
  );
}
