import { useOffices } from '../data/use-offices';
import { useI18n } from '../i18n';
import { Notice } from './notice';

/** Says that a record belongs to another office and is read only here; nothing for the own office's. */
export function OtherOfficeNotice({ officeId }: { readonly officeId: string }) {
  const { t } = useI18n();
  const offices = useOffices();
  if (officeId === offices.ownCode) return null;
  return <Notice kind="info">{t('office.readOnly', { name: offices.nameOf(officeId) })}</Notice>;
}
