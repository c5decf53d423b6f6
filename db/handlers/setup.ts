import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { AppError } from '../app-error';
import { APP_VERSION } from '../app-version';
import { newNodeId, uuidv7 } from '../ids';
import { initIdentity } from '../exchange/identity';
import { recordEntry } from '../key-binding';
import { Keyring, newUserKey } from '../keyring';
import { migrate } from '../migrations/runner';
import { migrations } from '../migrations/registry';
import { categorySeed } from '../seed/categories';
import { measureSeed } from '../seed/measures';
import { safetyCriteriaSeed } from '../../core/safe-unit';
import { programKindSeed } from '../../core/programs';
import { localityKindOf } from '../office';
import { openSqlite } from '../store';
import { openSqliteStore } from '../stores/sqlite';
import { hashPassword, recordPassword } from '../passwords';
import { initClock, WritePath, type WriteContext } from '../write-path';
import type { ParsedInput } from '../../api/contract';
import type { OpenStore } from '../backend';
import { SIZES, yearsUpTo } from '../demo/generator';
import { fillStore } from '../demo/write';
import type { Context, HandlersOf } from './context';

/**
 * A first run cut short (a power cut between creating the store and writing the keyring) leaves a
 * store without a keyring, or the reverse; neither can be opened. They are moved aside, never deleted.
 */
function setAsideIncomplete(paths: { store: string; keyring: string }): void {
  const stamp = new Date().toISOString().replace(/[-:.]/g, '');
  for (const file of [paths.store, `${paths.store}-wal`, `${paths.store}-shm`, paths.keyring]) {
    if (existsSync(file)) renameSync(file, `${file}.incomplete-${stamp}`);
  }
}

type SetupInput = ParsedInput<'setup.create'>;

/** The office a demo installation is set up as: a commune with a code no real unit has. */
export const DEMO_OFFICE: SetupInput['office'] = Object.freeze({
  name: 'Công an xã Quảng Hưng',
  code: '99999',
  level: 'commune',
  parentName: 'Công an tỉnh Thanh Hóa',
  parentCode: '38',
});

/** The seed of the demo data: every demo installation starts from the same year. */
const DEMO_SEED = 2026;

/**
 * First run: a random store key, the encrypted store with its schema, the office, its localities,
 * the seeded categories and the first administrator; then `fill` (demo data) and the keyring with the
 * administrator's key pair and the store key sealed to it. Any failure removes what was made, so setup can simply be tried again.
 */
async function setUpOffice(ctx: Context, input: SetupInput, options: { call: string; demo: boolean; fill?: (store: OpenStore, adminId: string) => void }): Promise<null> {
  const { backend } = ctx;
  if (backend.isSetUp()) throw new AppError('setup.done', 'this machine already has an office set up');
  const key = randomBytes(32);
  const adminId = uuidv7();
  const officeId = input.office.code;
  const entry = await newUserKey(adminId, input.admin.password, key, backend.kdf);
  const hashed = await hashPassword(input.admin.password);
  // A setup submitted twice: the first finished while this one derived its key.
  if (backend.isSetUp()) throw new AppError('setup.done', 'this machine already has an office set up');
  setAsideIncomplete(backend.paths);
  const sql = openSqlite(backend.paths.store, key.toString('hex'));
  try {
    migrate(sql, migrations);
    const writes = new WritePath(sql);
    const write: WriteContext = { userId: adminId, officeId, call: options.call };
    sql.transaction(() => {
      initClock(sql, newNodeId());
      writes.insert(
        'offices',
        {
          id: officeId,
          code: input.office.code,
          name: input.office.name,
          level: input.office.level,
          parent_code: input.office.parentCode,
          parent_name: input.office.parentName,
          demo: options.demo ? 1 : 0,
        },
        write,
      );
      initIdentity(sql, officeId, backend.now());
      writes.insert(
        'users',
        {
          id: adminId,
          username: input.admin.username,
          full_name: input.admin.fullName,
          rank: input.admin.rank,
          position: input.admin.position,
          role: 'admin',
          active: 1,
        },
        write,
      );
      recordEntry(sql, entry);
      // The administrator typed their own password: not one-time.
      recordPassword(sql, adminId, hashed, false, backend.now());
      for (const name of new Set(input.localities)) writes.insert('localities', { name, kind: localityKindOf(name) }, write);
      safetyCriteriaSeed.forEach(([unitKind, code, text], index) => writes.insert('safety_criteria', { code, unit_kind: unitKind, text, sort: index + 1 }, write));
      measureSeed.forEach(([code, vi, en, unit, source], index) =>
        writes.insert('measures', { code, name_vi: vi, name_en: en, unit, source, sort: index + 1 }, write),
      );
      programKindSeed.forEach((kind, index) =>
        writes.insert(
          'program_kinds',
          { code: kind.code, name_vi: kind.vi, name_en: kind.en, months: kind.months, checkin_days: kind.checkinDays, drug_test_days: kind.drugTestDays, source: kind.source, sort: index + 1 },
          write,
        ),
      );
      categorySeed.forEach((group, groupIndex) => {
        writes.insert('category_groups', { code: group.code, name_vi: group.vi, name_en: group.en, sort: groupIndex + 1 }, write);
        group.types.forEach(([code, vi, en], typeIndex) => {
          writes.insert('categories', { code, group_code: group.code, name_vi: vi, name_en: en, sort: typeIndex + 1 }, write);
        });
      });
    })();
    const store: OpenStore = { sql, data: openSqliteStore(sql, { file: backend.paths.store, keyHex: key.toString('hex') }), writes, officeId, key };
    options.fill?.(store, adminId);
    const keyring = Keyring.create(backend.paths.keyring, { code: input.office.code, name: input.office.name, demo: options.demo });
    keyring.setEntry(input.admin.username, entry);
    backend.adoptKeyring(keyring);
    backend.adoptStore(store);
    return null;
  } catch (error) {
    sql.close();
    for (const file of [backend.paths.store, `${backend.paths.store}-wal`, `${backend.paths.store}-shm`, backend.paths.keyring]) rmSync(file, { force: true });
    throw error;
  }
}

export const setupHandlers: HandlersOf<'setup.'> = {
  'setup.status': (ctx) => {
    const { backend } = ctx;
    if (!backend.isSetUp()) return { state: 'new', office: null, checkOnOpen: false, appVersion: APP_VERSION };
    return { state: 'ready', office: backend.keyring().office, checkOnOpen: backend.checksOnOpen(), appVersion: APP_VERSION };
  },

  'setup.create': (ctx, input) => setUpOffice(ctx, input, { call: 'setup.create', demo: false }),

  /**
   * Try the app: the demo commune (marked demo in the store and the keyring, so every screen says so)
   * with a year of generated records up to today, written through the bulk path; the administrator
   * typed is the officer on its records.
   */
  'setup.demo': (ctx, input) =>
    setUpOffice(ctx, { office: DEMO_OFFICE, localities: [], admin: input.admin }, {
      call: 'setup.demo',
      demo: true,
      fill: (store, adminId) => {
        const now = ctx.backend.now();
        fillStore(store, {
          seed: DEMO_SEED,
          offices: [{ ...DEMO_OFFICE, localities: [], officerIds: [adminId] }],
          ...yearsUpTo(now, 1),
          now,
          rates: SIZES.demo,
          userId: adminId,
        });
      },
    }),
};
