import { z } from 'zod';
import { call, oneRecord } from '../define';
import { changesOf, id, isoDate, officeFilter, optionalText, requiredText } from '../fields';
import type { HotspotDue, HotspotRow, HotspotView, Page } from '../views';
import { hotspotTypes, hotspotStatuses, hotspotRisks, hotspotRoles } from '../vocabulary';
export { hotspotTypes, hotspotStatuses, hotspotRisks, hotspotRoles, type HotspotType, type HotspotStatus, type HotspotRisk, type HotspotRole } from '../vocabulary';

const target = z.strictObject({ id, baseVersion: z.string().min(1) });

export const hotspotInput = z.strictObject({
  name: requiredText(200),
  type: z.enum(hotspotTypes, { error: 'v.required' }),
  localityId: id.nullable().default(null),
  address: optionalText(300),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  description: optionalText(5000),
  risk: z.enum(hotspotRisks).default('medium'),
  foundOn: isoDate,
  reviewDays: z.number({ error: 'v.number' }).int('v.number').min(1, 'v.too_small').max(365, 'v.too_big').default(30),
});

export const hotspotListInput = z.strictObject({
  q: z.string().max(200).default(''),
  type: z.enum(hotspotTypes).nullable().default(null),
  status: z.enum(hotspotStatuses).nullable().default(null),
  localityId: id.nullable().default(null),
  sort: z.enum(['name', 'next_review_on', 'found_on', 'status', 'risk']).default('next_review_on'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  officeId: officeFilter,
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export const hotspotCalls = {
  'hotspots.list': call<Page<HotspotRow>>()({ readOnly: true, input: hotspotListInput, permission: 'session' }),
  'hotspots.get': call<HotspotView>()({ readOnly: true, input: z.strictObject({ id }), permission: 'session', audit: oneRecord('hotspots') }),
  'hotspots.create': call<HotspotView>()({ input: hotspotInput, permission: 'records.write' }),
  'hotspots.update': call<HotspotView>()({ input: z.strictObject({ ...target.shape, fields: changesOf(hotspotInput) }), permission: 'records.write' }),
  'hotspots.setStatus': call<HotspotView>()({
    input: z.strictObject({ ...target.shape, status: z.enum(hotspotStatuses, { error: 'v.required' }), on: isoDate, note: optionalText(1000) }),
    permission: 'records.write',
  }),
  'hotspots.linkPerson': call<HotspotView>()({
    input: z.strictObject({ hotspotId: id, personId: id, role: z.enum(hotspotRoles, { error: 'v.required' }) }),
    permission: 'records.write',
  }),
  'hotspots.linkReport': call<HotspotView>()({ input: z.strictObject({ hotspotId: id, reportId: id }), permission: 'records.write' }),
  'hotspots.unlink': call<HotspotView>()({ input: z.strictObject({ linkId: id, reason: requiredText(300) }), permission: 'records.write' }),
  /** A check moves the next review date; it may also move the status. */
  'hotspots.check': call<HotspotView>()({
    input: z.strictObject({ hotspotId: id, date: isoDate, officers: optionalText(300), found: optionalText(5000), status: z.enum(hotspotStatuses).nullable().default(null) }),
    permission: 'records.write',
  }),
  'hotspots.due': call<HotspotDue>()({ readOnly: true, input: z.strictObject({ withinDays: z.number().int().min(0).max(90).default(7) }), permission: 'session' }),
};
