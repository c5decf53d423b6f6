import { createContext, useContext } from 'react';
import { roleHasPermission, type Permission } from '../../api/roles';
import type { SessionView } from '../../api/views';

/** What pages of the main layout know about the logged-in user, and what they can ask of the app. */
export interface SessionApi {
  readonly session: SessionView;
  /** Reads the session again (after a change to the settings or to the user's own account). */
  readonly refresh: () => Promise<void>;
  readonly logout: () => void;
}

export const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside the main layout');
  return value;
}

/** Whether the logged-in user's role has the permission (api/roles.ts; the backend checks it again). */
export function useCan(permission: Permission): boolean {
  return roleHasPermission(useSession().session.user.role, permission);
}
