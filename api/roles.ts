/**
 * Roles and permissions: the single source of who may do what. Every call in the contract names one
 * permission; the backend checks it against the session's user on every call.
 */
export const roles = ['officer', 'chief', 'admin'] as const;
export type Role = (typeof roles)[number];

export const permissionRoles = {
  /** No login needed: setup on first run, login itself. */
  public: [],
  /** Any logged-in, active user. */
  session: ['officer', 'chief', 'admin'],
  /** Read and write the office's records. */
  'records.write': ['officer', 'chief', 'admin'],
  /** Issue reports, approve, see every officer's work. */
  'office.lead': ['chief', 'admin'],
  /** Manage users and their passwords. */
  'users.manage': ['admin'],
  /** Change the office's settings and reference data. */
  'settings.manage': ['admin'],
  /** Take backups by hand and restore one over the store. */
  'backups.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionRoles;

export function roleHasPermission(role: Role, permission: Permission): boolean {
  if (permission === 'public') return true;
  return (permissionRoles[permission] as readonly Role[]).includes(role);
}

/**
 * Who sees the name, contact and address of a reporter who asked for secrecy (`reporterAnonymous`):
 * chiefs and administrators. Everyone else gets the flag and empty values, in every call
 * (db/secrets.ts); each time these values go out to a chief or an administrator, it is audited.
 */
export function seesSecretReporters(role: Role): boolean {
  return role === 'chief' || role === 'admin';
}
