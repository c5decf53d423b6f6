import type { ProgramKindView } from '../../../api/views';
import type { Lang } from '../../i18n';

/** A program kind's name in the interface language; a code this office does not know is shown as stored. */
export function kindName(lang: Lang, kinds: readonly ProgramKindView[], code: string): string {
  const kind = kinds.find((k) => k.code === code);
  if (!kind) return code;
  return lang === 'en' && kind.nameEn ? kind.nameEn : kind.nameVi;
}

/** "sinh 1990" or "12/03/1990": how a person's birth is shown in lists. */
export function bornText(person: { readonly birthDate: string | null; readonly birthYear: number | null }): string | null {
  if (person.birthDate) return `${person.birthDate.slice(8, 10)}/${person.birthDate.slice(5, 7)}/${person.birthDate.slice(0, 4)}`;
  return person.birthYear !== null ? String(person.birthYear) : null;
}
