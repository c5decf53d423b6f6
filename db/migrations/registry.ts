import { foundation } from './0001-foundation';
import { register } from './0002-register';
import { people } from './0003-people';
import { campaigns } from './0004-campaigns';
import { movement } from './0005-movement';
import { reports } from './0006-reports';
import { exchange } from './0007-exchange';
import { province } from './0008-province';
import { everyOffice } from './0009-every-office';
import { searchTerms } from './0010-search-terms';
import { exchangeTrust } from './0011-exchange-trust';
import { readAudit } from './0012-read-audit';
import { drafts } from './0013-drafts';
import { sessionsPasswords } from './0014-sessions-passwords';
import { keyringSeals } from './0015-keyring-seals';
import { holidayYears } from './0016-holiday-years';
import { sortIndexes } from './0017-sort-indexes';
import { legacyImports } from './0018-legacy-imports';
import { subjects } from './0019-subjects';
import { legacyRegisters } from './0020-legacy-registers';
import { programKindPersons } from './0021-program-kind-persons';
import { listIndexes } from './0022-list-indexes';
import type { Migration } from './migration';

/** Every migration, in order. Append only: version N is at index N-1. */
export const migrations: readonly Migration[] = Object.freeze([
  foundation,
  register,
  people,
  campaigns,
  movement,
  reports,
  exchange,
  province,
  everyOffice,
  searchTerms,
  exchangeTrust,
  readAudit,
  drafts,
  sessionsPasswords,
  keyringSeals,
  holidayYears,
  sortIndexes,
  legacyImports,
  subjects,
  legacyRegisters,
  programKindPersons,
  listIndexes,
]);

export const schemaVersion = migrations.length;
