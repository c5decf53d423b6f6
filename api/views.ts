import type { Role } from './roles';

/** Shapes of what calls return. Plain data: they cross IPC and HTTP as JSON. */

export type OfficeLevel = 'commune' | 'higher';

export interface OfficeView {
  readonly code: string;
  readonly name: string;
  readonly level: OfficeLevel;
  readonly parentCode: string;
  readonly parentName: string;
  readonly demo: boolean;
}

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
}

export interface SessionView {
  readonly user: UserView;
  readonly office: OfficeView;
  /** Minutes of inactivity after which the session locks; 0 = never. */
  readonly idleLockMinutes: number;
  /** The session is locked after idle time and waits for the password. */
  readonly locked: boolean;
}

/** What the interface needs before anyone logs in. */
export interface SetupStatus {
  /** new: nothing set up on this machine; ready: set up, log in to open the store. */
  readonly state: 'new' | 'ready';
  readonly office: { readonly code: string; readonly name: string; readonly demo: boolean } | null;
}

export interface Settings {
  readonly idleLockMinutes: number;
  /** Remote commune or island: 48 hours instead of 24 to transfer a report (CPC 2015 art. 146). */
  readonly remoteCommune: boolean;
}

export interface LocalityView {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly voided: boolean;
}

export interface CategoryView {
  readonly id: string;
  readonly code: string;
  readonly groupCode: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly sort: number;
}

export interface CallInfo {
  readonly name: string;
  readonly permission: string;
  readonly input: unknown;
}
