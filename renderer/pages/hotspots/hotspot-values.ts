import type { z } from 'zod';
import type { hotspotInput, hotspotRisks, hotspotTypes } from '../../../api/calls/hotspots';
import type { HotspotView } from '../../../api/views';
import { blankToNull, chosenCode, textOf, toNumber, toOptionalNumber } from '../../forms/convert';

type HotspotType = (typeof hotspotTypes)[number];
type Risk = (typeof hotspotRisks)[number];

/** The hotspot form's values as its inputs hold them. */
export interface HotspotValues {
  name: string;
  type: HotspotType | '';
  localityId: string;
  address: string;
  latitude: string;
  longitude: string;
  description: string;
  risk: Risk;
  foundOn: string;
  reviewDays: string;
}

export function newHotspotValues(today: string): HotspotValues {
  return { name: '', type: '', localityId: '', address: '', latitude: '', longitude: '', description: '', risk: 'medium', foundOn: today, reviewDays: '30' };
}

const known = <T extends string>(value: string, codes: readonly T[]): T | '' => codes.find((c) => c === value) ?? '';

export function hotspotValues(hotspot: HotspotView, types: readonly HotspotType[]): HotspotValues {
  return {
    name: hotspot.name,
    type: known(hotspot.type, types),
    localityId: hotspot.localityId ?? '',
    address: hotspot.address,
    latitude: textOf(hotspot.latitude),
    longitude: textOf(hotspot.longitude),
    description: hotspot.description,
    risk: hotspot.risk,
    foundOn: hotspot.foundOn,
    reviewDays: String(hotspot.reviewDays),
  };
}

export function toHotspotInput(values: HotspotValues): z.input<typeof hotspotInput> {
  return {
    name: values.name,
    type: chosenCode(values.type),
    localityId: blankToNull(values.localityId),
    address: values.address,
    latitude: toOptionalNumber(values.latitude),
    longitude: toOptionalNumber(values.longitude),
    description: values.description,
    risk: values.risk,
    foundOn: values.foundOn,
    reviewDays: toNumber(values.reviewDays),
  };
}
