import type { Role } from '../roles';
import type { OfficeView } from './office';

/** What the calls of api/calls/users.ts, auth.ts and setup.ts return (docs/architecture.md, "The contract"). */
export interface UserView {
  readonly id: string;
  readonly username: string;
  readonly fullName: string;
  readonly rank: string;
  readonly position: string;
  readonly role: Role;
  readonly active: boolean;
  /** Epoch ms until which logins are refused after repeated failures; null when not locked out. */
  readonly lockedUntil: number | null;
  /**
   * What is wrong with an active user's key to the store (db/keyring.ts, db/rotation.ts): `missing`, a
   * key rotation dropped their entry (they had no key pair yet) so they cannot log in; `old_format`, a
   * version 1 entry the next rotation will drop unless they log in first. Null when all is well or the
   * account is inactive. Either way an administrator's password reset gives them a key pair.
   */
  readonly keyProblem: 'missing' | 'old_format' | null;
}

export interface OfficerView {
  readonly id: string;
  readonly fullName: string;
  readonly rank: string;
}

export interface SessionView {
  readonly user: UserView;
  readonly office: OfficeView;
  /** Minutes of inactivity after which the session locks (1 to 60; never off). */
  readonly idleLockMinutes: number;
  /** The session is locked after idle time and waits for the password. */
  readonly locked: boolean;
  /**
   * The password was set by an administrator (one-time) or no longer meets the rule: every call but
   * auth.changePassword, auth.logout and auth.session answers auth.password_change_required.
   */
  readonly mustChangePassword: boolean;
  /** The check of the store after a session that did not end: writing waits while it runs. */
  readonly storeCheck: StoreCheckView;
  /** The backup being written now (the day's, one by hand, before an import), or null. */
  readonly backup: BackupProgressView | null;
  /** A bundle being imported (or checked in a dry run) now: writing waits meanwhile. Null when none. */
  readonly importing: ImportProgressView | null;
}

/**
 * An import on its worker, writing waiting meanwhile: another office's bundle (or its dry run), how far
 * through its payload, or an old register's write (issue #22), how far through its records; 0 to 99
 * until done.
 */
export interface ImportProgressView {
  readonly source: 'bundle' | 'register';
  readonly dryRun: boolean;
  readonly percent: number;
}

/**
 * The check of the whole store after a session that did not end cleanly, run in the background: none
 * (the last session ended cleanly), checking (tables checked of total), passed, or damaged (with the
 * newest backup, offered for restore; null when there is none).
 */
export interface StoreCheckView {
  readonly state: 'none' | 'checking' | 'passed' | 'damaged';
  readonly done: number;
  readonly total: number;
  readonly lastBackup: string | null;
  /** When that backup was taken (epoch ms), or null. */
  readonly lastBackupAt: number | null;
}

/** A backup being written on the worker thread: why, and about how far (0 to 99, from the size written so far). */
export interface BackupProgressView {
  readonly reason: string;
  readonly percent: number;
}

/** What the interface needs before anyone logs in. */
export interface SetupStatus {
  /** new: nothing set up on this machine; ready: set up, log in to open the store. */
  readonly state: 'new' | 'ready';
  readonly office: { readonly code: string; readonly name: string; readonly demo: boolean } | null;
  /**
   * The last session did not end cleanly (a power cut, the computer turned off): the next login checks
   * every page of the store before opening it, which takes a while on a large store (half a minute at a
   * province's million reports).
   */
  readonly checkOnOpen: boolean;
  /** The app's version (package.json), for About: asked before anyone logs in, so the login screen shows it too. */
  readonly appVersion: string;
}

export interface CallInfo {
  readonly name: string;
  readonly permission: string;
  readonly input: unknown;
}
