import { randomBytes } from 'node:crypto';

/**
 * A session is one window (Electron) or one browser cookie (the browser host). The transport maps its
 * own identity to a session; the dispatcher reads and changes it. It holds only the user's id: the
 * user's role and active flag are read from the store on every call, so a change takes effect at once.
 */
export interface Session {
  readonly id: string;
  userId: string | null;
  /** Last call made by the user, epoch ms; the idle lock counts from here. */
  lastActive: number;
  /** Locked after idle time: only the password (auth.unlock) or logout opens it. */
  locked: boolean;
}

export class Sessions {
  private readonly byId = new Map<string, Session>();

  create(now: number): Session {
    const session: Session = { id: randomBytes(32).toString('base64url'), userId: null, lastActive: now, locked: false };
    this.byId.set(session.id, session);
    return session;
  }

  get(id: string | undefined): Session | undefined {
    return id === undefined ? undefined : this.byId.get(id);
  }

  delete(id: string): void {
    this.byId.delete(id);
  }

  /** Ends every session of a user: on deactivation or a role change. */
  endForUser(userId: string): void {
    for (const session of this.byId.values()) {
      if (session.userId === userId) {
        session.userId = null;
        session.locked = false;
      }
    }
  }
}
