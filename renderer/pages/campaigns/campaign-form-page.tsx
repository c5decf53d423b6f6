import { useState } from 'react';
import { campaignInput } from '../../../api/calls/campaigns';
import type { Result } from '../../../api/result';
import type { CampaignView, CategoryView, LocalityView, MeasureView } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { CheckboxField } from '../../components/checkbox-field';
import { FormFrame } from '../../components/form-frame';
import { LoadedView } from '../../components/loaded-view';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { flash } from '../../data/flash';
import { useCall, type Loaded } from '../../data/use-call';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { navigate, paths } from '../../router';
import { isoDateOf } from '../../../core/vn-time';
import { categoryGroups, categoryName, codeLabel } from '../register/labels';
import { measureName } from './campaign-format';
import { campaignValues, newCampaignValues, newEntryKey, toCampaignInput, type CampaignValues } from './campaign-values';
import { unitName } from '../../format';
import { useReferenceList } from '../../data/reference-lists';

interface CampaignReference {
  readonly localities: readonly LocalityView[];
  readonly categories: readonly CategoryView[];
  readonly measures: readonly MeasureView[];
}

function useCampaignReference(): Loaded<CampaignReference> {
  const localities = useReferenceList('localities.list');
  const categories = useReferenceList('categories.list');
  const measures = useReferenceList('campaigns.measures');
  for (const loaded of [localities, categories, measures]) if (loaded.status === 'failed') return { status: 'failed', error: loaded.error };
  if (localities.status !== 'ready' || categories.status !== 'ready' || measures.status !== 'ready') return { status: 'loading' };
  return { status: 'ready', value: { localities: localities.value, categories: categories.value, measures: measures.value } };
}

/** Mở đợt cao điểm. */
export function CampaignNewPage() {
  const { t } = useI18n();
  const reference = useCampaignReference();
  const [today] = useState(() => isoDateOf(Date.now()));
  return (
    <Page title={t('campaigns.add')}>
      <LoadedView loaded={reference}>
        {(ref) => (
          <CampaignForm
            initial={newCampaignValues(today, ref.localities, ref.categories)}
            draftKey="campaign.new"
            reference={ref}
            submitLabel={t('campaigns.create')}
            submit={(input) => invoke('campaigns.create', input)}
            onDone={(campaign) => {
              flash({ key: 'campaign.created' });
              navigate(paths.campaign(campaign.id));
            }}
          />
        )}
      </LoadedView>
    </Page>
  );
}

/** Sửa đợt cao điểm. */
export function CampaignEditPage({ id }: { readonly id: string }) {
  const { t } = useI18n();
  const reference = useCampaignReference();
  const [campaign] = useCall('campaigns.get', { id });
  return (
    <Page title={t('campaigns.edit')}>
      <LoadedView loaded={reference}>
        {(ref) => (
          <LoadedView loaded={campaign}>
            {(value) => (
              <CampaignForm
                initial={campaignValues(value, ref.localities, ref.categories)}
                draftKey={`campaign.edit:${value.id}`}
                reference={ref}
                submitLabel={t('common.save')}
                submit={(fields) => invoke('campaigns.update', { id: value.id, baseVersion: value.version, fields })}
                onDone={() => {
                  flash({ key: 'campaign.saved' });
                  navigate(paths.campaign(value.id));
                }}
              />
            )}
          </LoadedView>
        )}
      </LoadedView>
    </Page>
  );
}

interface CampaignFormProps {
  readonly initial: CampaignValues;
  readonly reference: CampaignReference;
  readonly submitLabel: string;
  readonly submit: (input: ReturnType<typeof campaignInput.parse>) => Promise<Result<CampaignView>>;
  readonly onDone: (campaign: CampaignView) => void;
  /** The key its draft is kept under ("campaign.new", "campaign.edit:<id>"). */
  readonly draftKey: string;
}

