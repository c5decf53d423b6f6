import { randomBytes } from 'node:crypto';

/**
 * A session is one window (Electron) or one browser cookie (the browser host). The transport maps its
 * own identity to a session; the dispatcher reads and changes it. It holds only the user's id: the
 * user's role and active flag are read from the store on every call, so a change takes effect at once.
 */
export interface Session {
  /** Changed at login and unlock (Sessions.renew): an id planted before login never carries a login. */
  id: string;
  userId: string | null;
  /** When the user logged in, epoch ms: the session ends `sessionHours` later (the absolute lifetime). */
  loggedInAt: number;
  /** Set at login and unlock: the password is one-time or below the rule (db/passwords.ts). */
  mustChangePassword: boolean;
  /** Last call made by the user, epoch ms; the idle lock counts from here. */
  lastActive: number;
  /** Locked after idle time: only the password (auth.unlock) or logout opens it. */
  locked: boolean;
}

const ANONYMOUS_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_ANONYMOUS = 1000;

function newId(): string {
  return randomBytes(32).toString('base64url');
}

export class Sessions {
  private readonly byId = new Map<string, Session>();

  create(now: number): Session {
    this.evict(now);
    const session: Session = { id: newId(), userId: null, loggedInAt: now, lastActive: now, locked: false, mustChangePassword: false };
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

  /**
   * Logs the user in on this session under a new id: the old id stops naming anything (session
   * fixation: a cookie planted before login is worth nothing after it). The transport sees the new id
   * on the same object and hands it to the client.
   */
  logIn(session: Session, userId: string, now: number, mustChangePassword: boolean): void {
    this.byId.delete(session.id);
    session.id = newId();
    session.userId = userId;
    session.loggedInAt = now;
    session.lastActive = now;
    session.locked = false;
    session.mustChangePassword = mustChangePassword;
    this.byId.set(session.id, session);
  }

  /** Unlocking after idle time: a new id as at login; the absolute lifetime still counts from the login. */
  renew(session: Session, now: number, mustChangePassword: boolean): void {
    if (session.userId === null) return;
    const { userId, loggedInAt } = session;
    this.logIn(session, userId, now, mustChangePassword);
    session.loggedInAt = loggedInAt;
  }

  /** Logout: the session is forgotten; the transport expires its cookie. */
  end(session: Session): void {
    session.userId = null;
    session.locked = false;
    session.mustChangePassword = false;
    this.byId.delete(session.id);
  }

  /** Whether the session is still one this registry knows (logout and expiry remove it). */
  isLive(session: Session): boolean {
    return this.byId.get(session.id) === session;
  }

  /** Ends every session but one: after a restore, only the restorer's goes on. */
  endAllExcept(keepId: string): void {
    for (const session of [...this.byId.values()]) if (session.id !== keepId) this.end(session);
  }

  /** Ends every session of a user (on deactivation, a role change), or all but one (a password change). */
  endForUser(userId: string, exceptId?: string): void {
    for (const session of [...this.byId.values()]) {
      if (session.userId === userId && session.id !== exceptId) this.end(session);
    }
  }
}
