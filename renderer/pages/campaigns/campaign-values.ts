import type { z } from 'zod';
import type { campaignInput } from '../../../api/calls/campaigns';
import type { CampaignView, CategoryView, LocalityView } from '../../../api/views';
import { blankToNull, decimalText, toDecimal } from '../../forms/convert';
import { categoryGroups } from '../register/labels';

/** What the campaign form holds: text as typed, a checkbox per village and category, targets as entries. */
export interface CampaignValues {
  readonly name: string;
  readonly decisionNo: string;
  readonly decisionDate: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly scope: 'all' | 'chosen';
  readonly localities: readonly { readonly id: string; readonly checked: boolean }[];
  readonly categories: readonly { readonly code: string; readonly checked: boolean }[];
  readonly forces: string;
  readonly notes: string;
  readonly targets: readonly { readonly key: string; readonly measureCode: string; readonly target: string }[];
}

let nextKey = 0;
export const newEntryKey = (): string => `entry-${++nextKey}`;

export function newCampaignValues(today: string, localities: readonly LocalityView[], categories: readonly CategoryView[]): CampaignValues {
  return {
    name: '',
    decisionNo: '',
    decisionDate: '',
    startDate: today,
    endDate: today,
    scope: 'all',
    localities: localities.filter((l) => !l.voided).map((l) => ({ id: l.id, checked: false })),
    categories: categoryGroups(categories).flatMap((group) => group.categories.map((c) => ({ code: c.code, checked: false }))),
    forces: '',
    notes: '',
    targets: [],
  };
}

export function campaignValues(campaign: CampaignView, localities: readonly LocalityView[], categories: readonly CategoryView[]): CampaignValues {
  const blank = newCampaignValues(campaign.startDate, localities, categories);
  return {
    ...blank,
    name: campaign.name,
    decisionNo: campaign.decisionNo,
    decisionDate: campaign.decisionDate ?? '',
    startDate: campaign.startDate,
    endDate: campaign.endDate,
    scope: campaign.localityIds.length > 0 ? 'chosen' : 'all',
    localities: localities.filter((l) => !l.voided || campaign.localityIds.includes(l.id)).map((l) => ({ id: l.id, checked: campaign.localityIds.includes(l.id) })),
    categories: blank.categories.map((c) => ({ ...c, checked: campaign.categoryCodes.includes(c.code) })),
    forces: campaign.forces,
    notes: campaign.notes,
    targets: campaign.results.filter((r) => r.target !== null).map((r) => ({ key: newEntryKey(), measureCode: r.measure.code, target: decimalText(r.target ?? 0) })),
  };
}

export function toCampaignInput(values: CampaignValues): z.input<typeof campaignInput> {
  return {
    name: values.name,
    decisionNo: values.decisionNo,
    decisionDate: blankToNull(values.decisionDate),
    startDate: values.startDate,
    endDate: values.endDate,
    localityIds: values.scope === 'chosen' ? values.localities.filter((l) => l.checked).map((l) => l.id) : [],
    categoryCodes: values.categories.filter((c) => c.checked).map((c) => c.code),
    forces: values.forces,
    notes: values.notes,
    targets: values.targets.map((t) => ({ measureCode: t.measureCode, target: toDecimal(t.target) })),
  };
}
