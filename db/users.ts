import type { Role } from '../api/roles';
import type { UserView } from '../api/views';
import { isSealed, type KeyringEntry } from './keyring';
import { all, first, qb } from './query';
import type { UsersTable } from './schema';
import type { Sqlite } from './store';

export type UserRow = UsersTable;

export function findUser(db: Sqlite, id: string): UserRow | undefined {
  return first(db, qb.selectFrom('users').selectAll().where('id', '=', id));
}

export function findUserByName(db: Sqlite, username: string): UserRow | undefined {
  return first(db, qb.selectFrom('users').selectAll().where('username', '=', username));
}

const vietnamese = new Intl.Collator('vi');

/** Active users first, then by name in Vietnamese alphabetical order (SQLite only sorts by bytes). */
export function listUsers(db: Sqlite): UserRow[] {
  return all(db, qb.selectFrom('users').selectAll().where('deleted_at', 'is', null)).sort(
    (a, b) => b.active - a.active || vietnamese.compare(a.full_name, b.full_name),
  );
}

export function userView(row: UserRow, entry: KeyringEntry | undefined, now: number): UserView {
  const lockedUntil = entry?.lockedUntil != null && entry.lockedUntil > now ? entry.lockedUntil : null;
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    rank: row.rank,
    position: row.position,
    role: row.role as Role,
    active: row.active === 1,
    lockedUntil,
    keyProblem: row.active !== 1 ? null : !entry ? 'missing' : isSealed(entry) ? null : 'old_format',
  };
}
