import type { UserView } from '../../../api/views';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';

/** Đang hoạt động / Đã vô hiệu hóa / Tạm khóa đến HH:mm dd/mm/yyyy. */
export function UserStatus({ user }: { readonly user: UserView }) {
  const { t } = useI18n();
  if (!user.active) return <span className="status status-off">{t('status.inactive')}</span>;
  if (user.keyProblem === 'missing') return <span className="status status-warn">{t('users.keyMissing')}</span>;
  if (user.keyProblem === 'old_format') return <span className="status status-warn">{t('users.keyOldFormat')}</span>;
  if (user.lockedUntil !== null) return <span className="status status-warn">{t('status.lockedUntil', { time: formatDateTime(user.lockedUntil) })}</span>;
  return <span className="status status-on">{t('status.active')}</span>;
}
