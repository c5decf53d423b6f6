import type { CategoryView } from '../../../api/views';
import type { SelectOption } from '../../components/select-field';
import { isMessageKey, type I18n, type Lang } from '../../i18n';

/** Families of stored codes with a translated label each ("kind.crime_report" → "Tin báo về tội phạm"). */
export type LabelFamily =
  | 'kind'
  | 'channel'
  | 'reportStatus'
  | 'decision'
  | 'resolution'
  | 'personRole'
  | 'gender'
  | 'deadline'
  | 'categoryGroup'
  | 'linkKind'
  | 'programStatus'
  | 'endReason'
  | 'drugTest'
  | 'reminder'
  | 'duplicateReason'
  | 'hotspotType'
  | 'hotspotStatus'
  | 'risk'
  | 'hotspotRole'
  | 'graphNode'
  | 'operationKind';

/** The label of a stored code; a code this version does not know (sent by a newer office) is shown as stored. */
export function codeLabel(t: I18n['t'], family: LabelFamily, code: string): string {
  const key = `${family}.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/** Select options for every code of a family, in the order given. */
export function codeOptions<T extends string>(t: I18n['t'], family: LabelFamily, codes: readonly T[]): SelectOption<T>[] {
  return codes.map((code) => ({ value: code, label: codeLabel(t, family, code) }));
}

export function categoryName(lang: Lang, category: CategoryView): string {
  return lang === 'en' && category.nameEn ? category.nameEn : category.nameVi;
}

/**
 * The categories under their groups: the groups in the order the office keeps them (categories.list
 * sends them group by group), each group's categories by their place in it. The one grouping of every
 * form and filter that offers categories (issue #18): the select options below and the campaign form.
 */
export function categoryGroups(categories: readonly CategoryView[]): { readonly groupCode: string; readonly categories: readonly CategoryView[] }[] {
  const groups = new Map<string, CategoryView[]>();
  for (const category of categories) groups.set(category.groupCode, [...(groups.get(category.groupCode) ?? []), category]);
  return [...groups].map(([groupCode, members]) => ({ groupCode, categories: [...members].sort((a, b) => a.sort - b.sort) }));
}

/** Categories as select options grouped by their group, after a first option for "none" or "all". */
export function categoryOptions(i18n: I18n, categories: readonly CategoryView[], first: string): SelectOption<string>[] {
  return [
    { value: '', label: first },
    ...categoryGroups(categories).flatMap((group) =>
      group.categories.map((category) => ({ value: category.code, label: categoryName(i18n.lang, category), group: codeLabel(i18n.t, 'categoryGroup', group.groupCode) })),
    ),
  ];
}
