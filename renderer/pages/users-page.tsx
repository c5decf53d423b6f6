import { useState, type ComponentType } from 'react';
import type { UserView } from '../../api/views';
import { Notice } from '../components/notice';
import { LoadedView } from '../components/loaded-view';
import { Page } from '../components/page';
import { invoke } from '../api-client';
import { describeError } from '../errors';
import { useCall } from '../data/use-call';
import { useI18n } from '../i18n';
import type { Message } from '../i18n/message';
import { useCan, useSession } from '../session/session-context';
import { NoAccess } from './no-access';
import { DeactivatePanel } from './users/deactivate-panel';
import { ReactivatePanel } from './users/reactivate-panel';
import { ResetPasswordPanel } from './users/reset-password-panel';
import type { ActionPanelProps, UserAction } from './users/user-action';
import { UserCreateForm } from './users/user-create-form';
import { UserEditPanel } from './users/user-edit-panel';
import { UsersTable } from './users/users-table';
import { AuditCheck } from './users/audit-check';

/** One active administrator: a colleague could keep that one locked out with wrong passwords (docs/security.md). */
function singleAdmin(users: readonly UserView[]): boolean {
  return users.filter((user) => user.active && user.role === 'admin').length < 2;
}

const panels: Record<UserAction['kind'], ComponentType<ActionPanelProps>> = {
  edit: UserEditPanel,
  reset: ResetPasswordPanel,
  deactivate: DeactivatePanel,
  reactivate: ReactivatePanel,
};

export function UsersPage() {
  const { t } = useI18n();
  const canManage = useCan('users.manage');
  return <Page title={t('users.title')}>{canManage ? <UsersManager /> : <NoAccess />}</Page>;
}

/** Users a key rotation dropped, or that the next one would drop, and what the administrator does about it. */
function KeyProblems({ users }: { readonly users: readonly UserView[] }) {
  const { t } = useI18n();
  const count = users.filter((user) => user.keyProblem !== null).length;
  return count === 0 ? null : <Notice kind="error">{t('users.keyProblems', { count })}</Notice>;
}

function UsersManager() {
  const { t } = useI18n();
  const { session } = useSession();
  const [users, reload] = useCall('users.list', {});
  const [notice, setNotice] = useState<Message | null>(null);
  const [action, setAction] = useState<UserAction | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const done = (message: Message) => {
    setAction(null);
    setNotice(message);
    reload();
  };
  const ActionPanel = action ? panels[action.kind] : null;
  const unlock = (user: UserView) => {
    setNotice(null);
    setFailure(null);
    void invoke('users.unlock', { userId: user.id }).then((result) => {
      if (result.ok) done({ key: 'users.unlocked', params: { name: user.fullName } });
      else setFailure(describeError(t, result.error));
    });
  };

  return (
    <>
      {notice ? <Notice kind="success">{t(notice.key, notice.params)}</Notice> : null}
      {failure ? <Notice kind="error">{failure}</Notice> : null}
      <LoadedView loaded={users}>
        {(list) => (
          <>
            {singleAdmin(list) ? <Notice kind="info">{t('users.singleAdmin')}</Notice> : null}
            <KeyProblems users={list} />
            <UsersTable
            users={list}
            meId={session.user.id}
            onAction={(next) => {
              setNotice(null);
              setAction(next);
            }}
            onUnlock={unlock}
          />
          </>
        )}
      </LoadedView>
      {action && ActionPanel ? <ActionPanel key={`${action.kind}-${action.user.id}`} user={action.user} onDone={done} onCancel={() => setAction(null)} /> : null}
      <UserCreateForm
        onCreated={(user) => {
          setAction(null);
          done({ key: 'users.added', params: { name: user.fullName } });
        }}
      />
      <AuditCheck />
    </>
  );
}