/** The one form for a new campaign and an edit: decision, period, scope, focus, forces and targets. */
function CampaignForm({ initial, reference, submitLabel, submit, onDone, draftKey }: CampaignFormProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const form = useForm({ schema: campaignInput, initial, toInput: toCampaignInput, submit, onSuccess: onDone, draftKey });
  const { values } = form;
  const localityName = (id: string) => reference.localities.find((l) => l.id === id)?.name ?? id;
  const category = (code: string) => reference.categories.find((c) => c.code === code);
  // Categories under their groups, as every category list shows them (categoryGroups).
  const groups = categoryGroups(reference.categories)
    .map((group) => ({
      group: group.groupCode,
      entries: group.categories.map((c) => ({ code: c.code, index: values.categories.findIndex((entry) => entry.code === c.code) })).filter((entry) => entry.index >= 0),
    }))
    .filter((group) => group.entries.length > 0);
  const measureOptions = [{ value: '', label: t('common.choose') }, ...reference.measures.map((m) => ({ value: m.code, label: `${measureName(lang, m)} (${unitName(lang, m.unit)})` }))];
  const addTarget = () => form.update((current) => ({ ...current, targets: [...current.targets, { key: newEntryKey(), measureCode: '', target: '' }] }), 'targets');
  const removeTarget = (index: number) => form.update((current) => ({ ...current, targets: current.targets.filter((_, i) => i !== index) }), 'targets');

  return (
    <FormFrame form={form} submitLabel={submitLabel} labelledBy="page-title" requiredNote onCancel={() => window.history.back()}>
      <TextField {...form.field('name')} label={t('campaign.name')} maxLength={300} required />
      <div className="field-row field-row-4">
        <TextField {...form.field('decisionNo')} label={t('campaign.decisionNo')} />
        <TextField {...form.field('decisionDate')} type="date" label={t('campaign.decisionDate')} />
        <TextField {...form.field('startDate')} type="date" label={t('campaign.startDate')} required />
        <TextField {...form.field('endDate')} type="date" label={t('campaign.endDate')} required />
      </div>
      <fieldset className="fieldset">
        <legend>{t('campaign.scope')}</legend>
        <SelectField
          {...form.field('scope')}
          label={t('campaign.scope')}
          options={[
            { value: 'all', label: t('campaign.scopeAll') },
            { value: 'chosen', label: t('campaign.scopeChosen') },
          ]}
        />
        {values.scope === 'chosen' ? (
          <div className="checkbox-grid" role="group" aria-label={t('campaign.localities')}>
            {values.localities.map((entry, index) => (
              <CheckboxField key={entry.id} {...form.field(`localities.${index}.checked`)} label={localityName(entry.id)} />
            ))}
          </div>
        ) : null}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('campaign.categories')}</legend>
        <p className="field-hint">{t('campaign.categoriesHint')}</p>
        {groups.map((group) => (
          <div key={group.group} className="checkbox-group" role="group" aria-labelledby={`category-group-${group.group}`}>
            <h3 id={`category-group-${group.group}`} className="checkbox-group-title">
              {codeLabel(t, 'categoryGroup', group.group)}
            </h3>
            <div className="checkbox-grid">
              {group.entries.map(({ code, index }) => {
                const found = category(code);
                return <CheckboxField key={code} {...form.field(`categories.${index}.checked`)} label={found ? categoryName(lang, found) : code} />;
              })}
            </div>
          </div>
        ))}
      </fieldset>
      <TextAreaField {...form.field('forces')} label={t('campaign.forces')} rows={2} />
      <section className="people" aria-labelledby="campaign-targets-title">
        <h2 id="campaign-targets-title">{t('campaign.targets')}</h2>
        {values.targets.length === 0 ? <p className="muted">{t('campaign.noTargets')}</p> : null}
        {values.targets.map((entry, index) => {
          const n = index + 1;
          const measure = reference.measures.find((m) => m.code === entry.measureCode);
          return (
            <fieldset key={entry.key} className="fieldset" aria-labelledby={`target-${entry.key}`}>
              <legend id={`target-${entry.key}`}>{t('campaign.target', { n })}</legend>
              <div className="field-row field-row-3">
                <SelectField {...form.field(`targets.${index}.measureCode`)} label={t('campaign.measure')} options={measureOptions} required />
                <TextField {...form.field(`targets.${index}.target`)} label={t('campaign.targetValue')} hint={measure ? t('campaign.targetHint', { unit: unitName(lang, measure.unit) }) : undefined} inputMode="text" required />
                <div className="person-entry-remove">
                  <Button small variant="danger" onClick={() => removeTarget(index)}>
                    {t('campaign.removeTarget', { n })}
                  </Button>
                </div>
              </div>
            </fieldset>
          );
        })}
        <Button onClick={addTarget}>{t('campaign.addTarget')}</Button>
      </section>
      <TextAreaField {...form.field('notes')} label={t('campaign.notes')} rows={3} />
    </FormFrame>
  );
}
