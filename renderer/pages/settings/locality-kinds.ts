import type { MessageKey } from '../../i18n';

/** Kinds of villages and neighbourhoods; the stored value is the Vietnamese word. */
export const localityKinds = [
  { value: 'thôn', label: 'locality.kind.thon' },
  { value: 'tổ dân phố', label: 'locality.kind.toDanPho' },
  { value: 'ấp', label: 'locality.kind.ap' },
  { value: 'bản', label: 'locality.kind.ban' },
  { value: 'xóm', label: 'locality.kind.xom' },
  { value: 'khu phố', label: 'locality.kind.khuPho' },
] as const satisfies readonly { value: string; label: MessageKey }[];

export type LocalityKind = (typeof localityKinds)[number]['value'];

/** The label key of a stored kind, or null for a kind this list does not know (shown as stored). */
export function localityKindLabel(kind: string): MessageKey | null {
  return localityKinds.find((item) => item.value === kind)?.label ?? null;
}
