import { z } from 'zod';
import { call, oneRecord } from '../define';
import { changesOf, id, isoDate, officeFilter, optionalText, requiredText } from '../fields';
import type { CampaignRow, CampaignView, MeasureView, OperationView, Page } from '../views';
import { operationKinds } from '../vocabulary';
export { operationKinds, type OperationKind } from '../vocabulary';

const target = z.strictObject({ id, baseVersion: z.string().min(1) });
const quantity = z.number({ error: 'v.number' }).min(0, 'v.too_small').max(1e15, 'v.too_big');

export const campaignInput = z
  .strictObject({
    name: requiredText(300),
    decisionNo: optionalText(60),
    decisionDate: isoDate.nullable().default(null),
    startDate: isoDate,
    endDate: isoDate,
    /** Empty: the whole office. */
    localityIds: z.array(id).max(500).default([]),
    categoryCodes: z.array(z.string().max(60)).max(100).default([]),
    forces: optionalText(2000),
    notes: optionalText(5000),
    targets: z.array(z.strictObject({ measureCode: z.string().min(1).max(60), target: quantity })).max(100).default([]),
  })
  .superRefine((value, ctx) => {
    if (value.endDate < value.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'v.invalid' });
  });

export const operationInput = z.strictObject({
  campaignId: id,
  kind: z.enum(operationKinds, { error: 'v.required' }),
  startedAt: z.number().int().min(Date.UTC(1990, 0, 1)).max(Date.UTC(2200, 0, 1)),
  place: optionalText(300),
  localityId: id.nullable().default(null),
  forces: optionalText(1000),
  leader: optionalText(200),
  personsArrested: z.number().int().min(0).max(100_000).default(0),
  personsSanctioned: z.number().int().min(0).max(100_000).default(0),
  seizures: z.array(z.strictObject({ measureCode: z.string().min(1).max(60), quantity })).max(100).default([]),
  hotspotIds: z.array(id).max(100).default([]),
  reportIds: z.array(id).max(500).default([]),
  notes: optionalText(5000),
});

export const campaignCalls = {
  'campaigns.measures': call<MeasureView[]>()({ readOnly: true, input: z.strictObject({}), permission: 'session' }),
  /** An administrator adds a seized item to count (a kind of drug, goods, weapons…), with its unit. */
  'measures.create': call<MeasureView>()({
    input: z.strictObject({
      /** Left out (or empty): made from the Vietnamese name; nobody types a code name (issue #18). */
      code: z.string().trim().regex(/^([a-z0-9_]{2,60})?$/, 'v.invalid').default(''),
      nameVi: requiredText(200),
      nameEn: optionalText(200),
      unit: requiredText(30),
    }),
    permission: 'settings.manage',
  }),
  'campaigns.list': call<Page<CampaignRow>>()({
    readOnly: true,
    input: z.strictObject({ q: z.string().max(200).default(''), officeId: officeFilter, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
    permission: 'session',
  }),
  /** The campaign page: targets beside results counted live, operations, and comparisons. */
  'campaigns.get': call<CampaignView>()({ readOnly: true, input: z.strictObject({ id }), permission: 'session', audit: oneRecord('campaigns') }),
  'campaigns.create': call<CampaignView>()({ input: campaignInput, permission: 'office.lead' }),
  'campaigns.update': call<CampaignView>()({ input: z.strictObject({ ...target.shape, fields: changesOf(campaignInput) }), permission: 'office.lead' }),
  'campaigns.adjust': call<CampaignView>()({
    input: z.strictObject({ campaignId: id, measureCode: z.string().min(1).max(60), delta: z.number().min(-1e15).max(1e15), reason: requiredText(500) }),
    permission: 'office.lead',
  }),
  'campaigns.linkReport': call<CampaignView>()({ input: z.strictObject({ campaignId: id, reportId: id }), permission: 'records.write' }),
  'campaigns.unlinkReport': call<CampaignView>()({ input: z.strictObject({ linkId: id, reason: requiredText(500) }), permission: 'records.write' }),
  'operations.create': call<OperationView>()({ input: operationInput, permission: 'records.write' }),
  'operations.void': call<null>()({ input: z.strictObject({ id, reason: requiredText(500) }), permission: 'records.write' }),
};
