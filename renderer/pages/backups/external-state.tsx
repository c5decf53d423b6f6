import type { BackupListView, ExternalCopyView } from '../../../api/views';
import { Notice } from '../../components/notice';
import { formatDateAndTime } from '../../format';
import { useI18n, type I18n, type MessageKey } from '../../i18n';

const REASONS: Readonly<Record<string, MessageKey>> = {
  ENOENT: 'bk.externalReason.ENOENT',
  ENOTDIR: 'bk.externalReason.ENOTDIR',
  EACCES: 'bk.externalReason.EACCES',
  EPERM: 'bk.externalReason.EPERM',
  EROFS: 'bk.externalReason.EROFS',
  ENOSPC: 'bk.externalReason.ENOSPC',
};

/** What became of the copy to the external folder, in words. */
function describeExternalCopy(t: I18n['t'], copy: ExternalCopyView): string {
  const at = formatDateAndTime(copy.at);
  if (copy.ok) return t('bk.externalOk', { folder: copy.folder, at });
  const code = copy.errorCode ?? 'EIO';
  const reason = REASONS[code] ? t(REASONS[code]) : t('bk.externalReason.other', { code });
  return t('bk.externalFailed', { folder: copy.folder, at, reason });
}

/** Where the backups are copied besides this computer, and how the last copy went. */
export function ExternalState({ list }: { readonly list: BackupListView }) {
  const { t } = useI18n();
  const last = list.lastExternal;
  if (!list.externalFolder) return <p className="muted">{t('bk.externalNone')}</p>;
  if (!last) return null;
  return last.ok ? <p className="muted">{describeExternalCopy(t, last)}</p> : <Notice kind="error">{describeExternalCopy(t, last)}</Notice>;
}
