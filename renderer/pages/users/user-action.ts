import type { UserView } from '../../../api/views';
import type { Message } from '../../i18n/message';

/** A task opened from a row of the users table. */
export interface UserAction {
  readonly kind: 'edit' | 'reset' | 'deactivate' | 'reactivate';
  readonly user: UserView;
}

/** What every action panel gets: done (with the message to show) or cancelled. */
export interface ActionPanelProps {
  readonly user: UserView;
  readonly onDone: (message: Message) => void;
  readonly onCancel: () => void;
}

export const emptyPasswords = { password: '', passwordConfirm: '' };
