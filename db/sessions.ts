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

const ANONYMOUS_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_ANONYMOUS = 1000;

export class Sessions {
  private readonly byId = new Map<string, Session>();

  create(now: number): Session {
    this.evict(now);
    const session: Session = { id: randomBytes(32).toString('base64url'), userId: null, lastActive: now, locked: false };
    this.byId.set(session.id, session);
    return session;
  }

  get size(): number {
    return this.byId.size;
  }

  /**
   * Sessions nobody logged in to, untouched for a day, are forgotten; so are the oldest anonymous ones
   * past a ceiling, so a client that never keeps its cookie cannot fill the memory.
   */
  private evict(now: number): void {
    const anonymous = [...this.byId.values()].filter((session) => session.userId === null);
    for (const session of anonymous) if (now - session.lastActive > ANONYMOUS_TTL_MS) this.byId.delete(session.id);
    const live = anonymous.filter((session) => this.byId.has(session.id));
    if (live.length >= MAX_ANONYMOUS) {
      live.sort((a, b) => a.lastActive - b.lastActive);
      for (const session of live.slice(0, live.length - MAX_ANONYMOUS + 1)) this.byId.delete(session.id);
    }
  }

  get(id: string | undefined): Session | undefined {
    return id === undefined ? undefined : this.byId.get(id);
  }

  delete(id: string): void {
    this.byId.delete(id);
  }

  /** Ends every session but one: after a restore, only the restorer's goes on. */
  endAllExcept(keepId: string): void {
    for (const session of this.byId.values()) {
      if (session.id === keepId) continue;
      session.userId = null;
      session.locked = false;
    }
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
