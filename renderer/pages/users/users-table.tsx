import type { UserView } from '../../../api/views';
import { Button } from '../../components/button';
import { DataTable, type Column } from '../../components/data-table';
import { useI18n } from '../../i18n';
import type { UserAction } from './user-action';
import { UserStatus } from './user-status';

export interface UsersTableProps {
  readonly users: readonly UserView[];
  /** The logged-in administrator, who cannot deactivate their own account. */
  readonly meId: string;
  readonly onAction: (action: UserAction) => void;
  /** Lift a lockout after failed logins (users.unlock). */
  readonly onUnlock: (user: UserView) => void;
}

export function UsersTable({ users, meId, onAction, onUnlock }: UsersTableProps) {
  const { t } = useI18n();
  const actionButton = (user: UserView, kind: UserAction['kind'], label: string) => (
    <Button small variant={kind === 'deactivate' ? 'danger' : 'secondary'} onClick={() => onAction({ kind, user })}>
      {label}
      <span className="sr-only"> – {user.fullName}</span>
    </Button>
  );
  const columns: readonly Column<UserView>[] = [
    {
      key: 'fullName',
      header: t('user.fullName'),
      rowHeader: true,
      cell: (user) => (
        <>
          {user.fullName}
          {user.id === meId ? <span className="muted"> {t('users.you')}</span> : null}
        </>
      ),
    },
    { key: 'username', header: t('user.username'), className: 'nowrap', cell: (user) => user.username },
    { key: 'rank', header: t('user.rank'), cell: (user) => user.rank },
    { key: 'position', header: t('user.position'), cell: (user) => user.position },
    { key: 'role', header: t('user.role'), className: 'nowrap', cell: (user) => t(`role.${user.role}`) },
    { key: 'status', header: t('user.status'), cell: (user) => <UserStatus user={user} /> },
    {
      key: 'actions',
      header: t('users.actions'),
      className: 'table-actions',
      cell: (user) =>
        user.active ? (
          <>
            {user.lockedUntil !== null ? (
              <Button small variant="secondary" onClick={() => onUnlock(user)}>
                {t('users.unlock')}
                <span className="sr-only"> – {user.fullName}</span>
              </Button>
            ) : null}
            {actionButton(user, 'edit', t('users.edit'))}
            {actionButton(user, 'reset', t('users.resetPassword'))}
            {user.id === meId ? null : actionButton(user, 'deactivate', t('users.deactivate'))}
          </>
        ) : (
          <>
            {actionButton(user, 'edit', t('users.edit'))}
            {actionButton(user, 'reactivate', t('users.reactivate'))}
          </>
        ),
    },
  ];
  return <DataTable caption={t('users.list')} columns={columns} rows={users} rowKey={(user) => user.id} empty={t('users.empty')} />;
}
